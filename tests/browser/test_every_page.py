"""Every public page of the starter site, in a browser: no axe-core violations, no CSP breaks."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from pages.starter import starter_pages
from tests.browser.helpers import assert_accessible, cumulative_layout_shift, slow_network

pytestmark = pytest.mark.django_db(transaction=True)

SITE_PATHS = [
    "/",
    "/threat-level/",
    "/contact/",
    "/contact/feedback/",
    "/contact/security-adviser/",
    "/contact/prevent-referral/",
    "/operations/",
    "/operations/timeline/",
    "/operations/pitsford/",
    "/news/",
    "/news/report-anything-that-does-not-feel-right/",
    "/useful-links/",
    "/incidents/",
    "/search/",
    "/search/?q=report",
    "/search/?q=hostile+reconnaissance&page=1",
    "/search/?q=xylophone",
    "/search/?q=threat+level",
    "/search/?q=radicalisaton",
    *[spec.url_path for spec in starter_pages()],
]


@pytest.fixture
def starter_site(site):
    """The live site with all the starter content loaded."""
    call_command("load_starter_content", verbosity=0)
    return site


@pytest.mark.parametrize("width", [1280, 320])
def test_every_starter_page_is_accessible(starter_site, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in SITE_PATHS:
        response = page.goto(starter_site + path)
        assert response.status == 200, path
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert_accessible(page)


@pytest.mark.parametrize("path", SITE_PATHS)
def test_no_page_moves_while_it_loads_on_a_phone(starter_site, page, path):
    """Lighthouse's Cumulative Layout Shift, measured from the browser's layout-shift entries
    on a phone-sized screen over a phone's latency: under 0.05 ("good" is under 0.1)."""
    page.set_viewport_size({"width": 375, "height": 812})
    slow_network(page)
    assert cumulative_layout_shift(page, starter_site + path) < 0.05


def test_an_incident_page_with_its_support_routes_is_accessible(site, page):
    from alerts.models import Incident

    Incident.objects.create(
        title="Incident at the station",
        slug="station",
        summary="Police are dealing with an incident. Avoid the area.",
        casualty_bureau_number="0800 056 0944",
        footage_upload_url="https://mipp.police.uk/operation/example",
        published=True,
    )
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + "/incidents/station/")
        expect(page.get_by_role("link", name="0800 056 0944")).to_have_attribute(
            "href", "tel:+448000560944"
        )
        assert_accessible(page)
