"""A mailing goes to everyone receiving its topic, in batches, against a real SMTP server:
one-click unsubscribe headers, a failing address retried and counted, nothing sent twice."""

import pytest
from django.utils import timezone

from updates import services
from updates.models import Delivery, Mailing, Subscriber

pytestmark = pytest.mark.django_db


def queue(django_capture_on_commit_callbacks, source="alerts.threatlevelchange:1", **fields):
    values = {
        "topic": "threat_level",
        "source": source,
        "subject": "The national threat level is now severe",
        "path": "/threat-level/",
        "text": "The national threat level has been raised to severe: an attack is highly likely.",
        "html": "<p>The national threat level has been raised to <strong>severe</strong>.</p>"
        '<script>alert("x")</script>',
        "urgent": True,
        **fields,
    }
    # Runs the fan-out after the commit, and the batches it queues on its own commits.
    with django_capture_on_commit_callbacks(execute=True):
        mailing = services.mailing_queue(**values)
    mailing.refresh_from_db()
    return mailing


@pytest.fixture
def audience(make_subscriber):
    receiving = [
        make_subscriber(email=f"r{i}@example.org", threat_level=True, news=False) for i in range(5)
    ]
    make_subscriber(email="news-only@example.org")  # another topic
    Subscriber.objects.create(email="unconfirmed@example.org", threat_level=True)
    make_subscriber(email="bounced@example.org", threat_level=True, suspended_at=timezone.now())
    return receiving


def test_a_mailing_reaches_everyone_receiving_the_topic_and_no_one_else(
    inbox, audience, settings, django_capture_on_commit_callbacks
):
    settings.UPDATES_BATCH_SIZE = 2
    mailing = queue(django_capture_on_commit_callbacks)
    received = sorted(rcpt for rcpts, _ in inbox.messages for rcpt in rcpts)
    assert received == [f"r{i}@example.org" for i in range(5)]
    # In batches: three batch tasks, one SMTP connection each.
    assert len(inbox.sessions) == 3
    assert (mailing.queued, mailing.sent, mailing.failed) == (5, 5, 0)

    message = inbox.to("r0@example.org")[0]
    assert message["Subject"] == "The national threat level is now severe"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith("<http")
    text = inbox.text(message)
    assert "raised to severe" in text and "999" in text and "0800 789 321" in text
    html = inbox.html(message)
    assert "<strong>severe</strong>" in html
    assert "<script" not in html  # sanitised again when queued
    assert 'href="tel:999"' in html


def test_the_one_click_header_unsubscribes_that_subscriber_only(
    client, inbox, audience, django_capture_on_commit_callbacks
):
    queue(django_capture_on_commit_callbacks)
    header = inbox.to("r1@example.org")[0]["List-Unsubscribe"].strip("<>")
    path = "/" + header.split("/", 3)[3]
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscriber.objects.filter(email="r1@example.org").exists()
    assert Subscriber.objects.filter(email="r2@example.org").exists()


def test_a_failing_address_is_retried_then_counted_and_the_rest_still_go(
    inbox, audience, settings, django_capture_on_commit_callbacks
):
    settings.UPDATES_BATCH_SIZE = 2
    settings.UPDATES_SEND_ATTEMPTS = 3
    inbox.refuse.add("r2@example.org")
    mailing = queue(django_capture_on_commit_callbacks)
    assert inbox.refused == ["r2@example.org"] * 3  # tried three times
    assert (mailing.queued, mailing.sent, mailing.failed) == (5, 4, 1)
    failed = Delivery.objects.get(mailing=mailing, status=Delivery.Status.FAILED)
    assert failed.subscriber.email == "r2@example.org"
    assert failed.attempts == 3
    assert failed.error == "refused 550"  # the kind of failure, not the address


def test_the_same_change_is_never_sent_twice(inbox, audience, django_capture_on_commit_callbacks):
    first = queue(django_capture_on_commit_callbacks)
    second = queue(django_capture_on_commit_callbacks)
    assert first.pk == second.pk
    assert Mailing.objects.count() == 1
    assert len(inbox.to("r0@example.org")) == 1


def test_weekly_news_readers_are_not_sent_each_news_item(
    inbox, make_subscriber, django_capture_on_commit_callbacks
):
    make_subscriber(email="now@example.org", news_frequency="immediately")
    make_subscriber(email="weekly@example.org", news_frequency="weekly")
    mailing = queue(
        django_capture_on_commit_callbacks, source="news.newsitem:1", topic="news", urgent=False
    )
    assert [rcpt for rcpts, _ in inbox.messages for rcpt in rcpts] == ["now@example.org"]
    assert mailing.sent == 1


def test_someone_who_leaves_before_their_batch_is_not_sent_it(
    inbox, audience, django_capture_on_commit_callbacks
):
    from updates import tasks

    with django_capture_on_commit_callbacks(execute=False):
        mailing = services.mailing_queue(
            topic="threat_level", source="x:1", subject="S", path="/", text="T", html="<p>T</p>"
        )
    with django_capture_on_commit_callbacks(execute=False) as batches:
        assert tasks.fan_out.call(mailing_id=mailing.pk) == 5
    services.unsubscribe(Subscriber.objects.get(email="r0@example.org"))
    for batch in batches:
        batch()
    mailing.refresh_from_db()
    assert not inbox.to("r0@example.org")
    assert (mailing.queued, mailing.sent, mailing.failed) == (5, 4, 0)
    # What became of the fifth is on record: it left first.
    assert mailing.deliveries.filter(status=Delivery.Status.LEFT).count() == 1
