"""Operations in a browser: filtering with links, opening a case, and accessibility."""

import re

import pytest
from playwright.sync_api import expect

from operations import starter
from tests.browser.helpers import assert_accessible, tab_to

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def operations(db):
    """The six starter operations, published."""
    starter.load()


def test_filter_by_outcome_and_open_an_operation(site, page, operations):
    page.goto(site + "/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Operations").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Operations")

    filters = page.get_by_role("navigation", name="Filter operations")
    filters.get_by_role("link", name="Pleaded guilty", exact=True).click()
    expect(page).to_have_url(re.compile(r"/operations/\?outcome=pleaded_guilty$"))
    expect(page.get_by_role("heading", name="2 operations: pleaded guilty")).to_be_visible()
    expect(filters.get_by_role("link", name="Pleaded guilty (selected)")).to_have_attribute(
        "aria-current", "true"
    )

    # Reach the result and open it with the keyboard alone.
    result = page.get_by_role("link", name="Operation Alva")
    tab_to(page, result)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/operations/alva/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Operation Alva")
    facts = page.get_by_role("region", name="Key facts")
    expect(facts).to_contain_text("Pleaded guilty")
    expect(facts).to_contain_text("Where the facts come from")
    expect(facts).to_contain_text("court reporting")

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Operations").click()
    expect(page).to_have_url(re.compile(r"/operations/$"))


def test_the_timeline_is_reached_by_a_link_and_reads_as_years(site, page, operations):
    page.goto(site + "/operations/")
    page.get_by_role("link", name="See the operations on a timeline, year by year").click()
    years = page.get_by_role("list", name="Years")
    expect(years.get_by_role("heading", level=2)).to_have_text(["2008", "2011", "2012", "2013"])


@pytest.mark.parametrize(
    "path", ["/operations/", "/operations/?decade=2010s", "/operations/timeline/"]
)
def test_operation_lists_have_no_accessibility_violations(site, page, operations, path):
    page.goto(site + path)
    assert_accessible(page)


def test_an_operation_page_has_no_accessibility_violations(site, page, operations):
    page.goto(site + "/operations/gamble/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Operation Gamble")
    assert_accessible(page)


def test_the_home_page_with_past_operations_has_no_accessibility_violations(site, page, operations):
    page.goto(site + "/")
    expect(page.get_by_role("heading", name="Past operations")).to_be_visible()
    assert_accessible(page)


def test_the_list_fits_a_phone_without_sideways_scrolling(site, page, operations):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(site + "/operations/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
