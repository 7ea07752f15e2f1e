"""The threat level and incident alerts: on every page at once, cached, and with a fallback."""

import datetime as dt
import json

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from alerts import starter
from alerts.models import IncidentAlert, ThreatLevel, ThreatLevelChange
from tests.utils import HOTLINE_TEL, tel_links

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


def set_level(code, *, on=dt.date(2026, 1, 1)):
    return ThreatLevelChange.objects.create(
        level=ThreatLevel.objects.get(code=code), took_effect_on=on
    )


def test_the_five_levels_are_seeded_with_their_meanings():
    assert [(level.name, level.meaning) for level in ThreatLevel.objects.all()] == [
        ("Low", "an attack is highly unlikely"),
        ("Moderate", "an attack is possible but not likely"),
        ("Substantial", "an attack is likely"),
        ("Severe", "an attack is highly likely"),
        ("Critical", "an attack is highly likely in the near future"),
    ]


def test_the_banner_shows_the_current_level_on_every_page(client):
    set_level("substantial")
    for path in ("/", "/no-such-page/", "/threat-level/"):
        html = client.get(path).content.decode()
        assert 'class="app-threat-banner__level">Substantial</strong>' in html, path
        assert "An attack is likely." in html


def test_no_level_recorded_shows_no_banner(client):
    assert "app-threat-banner" not in client.get("/").content.decode()


@pytest.mark.page_cache
def test_a_level_change_shows_on_an_already_cached_page(client, django_capture_on_commit_callbacks):
    set_level("substantial")
    assert "Substantial" in client.get("/").content.decode()
    assert "Substantial" in client.get("/").content.decode()  # now from the cache
    with django_capture_on_commit_callbacks(execute=True):
        set_level("severe", on=dt.date(2026, 2, 1))
    html = client.get("/").content.decode()
    assert 'app-threat-banner__level">Severe</strong>' in html


@pytest.mark.page_cache
def test_the_site_context_costs_no_query_once_cached(client, django_assert_num_queries):
    set_level("moderate")
    client.get("/threat-level/")
    client.get("/contact/")
    with django_assert_num_queries(0):  # an uncached page: menu and threat level from the cache
        client.get("/contact/feedback/")


def test_threat_level_page_lists_the_levels_the_current_one_and_history(client):
    set_level("severe", on=dt.date(2025, 5, 1))
    set_level("substantial", on=dt.date(2025, 9, 1))
    html = client.get("/threat-level/").content.decode()
    for name in ("Low", "Moderate", "Substantial", "Severe", "Critical"):
        assert f"{name}\n" in html or f">{name}<" in html
    assert "Current level</strong>" in html
    assert "It has been at this level since 1 September 2025." in html
    assert html.index("1 September 2025") < html.index("1 May 2025")
    assert HOTLINE_TEL in tel_links(html)


def test_only_publishers_change_the_level(client, editor, publisher):
    url = reverse("admin:alerts_threatlevelchange_add")
    data = {
        "level": ThreatLevel.objects.get(code="severe").pk,
        "took_effect_on": "2026-01-02",
        "note": "",
    }
    client.force_login(editor)
    assert client.post(url, data).status_code == 403
    assert not ThreatLevelChange.objects.exists()
    client.force_login(publisher)
    assert client.post(url, data).status_code == 302
    change = ThreatLevelChange.objects.get()
    assert change.changed_by == publisher
    assert change.level.code == "severe"


def test_the_admin_warns_until_the_level_is_confirmed(client, publisher):
    with time_machine.travel(NOON, tick=False):
        change = set_level("substantial")
    client.force_login(publisher)
    changelist = reverse("admin:alerts_threatlevelchange_changelist")
    with time_machine.travel(NOON + dt.timedelta(days=31), tick=False):
        assert (
            "has not been confirmed since" in client.get(changelist, follow=True).content.decode()
        )
        assert (
            "has not been confirmed for over 30 days"
            in client.get(reverse("admin:index")).content.decode()
        )
        client.post(changelist, {"action": "confirm_current", "_selected_action": [change.pk]})
        change.refresh_from_db()
        assert change.confirmed_by == publisher
        assert (
            "not been confirmed for over 30 days"
            not in client.get(reverse("admin:index")).content.decode()
        )


def test_starter_level_is_substantial_and_asks_to_be_confirmed():
    assert starter.load() == 1
    assert starter.load() == 0
    current = ThreatLevelChange.objects.current()
    assert current.level.code == "substantial"
    assert current.took_effect_on == dt.date(2022, 2, 9)
    assert timezone.now() - current.confirmed_at > dt.timedelta(days=30)


def test_a_new_alert_is_information_unless_someone_chooses_urgent():
    assert make_alert().severity == IncidentAlert.Severity.INFORMATION


def make_alert(**fields):
    defaults = {
        "headline": "Incident in the city centre",
        "message": "Avoid the area.",
        "starts_at": NOON,
    }
    return IncidentAlert.objects.create(**{**defaults, **fields})


