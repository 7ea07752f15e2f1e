"""/sitemap.xml lists the site's addresses for search engines: published content only."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from pages.models import Page

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def entries(client) -> dict[str, str | None]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap, not untrusted input
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.findall("sm:url", NS)
    }


def test_the_sitemap_lists_only_published_content_with_its_last_change(
    client, settings, make_page, make_operation
):
    settings.SITE_URL = "https://ctu.example.police.uk"
    live = make_page("live-page")
    make_page("draft-page", publish=False)
    make_page("expired-page")
    Page.objects.filter(slug="expired-page").update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    make_operation("Operation Listed")
    restricted = make_operation("Operation Restricted")
    type(restricted).objects.filter(pk=restricted.pk).update(reporting_restrictions=True)
    make_operation("Operation Unpublished", publish=False)

    found = entries(client)
    base = "https://ctu.example.police.uk"
    assert found[f"{base}/live-page/"] == f"{timezone.localdate(live.last_published_at)}"[:10]
    assert f"{base}/operations/listed/" in found
    for hidden in (
        "/draft-page/",
        "/expired-page/",
        "/operations/restricted/",
        "/operations/unpublished/",
    ):
        assert f"{base}{hidden}" not in found
    for fixed in (
        "/",
        "/threat-level/",
        "/incidents/",
        "/news/",
        "/operations/",
        "/operations/timeline/",
        "/useful-links/",
        "/contact/",
        "/contact/feedback/",
        "/contact/prevent-referral/",
    ):
        assert f"{base}{fixed}" in found


def test_every_address_in_the_sitemap_is_a_page_search_engines_may_index(client, settings):
    from django.core.management import call_command

    call_command("load_starter_content", verbosity=0)
    settings.SITE_URL = "https://ctu.example.police.uk"
    found = entries(client)
    assert len(found) > 30
    for loc in found:
        response = client.get(loc.removeprefix(settings.SITE_URL))
        assert response.status_code == 200, loc
        assert 'name="robots" content="noindex' not in response.content.decode(), loc


def test_the_sitemap_uses_site_url_whatever_host_was_asked(client, settings):
    settings.SITE_URL = "https://ctu.example.police.uk"
    found = entries(client)
    assert all(loc.startswith("https://ctu.example.police.uk/") for loc in found)


def test_robots_txt_points_to_the_sitemap(client, settings):
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in client.get("/robots.txt").content.decode()
