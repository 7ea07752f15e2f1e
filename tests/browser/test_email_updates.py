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


def test_a_publisher_previews_tests_and_publishes_news_that_reaches_subscribers(
    site, page, inbox, staff_login
):
    from django.utils import timezone

    from core.roles import PUBLISHERS

    Subscriber.objects.create(email=ADDRESS, news=True, confirmed_at=timezone.now())
    percy = staff_login("percy", PUBLISHERS)
    percy.email = "percy@ctu.example"
    percy.save()

    page.goto(site + "/admin/news/newsitem/add/")
    page.get_by_label("Title:").fill("Martyn's Law: what venues need to do")
    page.get_by_label("Summary:").fill("The new duty for venues, and where to find help.")
    page.get_by_label("Body:").fill("Venues with room for 200 or more people have new duties.")
    # A new item is emailed unless the Publisher says otherwise.
    expect(page.get_by_label("Yes: a major change.")).to_be_checked()
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("was added successfully")).to_be_visible()

    page.get_by_role("link", name="Preview the email").click()
    expect(page.get_by_text("Martyn's Law: what venues need to do").first).to_be_visible()
    expect(page.locator("pre")).to_contain_text("0800 789 321")
    expect(page.get_by_text("subscriber to")).to_contain_text("1")
    page.get_by_role("button", name="Send a test to me").click()
    expect(page.get_by_text("A test was sent to percy@ctu.example")).to_be_visible()
    assert [rcpts for rcpts, _ in inbox.messages] == [["percy@ctu.example"]]

    page.get_by_role("link", name="Back to the change page").click()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Published. The public site shows it now.")).to_be_visible()
    [message] = inbox.to(ADDRESS)
    assert message["Subject"] == "Martyn's Law: what venues need to do"
    assert "The new duty for venues" in inbox.text(message)
