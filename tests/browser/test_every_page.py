"""Every public page of the starter site, in a browser: no axe-core violations, no CSP breaks."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from pages.starter import starter_pages
from tests.browser.helpers import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

SITE_PATHS = [
    "/",
    "/threat-level/",
    "/contact/",
    "/contact/feedback/",
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
