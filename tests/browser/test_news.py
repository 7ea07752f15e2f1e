"""News in a browser: from the menu to an item with the keyboard, and accessibility."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_keyboard_user_opens_the_news_and_reads_an_item(site, page):
    call_command("load_starter_content", verbosity=0)
    page.goto(site + "/")
    tab_to(page, page.get_by_role("navigation", name="Menu").get_by_role("link", name="News"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/news/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("News")
    expect(page.get_by_role("link", name="RSS feed")).to_have_attribute("href", "/news/feed/rss/")
    assert_accessible(page)

    item = page.get_by_role("list", name="News").get_by_role("link").first
    tab_to(page, item, limit=60)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Communities defeat terrorism: report anything that does not feel right"
    )
    expect(page.get_by_text("Published 20 March 2018")).to_be_visible()
    expect(page.locator(".app-prose").get_by_role("link", name="0800 789 321")).to_have_attribute(
        "href", "tel:+44800789321"
    )
    assert_accessible(page)
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="News").click()
    expect(page).to_have_url(re.compile(r"/news/$"))
