"""The contact page and the feedback forms in a browser, as a person would use them."""

import re

import pytest
from playwright.sync_api import expect

from contact.models import Feedback
from tests.browser.helpers import assert_accessible, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 667}


def test_contact_page_shows_999_and_the_hotline_within_one_phone_screen(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site + "/contact/")
    main = page.locator("#main-content")
    for number in ("999", "0800 789 321"):
        link = main.get_by_role("link", name=number, exact=True).first
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box is not None
        assert box["y"] + box["height"] <= PHONE["height"], f"{number} is below the fold"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_contact_page_has_no_accessibility_violations(site, page):
    page.goto(site + "/contact/")
    assert_accessible(page)


def test_person_sends_feedback_and_sees_the_reference(site, page):
    page.goto(site + "/contact/")
    page.get_by_role("link", name="Send us feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send us feedback")
    page.get_by_label("Your feedback").fill("The numbers were easy to find.")
    page.get_by_label("Email address (optional)").fill("sam@example.com")
    page.get_by_label("You may reply to me by email").check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Feedback sent")
    reference = Feedback.objects.get().reference
    expect(page.locator(".govuk-panel__body")).to_contain_text(reference)
    assert re.fullmatch(r"FB-[A-Z0-9]{6}", reference)


def test_empty_form_errors_are_reached_with_the_keyboard(site, page):
    page.goto(site + "/contact/feedback/")
    page.get_by_role("button", name="Send feedback").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    first_link = summary.get_by_role("link", name="Enter your feedback")
    tab_to(page, first_link)
    page.keyboard.press("Enter")
    expect(page.get_by_label("Your feedback")).to_be_focused()


def test_feedback_form_with_errors_has_no_accessibility_violations(site, page):
    page.goto(site + "/contact/feedback/")
    page.get_by_label("Email address (optional)").fill("not an email")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)


def test_page_feedback_errors_link_to_the_first_radio_with_the_keyboard(site, page):
    page.goto(site + "/contact/page-feedback/?page=/contact/")
    page.get_by_role("button", name="Send feedback").click()
    summary = page.locator(".govuk-error-summary")
    link = summary.get_by_role("link", name="Select how useful this page was")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("radio", name="1 (not useful)")).to_be_focused()
    assert_accessible(page)


def test_page_feedback_sent_from_the_form_reaches_the_inbox(site, page):
    page.goto(site + "/contact/page-feedback/?page=/contact/")
    page.get_by_role("group", name="Did you find what you were looking for?").get_by_label(
        "Yes"
    ).check()
    page.get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for your feedback")
    page.get_by_role("link", name="Go back to the page you were reading").click()
    expect(page).to_have_url(site + "/contact/")
    feedback = Feedback.objects.get()
    assert (feedback.page_path, feedback.rating, feedback.found_what_looking_for) == (
        "/contact/",
        4,
        True,
    )
