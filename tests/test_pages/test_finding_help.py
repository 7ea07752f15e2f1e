"""Finding help in one step: the public's advice, deaf and hard-of-hearing routes, businesses'
security advisers, and support after an incident, as the starter site gives them."""

import re

import pytest
from django.core.management import call_command

from alerts.models import Incident
from tests.utils import text_of

pytestmark = pytest.mark.django_db

RELAY_HOTLINE_TEL = "tel:180010800789321"
RELAY_EMERGENCY_TEL = "tel:18000"


@pytest.fixture
def starter(db):
    call_command("load_starter_content", verbosity=0)


def links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html))


def test_the_menu_leads_to_advice_for_the_public(client, starter):
    html = text_of(client.get("/"))
    menu = html[html.index('id="navigation"') : html.index("</nav>")]
    assert 'href="/advice-for-the-public/"' in menu
    assert menu.index("CONTEST") < menu.index("Advice for the public")
    assert menu.index("Advice for the public") < menu.index("Advice for businesses")


@pytest.mark.parametrize(
    ("who", "destination", "must_say"),
    [
        ("a worried parent", "/advice-for-the-public/worried-about-someone/", "Act Early"),
        ("someone who saw a bag", "/advice-for-the-public/suspicious-items/", "Communicate"),
        ("someone in an attack", "/advice-for-the-public/staying-safe-in-an-attack/", "Hide"),
        ("a deaf visitor", "/contact/#deaf-hard-of-hearing", "emergencySMS"),
        ("a shop manager", "/advice-for-businesses/", "Martyn"),
        ("a venue wanting a CTSA", "/contact/security-adviser/", "security adviser"),
        ("someone asking who we are", "/about-the-unit/", "About the unit"),
    ],
)
def test_each_visitor_reaches_their_help_from_the_home_page_in_one_step(
    client, starter, who, destination, must_say
):
    assert destination in links(text_of(client.get("/"))), who
    response = client.get(destination.split("#")[0])
    assert response.status_code == 200, who
    assert must_say in text_of(response).replace("&#x27;", "'"), who


def test_the_public_section_gives_the_4_cs_bomb_threats_and_an_easy_read_guide(client, starter):
    html = text_of(client.get("/advice-for-the-public/"))
    for child in (
        "/advice-for-the-public/how-to-report-easy-read/",
        "/advice-for-the-public/suspicious-items/",
        "/advice-for-the-public/staying-safe-in-an-attack/",
        "/advice-for-the-public/bomb-threats/",
        "/advice-for-the-public/worried-about-someone/",
        "/advice-for-the-public/after-an-attack/",
    ):
        assert f'href="{child}"' in html, child
    four_cs = text_of(client.get("/advice-for-the-public/suspicious-items/"))
    for step in ("Confirm", "Clear", "Communicate", "Control", "Hidden", "Typical"):
        assert f"<strong>{step}</strong>" in four_cs, step
    bomb = text_of(client.get("/advice-for-the-public/bomb-threats/"))
    assert "Do not hang up" in bomb and "word for word" in bomb
    easy = text_of(client.get("/advice-for-the-public/how-to-report-easy-read/"))
    assert "tel:999" in easy and RELAY_HOTLINE_TEL in easy


def test_every_route_for_deaf_people_is_on_the_contact_page_and_in_the_report_panel(
    client, starter, settings
):
    contact = text_of(client.get("/contact/"))
    panels = []
    for path in ("/news/report-anything-that-does-not-feel-right/", "/no-such-page/"):
        html = text_of(client.get(path))
        panels.append(html[html.index("app-report-panel") :].split("</div>", 1)[0])
    for html in (contact, *panels):
        assert f'href="{RELAY_HOTLINE_TEL}"' in html
        assert f'href="{RELAY_EMERGENCY_TEL}"' in html
        assert f'href="{settings.EMERGENCY_SMS_URL}"' in html
        assert f'href="{settings.BSL_999_URL}"' in html
    assert 'href="/advice-for-the-public/how-to-report-easy-read/"' in contact


def test_an_incident_page_gives_support_and_where_to_send_footage(client, db):
    incident = Incident.objects.create(
        title="Incident at the station",
        slug="station",
        summary="Avoid the area.",
        published=True,
    )
    html = text_of(client.get("/incidents/station/"))
    assert "tel:+448081689111" in html  # Victim Support
    assert "do not share them on social media" in html
    assert 'href="https://mipp.police.uk/">Major Incident Public Portal' in html
    assert 'href="/advice-for-the-public/after-an-attack/"' in html
    assert "casualty bureau on" not in html  # not open yet
    Incident.objects.filter(pk=incident.pk).update(
        casualty_bureau_number="0800 056 0944",
        footage_upload_url="https://mipp.police.uk/operation/example",
    )
    html = text_of(client.get("/incidents/station/"))
    assert 'href="tel:+448000560944"' in html
    assert 'href="https://mipp.police.uk/operation/example"' in html


def test_incident_staff_cannot_save_a_casualty_bureau_number_that_is_not_a_number():
    from django.core.exceptions import ValidationError

    incident = Incident(title="T", slug="t", summary="S", casualty_bureau_number="call the police")
    with pytest.raises(ValidationError) as raised:
        incident.full_clean()
    assert "casualty_bureau_number" in raised.value.message_dict


def test_the_content_says_each_thing_once_and_promises_nothing_it_does_not_give(client, starter):
    contest = text_of(client.get("/contest/"))
    # The four strands are described by their cards, not again in the body.
    assert contest.count("Prevent aims to stop") <= 1
    assert "<h3>Prevent</h3>" not in contest
    help_page = text_of(client.get("/how-you-can-help/"))
    assert "organisations you can talk to" not in help_page
    assert 'href="https://www.gov.uk/ACT"' in help_page
    assert 'href="https://www.counterterrorism.police.uk/"' in help_page
    home = text_of(client.get("/"))
    assert "Recent operations" not in home  # 2008-2013 cases are past, not recent
    assert 'href="/about-the-unit/"' in home


def test_the_statements_meet_the_accessibility_regulations_and_data_protection_law(client, starter):
    accessibility = text_of(client.get("/accessibility-statement/"))
    for part in (
        "Compliance status",
        "partially compliant",
        "Non-accessible content",
        "within 10 working days",
        "tel:101",
        "Enforcement procedure",
        "Equality Advisory and Support Service",
        "This statement was prepared on",
    ):
        assert part in accessibility, part
    privacy = text_of(client.get("/privacy-notice/"))
    for part in (
        "lawful basis",
        "Article 6(1)(e)",
        "How long we keep it",
        "Your rights",
        "within one month",
        "Data protection officer",
        "Information Commissioner",
    ):
        assert part in privacy, part
