"""Email updates in a browser: subscribe, confirm and leave without JavaScript, and every page
of the journey accessible."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible
from updates.models import Subscriber

pytestmark = pytest.mark.django_db(transaction=True)

ADDRESS = "shop.manager@example.org"


def test_a_person_subscribes_confirms_and_leaves_without_javascript(site, browser, inbox):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.set_default_timeout(10_000)
    page.goto(site + "/news/")
    page.get_by_role("link", name="Get our news by email").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Get email updates")
    expect(page.get_by_label("News from the unit")).to_be_checked()
    page.get_by_label("Email address").fill(ADDRESS)
    page.get_by_label("Changes to the national threat level").check()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    [message] = inbox.to(ADDRESS)
    page.goto(site + inbox.link(message, "/confirm/"))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("You are subscribed")).to_be_visible()
    expect(page.get_by_label("News from the unit")).to_be_checked()
    expect(page.get_by_label("Changes to the national threat level")).to_be_checked()
    assert Subscriber.objects.get(email=ADDRESS).is_confirmed

    page.get_by_role("button", name="Unsubscribe from everything").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have unsubscribed")
    assert not Subscriber.objects.filter(email=ADDRESS).exists()


def test_every_page_of_the_journey_is_accessible(site, page, inbox):
    page.goto(site + "/email-updates/")
    assert_accessible(page)
    page.get_by_role("button", name="Subscribe").click()  # nothing filled in
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Email address").fill(ADDRESS)
    page.get_by_label("Updates during a major incident").check()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)
    confirm = inbox.link(inbox.to(ADDRESS)[0], "/confirm/")
    page.goto(site + confirm)
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("You are subscribed")).to_be_visible()
    assert_accessible(page)
    manage = page.url.split("?")[0]
    page.goto(manage.replace("/manage/", "/unsubscribe/"))
    assert_accessible(page)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have unsubscribed")
    assert_accessible(page)
    page.goto(site + confirm)  # used, and the address gone
    expect(page.get_by_role("heading", level=1)).to_have_text("This link has already been used")
    assert_accessible(page)
