"""The useful-links directory: grouped, honest about bodies that were replaced, staff-editable."""

import re

import pytest
from django.urls import reverse

from pages import starter
from pages.models import UsefulLink
from tests.utils import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    assert starter.load_useful_links() == 9
    assert starter.load_useful_links() == 0  # safe to run twice; staff own it after that


def test_links_are_grouped_by_category_in_staff_order(client, seeded):
    html = text_of(client.get("/useful-links/"))
    headings = re.findall(r'<h2 class="govuk-heading-l">([^<]+)</h2>', html)
    assert headings[:3] == [
        "Reporting and support",
        "Protective security for businesses",
        "Government and national policing",
    ]
    assert html.index("ProtectUK") < html.index("National Protective Security Authority")


def test_replaced_and_closed_bodies_are_not_presented_as_current(client, seeded):
    html = text_of(client.get("/useful-links/"))
    assert (
        '<a class="govuk-link" href="https://www.npsa.gov.uk/">National Protective Security' in html
    )
    assert "CPNI is now NPSA" in html
    assert "NETCU no longer exists" in html
    assert not re.search(r'href="[^"]*netcu', html, re.IGNORECASE)  # named, never linked
    netcu = UsefulLink.objects.get(title__contains="NETCU")
    assert netcu.url == ""
    assert 'href="https://www.protectuk.police.uk/"' in html
    assert 'href="https://actearly.uk/"' in html


def test_a_link_without_an_address_must_say_what_happened():
    from django.core.exceptions import ValidationError

    link = UsefulLink(title="Gone", description="A closed body.", category="government")
    with pytest.raises(ValidationError, match="say what happened"):
        link.full_clean()
    link = UsefulLink(
        title="Insecure", url="http://example.org/", description="x", category="government"
    )
    with pytest.raises(ValidationError, match="https://"):
        link.full_clean()


@pytest.mark.page_cache
def link_form(link, **changes):
    return {
        "title": link.title,
        "url": link.url,
        "description": link.description,
        "status_note": link.status_note,
        "category": link.category,
        "sort_order": link.sort_order,
        **changes,
    }


def test_a_publisher_changes_a_link_and_the_cached_page_shows_it(
    client, publisher, seeded, django_capture_on_commit_callbacks
):
    assert "Act Early" in text_of(client.get("/useful-links/"))  # now cached
    link = UsefulLink.objects.get(title="Act Early")
    staff = client.__class__()
    staff.force_login(publisher)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            reverse("admin:pages_usefullink_change", args=[link.pk]),
            link_form(link, title="Act Early: support for families"),
        )
    assert response.status_code == 302
    assert "Act Early: support for families" in text_of(client.get("/useful-links/"))


def test_an_editor_cannot_change_or_add_a_link_even_by_posting(client, editor, seeded):
    """The directory is public the moment it is saved, so it is a Publisher's to change."""
    link = UsefulLink.objects.get(title="Act Early")
    client.force_login(editor)
    change = client.post(
        reverse("admin:pages_usefullink_change", args=[link.pk]), link_form(link, title="Hijacked")
    )
    assert change.status_code == 403
    add = client.post(reverse("admin:pages_usefullink_add"), link_form(link, title="Added"))
    assert add.status_code == 403
    assert not UsefulLink.objects.filter(title__in=["Hijacked", "Added"]).exists()
    assert client.get(reverse("admin:pages_usefullink_change", args=[link.pk])).status_code == 200


def test_the_footer_links_to_the_directory(client):
    assert 'href="/useful-links/">Useful links</a>' in text_of(client.get("/contact/"))
