"""Subscribe, confirm, manage and leave, as a person would, against a real SMTP server."""

import json
import re

import pytest
import time_machine
from django.utils import timezone

from updates import services
from updates.models import Subscriber

pytestmark = pytest.mark.django_db

ADDRESS = "shop.manager@example.org"


def subscribe(client, email=ADDRESS, topics=("threat_level", "news"), frequency="weekly", **extra):
    data = {"email": email, "topics": list(topics), "news_frequency": frequency, **extra}
    return client.post("/email-updates/", data)


def test_the_whole_journey_subscribe_confirm_manage_unsubscribe(
    client, inbox, django_capture_on_commit_callbacks
):
    page = client.get("/email-updates/?topic=threat_level")
    assert page.status_code == 200
    assert re.search(r'value="threat_level"\s+checked', page.content.decode())

    with django_capture_on_commit_callbacks(execute=True):
        response = subscribe(client)
    assert response.status_code == 303
    assert response["Location"] == "/email-updates/check-your-email/"
    assert "Check your email" in client.get(response["Location"]).content.decode()

    # Nothing is subscribed yet: the choices wait for the owner of the inbox.
    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.confirmed_at is None
    assert not subscriber.threat_level and not subscriber.news

    [message] = inbox.to(ADDRESS)
    assert "Confirm" in message["Subject"]
    text = inbox.text(message)
    assert "Changes to the national threat level" in text
    assert "999" in text and "0800 789 321" in text
    assert 'href="tel:+44800789321"' in inbox.html(message)
    confirm = inbox.link(message, "/confirm/")

    # Opening the link (as a mail scanner would) changes nothing; the button does.
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Confirm your email updates" in page.content.decode()
    assert Subscriber.objects.get(email=ADDRESS).confirmed_at is None
    response = client.post(confirm)
    assert response.status_code == 303
    manage = response["Location"].split("?")[0]
    page = client.get(response["Location"])
    assert "You are subscribed" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.is_confirmed
    assert subscriber.topics == ["threat_level", "news"]
    assert subscriber.news_frequency == "weekly"

    # The link works once.
    again = client.post(confirm)
    assert again.status_code == 410
    assert "already been used" in again.content.decode()

    # Manage: change the choices without signing in.
    response = client.post(
        manage, {"topics": ["incidents", "business"], "news_frequency": "immediately"}
    )
    assert response.status_code == 303
    assert "Your choices are saved" in client.get(response["Location"]).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.topics == ["incidents", "business"]

    # Their data, as a file.
    data = client.get(manage + "your-data/")
    assert data["Content-Disposition"].startswith("attachment")
    assert json.loads(data.content)["email"] == ADDRESS

    # Leave: the address is deleted, and the link is dead afterwards.
    unsubscribe = manage.replace("/manage/", "/unsubscribe/")
    assert "Unsubscribe" in client.get(unsubscribe).content.decode()
    left = client.post(unsubscribe)
    assert left.status_code == 200
    assert "your email address has been deleted" in left.content.decode()
    assert not Subscriber.objects.filter(email=ADDRESS).exists()
    assert client.get(manage).status_code == 410


def test_one_click_unsubscribe_is_a_post_without_a_csrf_token(client, make_subscriber):
    from django.test import Client

    subscriber = make_subscriber()
    from updates.links import Links

    path = Links.for_subscriber(subscriber).unsubscribe.split("://", 1)[1].split("/", 1)[1]
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/" + path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_the_pages_never_say_whether_an_address_is_subscribed(
    client, inbox, make_subscriber, django_capture_on_commit_callbacks
):
    make_subscriber(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = subscribe(client, email="known@example.org")
        unknown = subscribe(client, email="new@example.org")
    assert known.status_code == unknown.status_code == 303
    assert known["Location"] == unknown["Location"]
    # The subscribed address is asked to confirm the change; its choices stay until it does.
    [message] = inbox.to("known@example.org")
    assert "change the email updates" in inbox.text(message)
    assert Subscriber.objects.get(email="known@example.org").topics == ["news"]


def test_a_changed_choice_for_a_subscribed_address_waits_for_its_owner(
    client, inbox, make_subscriber, django_capture_on_commit_callbacks
):
    make_subscriber(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, email="Known@Example.org ", topics=["incidents"])
    assert Subscriber.objects.count() == 1
    confirm = inbox.link(inbox.to("known@example.org")[0], "/confirm/")
    client.post(confirm)
    assert Subscriber.objects.get(email="known@example.org").topics == ["incidents"]


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter your email address"),
        ("not-an-address", "Enter an email address in the correct format"),
        ("a@b.org\r\nBcc: victim@example.org", "Enter an email address in the correct format"),
        ("x@example.org\x00", "Enter an email address in the correct format"),
        ("a" * 250 + "@example.org", "254 characters or fewer"),
    ],
)
def test_bad_addresses_are_refused_with_a_message_and_nothing_is_stored(client, email, message):
    response = subscribe(client, email=email)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_no_topic_chosen_is_refused(client):
    response = subscribe(client, topics=[])
    assert response.status_code == 400
    assert "Select at least one thing" in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_a_filled_honeypot_stores_nothing(client):
    assert subscribe(client, website="http://spam.example").status_code == 400
    assert Subscriber.objects.count() == 0


