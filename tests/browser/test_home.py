"""The home page in a browser: layouts, keyboard use and accessibility."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [1280, 375, 320])
def test_home_page_shows_the_numbers_without_sideways_scrolling(site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/")
    strip = page.get_by_role("region", name="Report terrorism")
    expect(strip.get_by_role("link", name="999")).to_be_visible()
    expect(strip.get_by_role("link", name="0800 789 321")).to_have_attribute(
        "href", "tel:+44800789321"
    )
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_skip_link_is_the_first_thing_the_keyboard_reaches(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()


def test_main_navigation_works_with_the_keyboard_alone(site, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site + "/")
    menu = page.get_by_role("navigation", name="Menu")
    target = menu.get_by_role("link", name="Operations")
    tab_to(page, target, limit=30)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/operations/$"))


def test_on_a_phone_every_menu_link_is_in_view_and_reached_with_the_keyboard(site, page):
    """No Menu button to find first: the menu is open on phones, with or without script."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site + "/")
    assert page.get_by_role("button", name="Menu").count() == 0
    menu = page.get_by_role("navigation", name="Menu")
    for link in menu.get_by_role("link").all():
        expect(link).to_be_in_viewport()
    contact = menu.get_by_role("link", name="Contact")
    tab_to(page, contact, limit=30)
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + "/contact/")


def test_home_page_has_no_accessibility_violations(site, page):
    page.goto(site + "/")
    assert_accessible(page)


def test_404_page_has_no_accessibility_violations(site, page):
    response = page.goto(site + "/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("link", name="0800 789 321").first).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize(
    ("card", "heading"),
    [
        ("Worried someone is being radicalised", "Worried someone is being radicalised"),
        ("Advice for businesses", "Advice for businesses"),
        ("Deaf, hard of hearing or speech-impaired", "If you have information"),
    ],
)
def test_on_a_phone_each_visitor_reaches_their_help_in_one_tap(site, page, card, heading):
    """A worried parent, a shop manager and a deaf visitor, each from the home page."""
    from django.core.management import call_command

    call_command("load_starter_content", verbosity=0)
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(site + "/")
    page.locator("main").get_by_role("link", name=card, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    if card.startswith("Deaf"):
        expect(page.get_by_role("link", name="18001 0800 789 321").first).to_be_visible()
        expect(page.get_by_role("link", name="999 BSL").first).to_be_visible()
