"""The threat level and incident alerts in a browser."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from alerts.models import IncidentAlert, ThreatLevel, ThreatLevelChange
from core.roles import PUBLISHERS
from tests.browser.helpers import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def substantial():
    return ThreatLevelChange.objects.create(
        level=ThreatLevel.objects.get(code="substantial"), took_effect_on=dt.date(2022, 2, 9)
    )


def test_a_publisher_raises_the_level_and_the_home_page_banner_changes(
    site, page, substantial, staff_login
):
    visitor = page.context.browser.new_page()
    visitor.goto(site + "/")
    banner = visitor.locator(".app-threat-banner")
    expect(banner).to_contain_text("Substantial")
    visitor.reload()  # served from the cache now
    # On SQLite the live server shares the test's database connection: let the visitor's
    # requests (the favicon, say) finish before the test creates the Publisher. CI once saw
    # "bad parameter or other API misuse" from the two at once.
    visitor.wait_for_load_state("networkidle")

    staff_login("percy", PUBLISHERS)
    page.goto(site + "/admin/alerts/threatlevelchange/add/")
    page.get_by_label("Level:").select_option(label="Severe")
    page.get_by_label("Took effect on:").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("was added successfully")).to_be_visible()

    visitor.reload()
    expect(visitor.locator(".app-threat-banner")).to_contain_text("Severe")
    expect(visitor.locator(".app-threat-banner")).to_contain_text("An attack is highly likely.")
    visitor.close()


def test_threat_level_page_has_no_accessibility_violations(site, page, substantial):
    page.goto(site + "/threat-level/")
    expect(page.get_by_text("Current level")).to_be_visible()
    assert_accessible(page)


def test_home_page_with_an_urgent_alert_has_no_accessibility_violations(site, page, substantial):
    IncidentAlert.objects.create(
        headline="Incident in Birmingham city centre",
        message="Avoid the area and follow police advice. **Call 999** in an emergency.",
        link_url="https://www.example.org/incident",
        link_text="Latest updates",
        severity=IncidentAlert.Severity.URGENT,
        starts_at=timezone.now() - dt.timedelta(minutes=1),
    )
    page.goto(site + "/")
    expect(
        page.get_by_role("heading", name="Urgent: Incident in Birmingham city centre")
    ).to_be_visible()
    assert_accessible(page)


def test_the_alert_leads_to_the_incident_page_and_its_updates(site, page, substantial):
    from alerts.models import Incident, IncidentUpdate

    incident = Incident.objects.create(
        title="Incident in Birmingham city centre",
        slug="birmingham-city-centre",
        summary="Police are dealing with an incident. Avoid the area.",
        body="## Road closures\n\nNew Street is **closed** in both directions.",
        published=True,
    )
    now = timezone.now()
    IncidentUpdate.objects.create(
        incident=incident, posted_at=now - dt.timedelta(hours=1), text="Officers are on scene."
    )
    IncidentUpdate.objects.create(incident=incident, posted_at=now, text="New Street reopens.")
    IncidentAlert.objects.create(
        headline="Major incident in Birmingham",
        message="Avoid the city centre.",
        incident=incident,
        starts_at=now - dt.timedelta(minutes=1),
    )
    page.goto(site + "/operations/")
    page.get_by_role("link", name="Latest on Incident in Birmingham city centre").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Incident in Birmingham city centre")
    updates = page.get_by_role("list", name="Updates").get_by_role("listitem")
    expect(updates).to_have_count(2)
    expect(updates.first).to_contain_text("New Street reopens.")
    expect(updates.last).to_contain_text("Officers are on scene.")
    assert_accessible(page)
