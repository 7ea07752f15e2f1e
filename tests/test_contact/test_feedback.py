"""General feedback at /contact/feedback/: validation, defences, failure and notification."""

import re

import pytest
from django.db.utils import OperationalError
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from contact.models import Feedback
from tests.utils import HOTLINE_TEL, tel_links, text_of

URL = "/contact/feedback/"


def error_summary(response) -> list[str]:
    """The messages in the GOV.UK error summary, as a person reads them."""
    html = text_of(response)
    if "govuk-error-summary__list" not in html:
        return []
    summary = html.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    return [m.strip() for m in re.findall(r"<a href=\"#[^\"]+\">([^<]+)</a>", summary)]


def test_feedback_form_says_it_is_not_for_reports_and_gives_the_numbers(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assertContains(response, "it is not monitored for reports")
    assert tel_links(text_of(response)) >= {"tel:999", HOTLINE_TEL}


def test_feedback_form_is_never_cached_because_it_holds_a_csrf_token(client, db):
    response = client.get(URL)
    assertContains(response, "csrfmiddlewaretoken")
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]


def test_error_summary_sits_above_the_heading(client, db):
    html = text_of(client.post(URL, {"message": ""}))
    assert html.index("govuk-error-summary") < html.index("<h1")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"message": ""}, "Enter your feedback"),
        ({"message": "   "}, "Enter your feedback"),
        ({"message": "x" * 2001}, "Your feedback must be 2,000 characters or fewer"),
        (
            {"message": "Hello\x00there"},
            "Your feedback must only include letters, numbers, spaces and punctuation",
        ),
        ({"message": "Hi", "name": "n" * 101}, "Your name must be 100 characters or fewer"),
        (
            {"message": "Hi", "name": "N\x00"},
            "Your name must only include letters, numbers, spaces and punctuation",
        ),
        (
            {"message": "Hi", "email": "not-an-email"},
            "Enter an email address in the correct format, like name@example.com",
        ),
        (
            {"message": "Hi", "may_reply": "on"},
            "Enter your email address if you would like a reply",
        ),
    ],
)
def test_each_validation_message_is_shown_with_400_and_nothing_stored(client, db, data, message):
    response = client.post(URL, {"website": "", **data})
    assert response.status_code == 400
    assert error_summary(response) == [message]
    assertContains(response, "<title>Error: ", status_code=400)
    assert Feedback.objects.count() == 0


def test_error_summary_links_go_to_the_field(client, db):
    html = text_of(client.post(URL, {"message": ""}))
    assert 'href="#id_message"' in html
    assert 'id="id_message"' in html


def test_a_message_of_exactly_2000_characters_is_accepted(client, db):
    response = client.post(URL, {"message": "x" * 2000, "website": ""})
    assert response.status_code == 303
    assert Feedback.objects.get().message == "x" * 2000


def test_valid_feedback_is_stored_and_the_person_sees_their_reference(client, db, valid_feedback):
    response = client.post(URL, valid_feedback)
    assert response.status_code == 303
    feedback = Feedback.objects.get()
    assert feedback.kind == Feedback.Kind.GENERAL
    assert feedback.status == Feedback.Status.NEW
    assert feedback.message == valid_feedback["message"]
    assert (feedback.name, feedback.email, feedback.may_reply) == ("Sam", "sam@example.com", True)
    assert re.fullmatch(r"FB-[2-9A-HJKMNP-Z]{6}", feedback.reference)
    sent = client.get(response["Location"])
    assertContains(sent, feedback.reference)
    assert "no-store" in sent["Cache-Control"]


def test_confirmation_page_without_a_valid_signed_reference_is_not_found(client, db):
    assert client.get("/contact/feedback/sent/").status_code == 404
    assert client.get("/contact/feedback/sent/?ref=FB-AAAAAA").status_code == 404


def test_filled_honeypot_gets_400_and_stores_nothing(client, db, valid_feedback):
    response = client.post(URL, {**valid_feedback, "website": "https://spam.example"})
    assert response.status_code == 400
    assert Feedback.objects.count() == 0


def test_honeypot_is_hidden_from_people_and_the_keyboard(client, db):
    html = text_of(client.get(URL))
    honeypot = re.search(
        r'<div class="govuk-visually-hidden" aria-hidden="true">(.*?)</div>', html, re.S
    )[1]
    assert 'name="website"' in honeypot
    assert 'tabindex="-1"' in honeypot


