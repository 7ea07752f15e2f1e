"""Asking for a Counter Terrorism Security Adviser at /contact/security-adviser/: the same guards
and inbox as feedback, and a notice to the Protect team's mailbox with nothing of the request."""

import re

import pytest
from django.db.utils import OperationalError
from pytest_django.asserts import assertContains

from contact.models import Feedback
from tests.utils import HOTLINE_TEL, tel_links, text_of

URL = "/contact/security-adviser/"

pytestmark = pytest.mark.django_db

VALID = {
    "organisation": "Hillside Arena, Dudley DY1",
    "message": "We hold concerts for 2,000 people and want to prepare for Martyn's Law.",
    "name": "Pat Manager",
    "email": "pat@hillside-arena.example",
    "phone": "01632 960 001",
    "website": "",
}


def error_summary(response) -> list[str]:
    html = text_of(response)
    if "govuk-error-summary__list" not in html:
        return []
    summary = html.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    return [m.strip() for m in re.findall(r"<a href=\"#[^\"]+\">([^<]+)</a>", summary)]


def test_the_contact_page_and_the_business_pages_lead_to_the_form(client):
    from django.core.management import call_command

    call_command("load_starter_content", verbosity=0)
    assert f'href="{URL}"' in text_of(client.get("/contact/"))
    for path in (
        "/advice-for-businesses/",
        "/advice-for-businesses/training-and-security-advisers/",
        "/advice-for-businesses/hostile-reconnaissance/",
    ):
        assert f'href="{URL}"' in text_of(client.get(path)), path


def test_the_form_says_it_is_not_for_reports_and_is_never_cached(client):
    response = client.get(URL)
    assertContains(response, "it is not monitored for reports")
    assert tel_links(text_of(response)) >= {"tel:999", HOTLINE_TEL}
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    (phone,) = re.findall(r'<input[^>]*name="phone"[^>]*>', text_of(response))
    assert 'type="tel"' in phone


def test_a_request_is_stored_in_the_inbox_and_the_protect_team_is_told(
    client, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.PROTECT_MAILBOX = "protect@ctu.example.org"
    settings.FEEDBACK_MAILBOX = "feedback@ctu.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, VALID)
    assert response.status_code == 303
    request = Feedback.objects.get()
    assert request.kind == Feedback.Kind.SECURITY_ADVICE
    assert (request.organisation, request.name, request.phone) == (
        "Hillside Arena, Dudley DY1",
        "Pat Manager",
        "01632 960 001",
    )
    assert request.may_reply is True
    sent = client.get(response["Location"])
    assertContains(sent, request.reference)
    assertContains(sent, "What happens next")
    (email,) = mailoutbox
    assert email.to == ["protect@ctu.example.org"]
    assert "security adviser" in email.subject and request.reference in email.subject
    for private in ("Hillside", "Pat", "Martyn", "01632"):
        assert private not in email.body and private not in email.subject


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"organisation": ""}, "Enter the name of your business, venue or organisation"),
        ({"message": " "}, "Enter what you would like advice about"),
        ({"message": "x" * 2001}, "Your request must be 2,000 characters or fewer"),
        ({"name": ""}, "Enter your name"),
        ({"email": ""}, "Enter your email address"),
        (
            {"email": "pat@\nBcc: x@example.com"},
            "Enter an email address in the correct format, like name@example.com",
        ),
        ({"phone": "call me"}, "Enter a telephone number, like 01632 960 001 or +44 808 157 0192"),
        (
            {"organisation": "A\x00B"},
            "Your answer must only include letters, numbers, spaces and punctuation",
        ),
    ],
)
def test_bad_input_gets_its_message_a_400_and_nothing_stored(client, change, message):
    response = client.post(URL, {**VALID, **change})
    assert response.status_code == 400
    assert error_summary(response) == [message]
    assert Feedback.objects.count() == 0


def test_honeypot_and_rate_limit_guard_it_as_they_guard_feedback(client):
    assert client.post(URL, {**VALID, "website": "https://spam.example"}).status_code == 400
    for _ in range(4):
        assert client.post(URL, VALID).status_code == 303
    response = client.post(URL, VALID)
    assert response.status_code == 429
    assert HOTLINE_TEL in tel_links(text_of(response))
    assert Feedback.objects.count() == 4


def test_a_database_failure_says_not_received_and_keeps_nothing(client, monkeypatch, mailoutbox):
    def fail(*args, **kwargs):
        raise OperationalError("simulated")

    monkeypatch.setattr(Feedback, "save", fail)
    response = client.post(URL, VALID)
    assert response.status_code == 503
    assertContains(response, "it was not received", status_code=503)
    monkeypatch.undo()
    assert Feedback.objects.count() == 0
    assert mailoutbox == []


def test_feedback_triage_sees_it_in_the_inbox_filtered_by_kind(client, triager):
    Feedback.objects.create(
        reference="FB-AAAAAA", kind=Feedback.Kind.SECURITY_ADVICE, organisation="Arena", message="m"
    )
    client.force_login(triager)
    response = client.get("/admin/contact/feedback/", {"kind__exact": "security"})
    assertContains(response, "FB-AAAAAA")
    assertContains(response, "Request for a security adviser")
