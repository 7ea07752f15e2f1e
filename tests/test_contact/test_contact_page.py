"""The contact page: every number, in the order the issue asks, even with the database down."""

import re

import pytest
from django.conf import settings
from model_bakery import baker
from pytest_django.asserts import assertContains, assertNotContains

from contact.models import Organisation
from core import emergency
from core.content_version import get_content_version
from tests.utils import tel_links, text_of

EVERY_NUMBER = {
    "tel:999",
    "tel:+44800789321",
    "tel:+44800555111",
    "tel:+448000113764",
    "tel:180010800789321",
    "tel:18000",
}


def test_contact_page_links_every_number_as_a_tel_link(client, db):
    response = client.get("/contact/")
    assert response.status_code == 200
    assert tel_links(text_of(response)) >= EVERY_NUMBER


def test_contact_page_lists_the_ways_to_report_in_the_order_of_the_issue(client, db):
    html = text_of(client.get("/contact/"))
    main = html[html.index('id="main-content"') :]
    markers = [
        'href="tel:999"',
        'href="tel:+44800789321"',
        f'href="{settings.ACT_ONLINE_REPORT_URL}"',
        f'href="{settings.EXTREMIST_MATERIAL_REPORT_URL}"',
        f'href="{settings.MI5_REPORT_URL}"',
        'href="tel:+44800555111"',
        'href="tel:+448000113764"',
        "18001",
        "What happens when you report",
        "What to look out for",
        "If you would rather not contact the police",
    ]
    positions = [main.index(marker) for marker in markers]
    assert positions == sorted(positions)


def test_reporting_addresses_come_from_settings(client, db, settings):
    settings.ACT_ONLINE_REPORT_URL = "https://report.example.org/act/"
    settings.MI5_REPORT_URL = "https://report.example.org/mi5/"
    settings.EXTREMIST_MATERIAL_REPORT_URL = "https://report.example.org/material/"
    response = client.get("/contact/")
    for url in ("act/", "mi5/", "material/"):
        assertContains(response, f'href="https://report.example.org/{url}"')


def test_the_key_numbers_come_straight_after_the_heading(client, db):
    html = text_of(client.get("/contact/"))
    after_heading = html[html.index("<h1") :]
    before_next_heading = after_heading[: after_heading.index("<h2")]
    assert tel_links(before_next_heading) == {"tel:999", "tel:+44800789321"}


def test_what_terrorists_need_is_listed(client, db):
    response = client.get("/contact/")
    for need in ("Recruits", "Places to live", "Transport", "Storage", "Money"):
        assertContains(response, f"<strong>{need}</strong>")


def test_organisations_are_listed_in_staff_order_with_tel_links(client, db):
    baker.make(Organisation, name="Second group", description="Helps.", sort_order=20)
    baker.make(
        Organisation,
        name="First group",
        description="Listens and passes information on.",
        phone="020 7946 0000",
        website="https://first.example.org/",
        sort_order=10,
    )
    html = text_of(client.get("/contact/"))
    assert html.index("First group") < html.index("Second group")
    assert "tel:+442079460000" in tel_links(html)
    assert '<a class="govuk-link" href="https://first.example.org/">First group website</a>' in html


def test_an_empty_organisations_list_shows_no_empty_box_but_still_offers_crimestoppers(client, db):
    response = client.get("/contact/")
    assertNotContains(response, "app-organisation-list")
    section = text_of(response).split("If you would rather not contact the police")[1]
    assert emergency.CRIMESTOPPERS.tel in tel_links(section.split("<h2")[0])


def test_contact_page_is_served_with_every_number_when_the_database_is_down(client, database_down):
    response = client.get("/contact/")
    assert response.status_code == 200
    assert tel_links(text_of(response)) >= EVERY_NUMBER
    assertNotContains(response, "app-organisation-list")
    # The shortened page must not be kept in the page cache.
    assert "no-cache" in response["Cache-Control"]


def test_contact_page_holds_nothing_per_visitor_so_it_can_be_cached(client, db):
    response = client.get("/contact/")
    assertNotContains(response, "csrfmiddlewaretoken")
    assert not response.cookies
    assert "Cache-Control" not in response or "private" not in response["Cache-Control"]


def test_contact_page_needs_one_query_for_the_organisations(
    client, db, django_assert_max_num_queries
):
    client.get("/")  # The menu is cached under the content version after the first page.
    with django_assert_max_num_queries(1):
        assert client.get("/contact/").status_code == 200


@pytest.mark.page_cache
def test_contact_page_is_served_from_the_cache_until_the_organisations_change(
    client, db, django_capture_on_commit_callbacks
):
    client.get("/contact/")
    before = get_content_version()
    with django_capture_on_commit_callbacks(execute=True):
        baker.make(Organisation, name="A new group", description="Helps.")
    assert get_content_version() != before
    assertContains(client.get("/contact/"), "A new group")


def test_header_and_footer_link_to_the_contact_page(client, db):
    html = text_of(client.get("/"))
    assert len(re.findall(r'href="/contact/"', html)) >= 2
