"""The Prevent referral journey in a browser, with the keyboard alone, checked by axe-core."""

import re

import pytest
from playwright.sync_api import expect

from referrals.models import Referral
from tests.browser.helpers import assert_accessible, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def type_into(page, label: str, text: str, *, exact=True):
    field = page.get_by_label(label, exact=exact)
    tab_to(page, field, limit=80)
    page.keyboard.type(text)


def choose(page, label: str):
    """As a keyboard user picks a radio: Tab into the group, then arrow keys to the answer."""
    option = page.get_by_label(label, exact=True)
    name = option.get_attribute("name")
    tab_to(page, page.locator(f'input[name="{name}"]').first, limit=80)
    page.keyboard.press("Space")
    for _ in range(10):
        if option.is_checked():
            break
        page.keyboard.press("ArrowDown")
    expect(option).to_be_checked()


def continue_with_keyboard(page, name="Continue"):
    tab_to(page, page.get_by_role("button", name=name), limit=80)
    page.keyboard.press("Enter")


def test_a_professional_makes_a_referral_with_the_keyboard_alone(site, page):
    page.goto(site + "/contact/prevent-referral/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Make a Prevent referral")
    assert_accessible(page)
    tab_to(page, page.get_by_role("button", name="Start now"), limit=80)
    page.keyboard.press("Enter")

    # About you: first an empty Continue, to meet the error summary.
    expect(page.get_by_role("heading", level=1)).to_have_text("About you")
    assert_accessible(page)
    continue_with_keyboard(page)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Enter your full name")
    assert_accessible(page)
    type_into(page, "Your full name", "Ann Teacher")
    type_into(page, "Your role or job title", "Designated safeguarding lead")
    type_into(page, "Your organisation", "Hillside Academy")
    choose(page, "School, college or university")
    type_into(page, "Your work email address", "ann.teacher@hillside.example")
    type_into(page, "Your phone number", "01632 960 001")
    continue_with_keyboard(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("About the person")
    assert_accessible(page)
    type_into(page, "Their full name", "Sam Pupil")
    type_into(page, "Day", "3")
    type_into(page, "Month", "4")
    type_into(page, "Year", "2010")
    type_into(page, "Their address, or the area where they live", "Dudley")
    continue_with_keyboard(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Your concerns")
    assert_accessible(page)
    main = page.locator("#main-content")
    expect(main.get_by_role("link", name="999")).to_have_attribute("href", "tel:999")
    type_into(page, "What have you seen or heard that worries you?", "Sharing extremist videos.")
    type_into(page, "Since when have you been worried?", "September 2026")
    continue_with_keyboard(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Consent and sharing")
    assert_accessible(page)
    choose(page, "No")
    choose(page, "Without consent, to protect them or others from harm")
    continue_with_keyboard(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Other agencies")
    assert_accessible(page)
    type_into(page, "Which other agencies are already involved, if any? (optional)", "None")
    continue_with_keyboard(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before sending your referral"
    )
    assert_accessible(page)
    expect(page.get_by_text("3 April 2010")).to_be_visible()
    continue_with_keyboard(page, "Send referral")

    expect(page.get_by_role("heading", level=1)).to_have_text("Referral sent")
    assert_accessible(page)
    reference = Referral.objects.get().reference
    expect(page.locator(".govuk-panel__body")).to_contain_text(reference)
    assert re.fullmatch(r"PR-[2-9A-Z-]+", reference)