def test_form_data_that_is_not_utf8_gets_400_and_stores_nothing(client, db):
    response = client.post(
        URL,
        b"message=caf%E9+latin-1&website=",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert Feedback.objects.count() == 0


def test_sixth_post_in_ten_minutes_gets_429_with_the_hotline(client, db, valid_feedback):
    for _ in range(5):
        assert client.post(URL, valid_feedback).status_code == 303
    response = client.post(URL, valid_feedback)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert HOTLINE_TEL in tel_links(text_of(response))
    assert Feedback.objects.count() == 5


def test_invalid_posts_count_towards_the_rate_limit(client, db):
    for _ in range(5):
        client.post(URL, {"message": ""})
    assert client.post(URL, {"message": ""}).status_code == 429


def test_rate_limit_counts_each_address_separately(db, valid_feedback):
    first = Client(REMOTE_ADDR="192.0.2.1")
    second = Client(REMOTE_ADDR="192.0.2.2")
    for _ in range(5):
        first.post(URL, valid_feedback)
    assert first.post(URL, valid_feedback).status_code == 429
    assert second.post(URL, valid_feedback).status_code == 303


def test_post_without_a_csrf_token_gets_403_and_stores_nothing(db, valid_feedback):
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, valid_feedback)
    assert response.status_code == 403
    assertContains(response, "it was not received", status_code=403)
    assert Feedback.objects.count() == 0


def test_post_with_a_wrong_csrf_token_gets_403_and_stores_nothing(db, valid_feedback):
    client = Client(enforce_csrf_checks=True)
    client.get(URL)
    response = client.post(URL, {**valid_feedback, "csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403
    assert Feedback.objects.count() == 0


def test_post_with_the_csrf_token_from_the_form_is_accepted(db, valid_feedback):
    client = Client(enforce_csrf_checks=True)
    html = text_of(client.get(URL))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    response = client.post(URL, {**valid_feedback, "csrfmiddlewaretoken": token})
    assert response.status_code == 303


def test_database_failing_during_submission_gives_503_saying_not_received(
    client, db, valid_feedback, monkeypatch, mailoutbox, django_capture_on_commit_callbacks
):
    def fail(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly (simulated)")

    monkeypatch.setattr(Feedback, "save", fail)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(URL, valid_feedback)
    assert response.status_code == 503
    assertContains(response, "it was not received and nothing was saved", status_code=503)
    assert HOTLINE_TEL in tel_links(text_of(response))
    assert callbacks == []
    assert mailoutbox == []
    monkeypatch.undo()
    assert Feedback.objects.count() == 0


def test_mailbox_is_told_on_commit_with_the_reference_and_no_message_or_personal_data(
    client, db, valid_feedback, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.FEEDBACK_MAILBOX = "triage@ctu.example.org"
    settings.SITE_URL = "https://ctu.example.org"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(URL, valid_feedback)
    assert len(callbacks) == 1
    assert mailoutbox == []  # Nothing is sent before the transaction commits.
    callbacks[0]()
    feedback = Feedback.objects.get()
    [email] = mailoutbox
    assert email.to == ["triage@ctu.example.org"]
    assert feedback.reference in email.subject
    assert feedback.reference in email.body
    assert f"https://ctu.example.org/admin/contact/feedback/{feedback.pk}/change/" in email.body
    for private in (valid_feedback["message"], "Sam", "sam@example.com"):
        assert private not in email.body
        assert private not in email.subject


def test_page_feedback_form_is_not_on_the_contact_hub(client, db):
    assertNotContains(client.get("/contact/"), "Help us improve this page")


def test_feedback_is_kept_and_confirmed_when_the_email_cannot_be_sent(
    client, db, valid_feedback, monkeypatch, django_capture_on_commit_callbacks
):
    from contact import services

    class QueueDown:
        def enqueue(self, **kwargs):
            raise ConnectionRefusedError("task queue unreachable (simulated)")

    monkeypatch.setattr(services, "feedback_notify", QueueDown())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_feedback)
    assert response.status_code == 303
    assert Feedback.objects.count() == 1