def test_an_alert_shows_between_its_start_and_end(client):
    make_alert(
        starts_at=NOON + dt.timedelta(hours=1),
        ends_at=NOON + dt.timedelta(hours=3),
        severity=IncidentAlert.Severity.URGENT,
    )
    with time_machine.travel(NOON, tick=False):
        assert "Incident in the city centre" not in client.get("/").content.decode()
    with time_machine.travel(NOON + dt.timedelta(hours=2), tick=False):
        html = client.get("/").content.decode()
        assert "Incident in the city centre" in html
        assert "app-alert-banner--urgent" in html
    with time_machine.travel(NOON + dt.timedelta(hours=3), tick=False):
        assert "Incident in the city centre" not in client.get("/").content.decode()


@pytest.mark.page_cache
def test_a_cached_page_is_not_kept_past_an_alert_start(client):
    with time_machine.travel(NOON, tick=False):
        make_alert(starts_at=NOON + dt.timedelta(seconds=90))
        assert "Incident in the city centre" not in client.get("/").content.decode()
    with time_machine.travel(NOON + dt.timedelta(seconds=95), tick=False):
        assert "Incident in the city centre" in client.get("/").content.decode()


def test_alert_message_is_sanitised(client):
    with time_machine.travel(NOON, tick=False):
        make_alert(message="Stay away <script>alert(1)</script> **now**")
        html = client.get("/").content.decode()
    assert "<script>alert(1)" not in html
    assert "<strong>now</strong>" in html


def test_fallback_alert_from_the_environment_shows_with_the_database_down(
    client, settings, database_down
):
    settings.INCIDENT_ALERT_HEADLINE = "Major incident: follow police advice"
    settings.INCIDENT_ALERT_MESSAGE = "Do not travel to the city centre."
    response = client.get("/")
    assert response.status_code == 200
    assert "Major incident: follow police advice" in response.content.decode()


@pytest.mark.urls("tests.error_urls")
def test_fallback_alert_from_a_file_shows_on_the_503_page(
    client_no_raise, settings, database_down, tmp_path
):
    alert_file = tmp_path / "alert.json"
    alert_file.write_text(
        json.dumps(
            {"headline": "Alert from the file", "message": "Stay indoors.", "severity": "urgent"}
        )
    )
    settings.INCIDENT_ALERT_FILE = str(alert_file)
    response = client_no_raise.get("/test-database/")
    assert response.status_code == 503
    html = response.content.decode()
    assert "Alert from the file" in html
    assert "Stay indoors." in html


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Disallow: /search/" in text
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in text


def test_security_txt_has_contact_and_an_expiry_within_a_year(client):
    response = client.get("/.well-known/security.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines() if line)
    assert fields["Contact"].startswith("mailto:")
    expires = dt.datetime.fromisoformat(fields["Expires"].replace("Z", "+00:00"))
    assert timezone.now() < expires < timezone.now() + dt.timedelta(days=365)
    assert fields["Canonical"].endswith("/.well-known/security.txt")


def test_favicon_ico_redirects_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/images/favicon.png")


def test_pages_carry_canonical_and_open_graph_tags(client):
    html = client.get("/threat-level/").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8000/threat-level/">' in html
    assert '<meta property="og:url" content="http://127.0.0.1:8000/threat-level/">' in html
    assert '<meta property="og:site_name" content="West Midlands Counter Terrorism Unit">' in html


@pytest.mark.page_cache
def test_a_fallback_alert_file_reaches_pages_already_in_the_cache(client, settings, tmp_path):
    alert_file = tmp_path / "alert.json"
    settings.INCIDENT_ALERT_FILE = str(alert_file)
    assert "Alert from the file" not in client.get("/contact/").content.decode()
    assert "Alert from the file" not in client.get("/contact/").content.decode()  # cached
    alert_file.write_text(json.dumps({"headline": "Alert from the file", "message": "Go home."}))
    assert "Alert from the file" in client.get("/contact/").content.decode()
    alert_file.unlink()
    assert "Alert from the file" not in client.get("/contact/").content.decode()


@pytest.mark.parametrize(
    "content",
    [b"not json", b"[1, 2, 3]", b'"a string"', b"\xff\xfe bad bytes", b'{"headline": ""}', b"null"],
)
def test_a_broken_alert_file_is_logged_and_ignored(client, settings, tmp_path, caplog, content):
    alert_file = tmp_path / "alert.json"
    alert_file.write_bytes(content)
    settings.INCIDENT_ALERT_FILE = str(alert_file)
    settings.INCIDENT_ALERT_HEADLINE = "Alert from the environment"
    response = client.get("/")
    assert response.status_code == 200
    assert "Alert from the environment" in response.content.decode()
    if content != b'{"headline": ""}':
        assert "INCIDENT_ALERT_FILE could not be used" in caplog.text


def test_a_missing_alert_file_means_no_alert_and_no_noise(client, settings, tmp_path, caplog):
    settings.INCIDENT_ALERT_FILE = str(tmp_path / "absent.json")
    response = client.get("/")
    assert response.status_code == 200
    assert "app-alert-banner" not in response.content.decode()
    assert "INCIDENT_ALERT_FILE" not in caplog.text
