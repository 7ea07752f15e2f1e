"""Bounces and complaints from the mail provider (Postmark's webhook, through django-anymail):
a bounce suspends, a complaint removes, and nobody without the secret can do either."""

import base64
import json

import pytest
from django.urls import reverse

from updates.models import Subscriber

pytestmark = pytest.mark.django_db

SECRET = "provider:s3cret-webhook-password"
URL = "/email-updates/provider/postmark/tracking/"


@pytest.fixture(autouse=True)
def webhook_secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": SECRET}


def postmark(client, payload, *, auth=SECRET):
    headers = {}
    if auth:
        headers["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(auth.encode()).decode()
    return client.post(URL, json.dumps(payload), content_type="application/json", **headers)


def bounce(email, kind="HardBounce"):
    return {
        "RecordType": "Bounce",
        "Type": kind,
        "TypeCode": 1,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": email,
        "BouncedAt": "2026-12-03T10:00:00Z",
        "Description": "The server was unable to deliver your message.",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
    }


def complaint(email):
    return {
        "RecordType": "SpamComplaint",
        "Type": "SpamComplaint",
        "TypeCode": 512,
        "MessageID": "00000000-0000-0000-0000-000000000000",
        "Email": email,
        "BouncedAt": "2026-12-03T10:00:00Z",
    }


def test_the_webhook_is_where_the_readme_says():
    assert reverse("updates:postmark_tracking_webhook") == URL


def test_a_hard_bounce_suspends_the_subscriber_until_they_confirm_again(client, make_subscriber):
    subscriber = make_subscriber("gone@example.org")
    assert postmark(client, bounce("Gone@Example.org")).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.suspended_at is not None
    assert "bounced" in subscriber.suspended_reason and "Postmark" in subscriber.suspended_reason
    assert not Subscriber.objects.receiving("news").exists()


def test_a_complaint_deletes_the_address(client, make_subscriber):
    make_subscriber("annoyed@example.org")
    assert postmark(client, complaint("annoyed@example.org")).status_code == 200
    assert not Subscriber.objects.filter(email="annoyed@example.org").exists()


def test_other_addresses_and_other_events_change_nothing(client, make_subscriber):
    subscriber = make_subscriber("fine@example.org")
    assert postmark(client, bounce("staff@example.org")).status_code == 200
    delivery = {
        "RecordType": "Delivery",
        "MessageID": "x",
        "Recipient": "fine@example.org",
        "DeliveredAt": "2026-12-03T10:00:00Z",
    }
    assert postmark(client, delivery).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.suspended_at is None


@pytest.mark.parametrize("auth", [None, "provider:wrong", "nobody:s3cret-webhook-password"])
def test_without_the_secret_nobody_can_suspend_an_address(client, make_subscriber, auth):
    subscriber = make_subscriber("target@example.org")
    response = postmark(client, bounce("target@example.org"), auth=auth)
    assert response.status_code in (400, 403)
    subscriber.refresh_from_db()
    assert subscriber.suspended_at is None


def test_the_webhooks_are_off_until_a_secret_is_set(client, settings, make_subscriber):
    settings.ANYMAIL = {"WEBHOOK_SECRET": ""}
    subscriber = make_subscriber("target@example.org")
    assert postmark(client, bounce("target@example.org"), auth=None).status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.suspended_at is None


def test_a_malformed_body_is_a_400_not_a_500(client_no_raise):
    response = client_no_raise.post(
        URL,
        "{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION="Basic " + base64.b64encode(SECRET.encode()).decode(),
    )
    assert 400 <= response.status_code < 500
