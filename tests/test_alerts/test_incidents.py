"""Incident pages: timestamped updates newest first, linked from the alert on every page."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from alerts.models import Incident, IncidentAlert, IncidentUpdate
from tests.utils import HOTLINE_TEL, tel_links, text_of

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)  # 1pm in London (BST)


def make_incident(**fields):
    defaults = {
        "title": "Incident in the city centre",
        "slug": "city-centre",
        "summary": "Police are dealing with an incident. Avoid the area.",
        "published": True,
    }
    return Incident.objects.create(**{**defaults, **fields})


def test_updates_show_newest_first_with_their_uk_times(client):
    incident = make_incident(body="Roads are **closed**.")
    IncidentUpdate.objects.create(incident=incident, posted_at=NOON, text="First update.")
    IncidentUpdate.objects.create(
        incident=incident, posted_at=NOON + dt.timedelta(hours=2), text="Second update."
    )
    response = client.get("/incidents/city-centre/")
    assert response.status_code == 200
    html = text_of(response)
    assert html.index("Second update.") < html.index("First update.")
    assert '<time datetime="2026-06-01T15:00:00+01:00">1 June 2026 at 3pm</time>' in html
    assert '<time datetime="2026-06-01T13:00:00+01:00">1 June 2026 at 1pm</time>' in html
    assert "<strong>closed</strong>" in html
    assert "Ongoing" in html
    assert HOTLINE_TEL in tel_links(html)


def test_an_unpublished_incident_is_not_found_and_not_listed(client):
    make_incident(published=False)
    assert client.get("/incidents/city-centre/").status_code == 404
    assert "Incident in the city centre" not in text_of(client.get("/incidents/"))


def test_the_list_shows_ongoing_incidents_before_ended_ones(client):
    make_incident(slug="old", title="An old incident", status=Incident.Status.ENDED)
    make_incident(slug="now", title="A current incident")
    html = text_of(client.get("/incidents/"))
    assert html.index("A current incident") < html.index("An old incident")


def test_update_text_is_sanitised(client):
    incident = make_incident()
    IncidentUpdate.objects.create(
        incident=incident, text='<script>alert(1)</script><a href="javascript:x()">x</a>'
    )
    html = text_of(client.get("/incidents/city-centre/"))
    assert "<script>alert(1)" not in html
    assert "javascript:" not in html


def test_an_alert_linked_to_the_incident_links_every_page_to_it(client):
    incident = make_incident()
    with time_machine.travel(NOON, tick=False):
        IncidentAlert.objects.create(
            headline="Major incident", message="Avoid the area.", starts_at=NOON, incident=incident
        )
        html = text_of(client.get("/contact/"))
    assert (
        '<a class="govuk-link app-alert-banner__link" href="/incidents/city-centre/">'
        "Latest on Incident in the city centre</a>" in html
    )


def test_an_alert_does_not_link_to_an_incident_page_before_it_is_published(client):
    incident = make_incident(published=False)
    with time_machine.travel(NOON, tick=False):
        IncidentAlert.objects.create(
            headline="Major incident", message="Avoid the area.", starts_at=NOON, incident=incident
        )
        html = text_of(client.get("/"))
    assert "Major incident" in html
    assert "/incidents/city-centre/" not in html


def test_an_alert_links_to_an_incident_or_an_address_not_both():
    from django.core.exceptions import ValidationError

    alert = IncidentAlert(
        headline="Major incident",
        message="Avoid the area.",
        incident=make_incident(),
        link_url="https://example.org/",
    )
    with pytest.raises(ValidationError, match="not both"):
        alert.full_clean()


@pytest.mark.page_cache
def test_a_new_update_shows_on_the_already_cached_page(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        incident = make_incident()
    assert "There are no updates yet" in text_of(client.get("/incidents/city-centre/"))
    assert "There are no updates yet" in text_of(client.get("/incidents/city-centre/"))
    with django_capture_on_commit_callbacks(execute=True):
        IncidentUpdate.objects.create(incident=incident, text="Roads have reopened.")
    assert "Roads have reopened." in text_of(client.get("/incidents/city-centre/"))


def test_a_publisher_publishes_an_incident_with_an_update_in_the_admin(client, publisher):
    client.force_login(publisher)
    response = client.post(
        "/admin/alerts/incident/add/",
        {
            "title": "Incident at the station",
            "slug": "station",
            "summary": "The station is closed.",
            "body": "",
            "status": "ongoing",
            "published": "on",
            "updates-TOTAL_FORMS": "1",
            "updates-INITIAL_FORMS": "0",
            "updates-0-posted_at_0": "01/06/2026",
            "updates-0-posted_at_1": "13:00:00",
            "updates-0-text": "Trains are not stopping here.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    client.logout()
    html = text_of(client.get("/incidents/station/"))
    assert "Trains are not stopping here." in html
    incident = Incident.objects.get(slug="station")
    assert incident.created_by == publisher


def test_editors_can_read_but_not_change_incident_pages(client, editor):
    make_incident()
    client.force_login(editor)
    assert client.get("/admin/alerts/incident/").status_code == 200
    assert client.get("/admin/alerts/incident/add/").status_code == 403


def test_incident_pages_are_found_by_search_and_listed_in_the_sitemap(client):
    make_incident()
    make_incident(slug="hidden", title="Hidden incident in the city", published=False)
    html = text_of(client.get("/search/", {"q": "incident city"}))
    assert 'href="/incidents/city-centre/"' in html
    assert "/incidents/hidden/" not in html
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/incidents/city-centre/</loc>" in sitemap
    assert "/incidents/hidden/" not in sitemap


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (dt.datetime(2026, 6, 1, 11, 0, tzinfo=dt.UTC), "1 June 2026 at midday"),
        (dt.datetime(2026, 1, 5, 0, 0, tzinfo=dt.UTC), "5 January 2026 at midnight"),
        (dt.datetime(2026, 1, 5, 9, 5, tzinfo=dt.UTC), "5 January 2026 at 9:05am"),
        (dt.datetime(2026, 7, 5, 23, 30, tzinfo=dt.UTC), "6 July 2026 at 12:30am"),
    ],
)
def test_times_are_written_in_uk_time_the_gov_uk_way(moment, shown):
    from core.templatetags.core import uk_time

    assert uk_time(moment) == shown


def _alert_form(**changes):
    now = timezone.localtime()
    return {
        "headline": "Road closed in the city centre",
        "message": "Avoid **Broad Street** until further notice.",
        "severity": "information",
        "starts_at_0": f"{now:%Y-%m-%d}",
        "starts_at_1": f"{now:%H:%M:%S}",
        "ends_at_0": "",
        "ends_at_1": "",
        "link_url": "",
        "link_text": "",
        "incident": "",
        **changes,
    }


@pytest.mark.django_db
def test_a_publisher_previews_the_banner_before_anything_is_saved(client, publisher):
    from alerts.models import IncidentAlert

    client.force_login(publisher)
    response = client.post(reverse("admin:alerts_incidentalert_preview"), _alert_form())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Road closed in the city centre" in html
    assert "<strong>Broad Street</strong>" in html
    assert "app-alert-banner--information" in html
    assert not IncidentAlert.objects.exists()
    client.logout()
    assert "Road closed" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_an_editor_cannot_preview_or_switch_alerts(client, editor):
    from alerts.models import IncidentAlert

    alert = IncidentAlert.objects.create(headline="Live", message="Now.")
    client.force_login(editor)
    assert (
        client.post(reverse("admin:alerts_incidentalert_preview"), _alert_form()).status_code == 403
    )
    switch = reverse("admin:alerts_incidentalert_switch_off", args=[alert.pk])
    assert client.post(switch).status_code == 403
    alert.refresh_from_db()
    assert alert.ends_at is None


@pytest.mark.django_db
def test_switch_off_now_takes_the_alert_off_every_page_at_once(
    client, publisher, django_capture_on_commit_callbacks
):
    from alerts.models import IncidentAlert

    with django_capture_on_commit_callbacks(execute=True):
        alert = IncidentAlert.objects.create(headline="Evacuation lifted", message="All clear.")
    assert "Evacuation lifted" in client.get("/").content.decode()
    staff = client.__class__()
    staff.force_login(publisher)
    change = staff.get(reverse("admin:alerts_incidentalert_change", args=[alert.pk]))
    assert "Switch off now" in change.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("admin:alerts_incidentalert_switch_off", args=[alert.pk]))
    alert.refresh_from_db()
    assert not alert.is_active
    assert "Evacuation lifted" not in client.get("/").content.decode()
    assert (
        staff.get(reverse("admin:alerts_incidentalert_switch_off", args=[alert.pk])).status_code
        == 403
    )