def test_confirmation_emails_are_capped_per_address_per_day(
    client, inbox, settings, django_capture_on_commit_callbacks
):
    settings.UPDATES_CONFIRMATIONS_PER_DAY = 3
    queued = []
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            queued.append(
                services.subscription_request(
                    email="victim@example.org", choices={"topics": ["news"]}
                )
            )
    assert queued == [True, True, True, False, False]
    assert len(inbox.to("victim@example.org")) == 3
    # A new day, a new allowance.
    tomorrow = time_machine.travel(timezone.now() + timezone.timedelta(days=1))
    with tomorrow, django_capture_on_commit_callbacks(execute=True):
        assert services.subscription_request(
            email="victim@example.org", choices={"topics": ["news"]}
        )
    assert len(inbox.to("victim@example.org")) == 4


def test_a_flood_from_one_client_gets_429(client):
    responses = [subscribe(client, email=f"p{i}@example.org").status_code for i in range(7)]
    assert responses[:5] == [303] * 5
    assert responses[5:] == [429, 429]


def test_a_flood_for_one_address_from_many_clients_gets_429(client):
    statuses = [subscribe(client, REMOTE_ADDR=f"192.0.2.{i}").status_code for i in range(1, 8)]
    assert statuses[:5] == [303] * 5
    assert 429 in statuses[5:]


def test_only_the_newest_confirmation_link_works(client, inbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client)
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, topics=["incidents"])
    first, second = inbox.to(ADDRESS)
    assert client.post(inbox.link(first, "/confirm/")).status_code == 410
    assert client.post(inbox.link(second, "/confirm/")).status_code == 303
    assert Subscriber.objects.get(email=ADDRESS).topics == ["incidents"]


def test_an_altered_link_is_refused_with_a_clear_page(client, make_subscriber):
    for path in ("/email-updates/confirm/abc:def/", "/email-updates/manage/abc:def/"):
        response = client.get(path)
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert client.post("/email-updates/unsubscribe/abc:def/").status_code == 400


def test_an_expired_confirmation_link_is_refused(client, inbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client)
    confirm = inbox.link(inbox.to(ADDRESS)[0], "/confirm/")
    with time_machine.travel(timezone.now() + timezone.timedelta(days=8)):
        response = client.post(confirm)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert Subscriber.objects.get(email=ADDRESS).confirmed_at is None


def test_unconfirmed_addresses_are_deleted_after_seven_days(make_subscriber):
    confirmed = make_subscriber(email="kept@example.org")
    Subscriber.objects.create(email="never@example.org")
    assert services.unconfirmed_delete() == 0
    later = timezone.now() + timezone.timedelta(days=7, minutes=1)
    assert services.unconfirmed_delete(now=later) == 1
    assert list(Subscriber.objects.all()) == [confirmed]


def test_the_daily_job_deletes_unconfirmed_addresses(make_subscriber):
    from io import StringIO

    from django.core.management import call_command

    Subscriber.objects.create(
        email="old@example.org", created_at=timezone.now() - timezone.timedelta(days=8)
    )
    make_subscriber()
    out = StringIO()
    call_command("purge_unconfirmed_subscribers", stdout=out)
    assert "Deleted 1 address(es)" in out.getvalue()
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["reader@example.org"]


def test_a_reused_unsubscribe_link_says_so_plainly(client, make_subscriber):
    from updates.links import Links

    subscriber = make_subscriber()
    path = "/" + Links.for_subscriber(subscriber).unsubscribe.split("/", 3)[3]
    assert client.post(path).status_code == 200
    again = client.post(path)  # the mail program's one-click, sent twice
    assert again.status_code == 200
    assert "This address is not on our list" in again.content.decode()
    page = client.get(path)
    assert page.status_code == 410
    assert "This address is not on our list" in page.content.decode()
    # The manage link from the same email is dead too.
    assert client.get(path.replace("/unsubscribe/", "/manage/")).status_code == 410


def test_every_page_of_the_journey_is_never_stored_by_a_shared_cache(client, make_subscriber):
    from updates.links import Links

    links = Links.for_subscriber(make_subscriber())
    for path in (
        "/email-updates/",
        "/email-updates/check-your-email/",
        "/" + links.manage.split("/", 3)[3],
        "/" + links.unsubscribe.split("/", 3)[3],
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_the_email_box_is_an_email_input_without_a_silent_length_cut(client):
    page = client.get("/email-updates/").content.decode()
    tag = re.search(r'<input[^>]*id="id_email"[^>]*>', page).group(0)
    assert tag.count("type=") == 1 and 'type="email"' in tag
    assert "maxlength" not in tag
    assert 'autocomplete="email"' in tag


def test_confirming_again_lifts_a_suspension_after_bounces(
    client, inbox, make_subscriber, django_capture_on_commit_callbacks
):
    make_subscriber(
        email="bounced@example.org", suspended_at=timezone.now(), suspended_reason="hard bounce"
    )
    with django_capture_on_commit_callbacks(execute=True):
        subscribe(client, email="bounced@example.org", topics=["news"])
    client.post(inbox.link(inbox.to("bounced@example.org")[0], "/confirm/"))
    subscriber = Subscriber.objects.get(email="bounced@example.org")
    assert subscriber.suspended_at is None
    assert list(Subscriber.objects.receiving("news")) == [subscriber]
