"""Search in a browser: from the box on every page to a result, with the keyboard alone."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def starter_site(site):
    call_command("load_starter_content", verbosity=0)
    return site


def test_a_keyboard_user_searches_for_report_and_finds_the_hotline(starter_site, page):
    page.goto(starter_site + "/operations/")
    box = page.get_by_role("search", name="Site").get_by_role("searchbox")
    tab_to(page, box, limit=30)
    page.keyboard.type("report")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q=report$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Search")
    panel = page.locator(".app-report-panel")
    expect(panel.get_by_role("heading")).to_have_text("How to report")
    expect(panel.get_by_role("link", name="0800 789 321", exact=True)).to_have_attribute(
        "href", "tel:+44800789321"
    )
    expect(
        page.get_by_role("heading", name=re.compile("^\\d+ results? for \u2018report\u2019$"))
    ).to_be_visible()
    assert_accessible(page)

    # Staff's best bet comes first, marked as recommended, then what search found.
    recommended = page.get_by_role("list", name="Recommended")
    expect(recommended.get_by_role("link")).to_have_attribute("href", "/contact/")
    found = page.get_by_role("list", name=re.compile("results? for"))
    result = found.get_by_role("link").first
    title = result.inner_text()
    result.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_a_misspelt_search_shows_the_right_word_s_results_and_a_way_back(starter_site, page):
    page.goto(starter_site + "/search/?q=reconnaisance")
    expect(
        page.get_by_role("heading", name=re.compile("results? for \u2018reconnaissance\u2019"))
    ).to_be_visible()
    expect(
        page.get_by_role("link", name="Hostile reconnaissance and Project Servator")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Search instead for reconnaisance").click()
    expect(
        page.get_by_role("heading", name="0 results for \u2018reconnaisance\u2019")
    ).to_be_visible()
    suggestion = page.get_by_role("link", name="reconnaissance", exact=True)
    expect(suggestion).to_be_visible()
    suggestion.click()
    expect(
        page.get_by_role("heading", name=re.compile("results? for \u2018reconnaissance\u2019"))
    ).to_be_visible()
