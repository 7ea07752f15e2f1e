"""The weekly news summary: the week's news, still on the site, to those who chose it."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from news.models import NewsItem
from publishing import services
from updates.models import Mailing

pytestmark = pytest.mark.django_db


def publish_news(make_news, capture, title, **fields):
    item = make_news(title, publish=False, **fields)
    revision = services.draft_save(obj=item, user=None, notify=True)
    with capture(execute=True):
        services.revision_publish(revision=revision, user=None)
    return item


def test_the_weekly_summary_goes_to_weekly_readers_with_the_weeks_news_only(
    inbox, make_subscriber, make_news, django_capture_on_commit_callbacks
):
    make_subscriber("now@example.org")
    make_subscriber("weekly@example.org", news_frequency="weekly")
    make_subscriber("threat@example.org", news=False, threat_level=True)
    old = publish_news(make_news, django_capture_on_commit_callbacks, "Old news")
    Mailing.objects.filter(about_id=old.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    publish_news(make_news, django_capture_on_commit_callbacks, "Prevent week", summary="Events.")
    withdrawn = publish_news(make_news, django_capture_on_commit_callbacks, "Charge announced")
    publish_news(make_news, django_capture_on_commit_callbacks, "Martyn's Law guidance")
    # Taken off the site after it was emailed, e.g. because a court restricted reporting.
    withdrawn.reporting_restrictions = True
    services.draft_save(obj=withdrawn, user=None)
    assert not NewsItem.objects.published().filter(pk=withdrawn.pk).exists()
    # Each item went at once to the subscriber who asked for that, and not to the others.
    assert {rcpt for rcpts, _ in inbox.messages for rcpt in rcpts} == {"now@example.org"}
    inbox.messages.clear()

    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_weekly_news", stdout=out)
    assert "sending to 1 subscriber" in out.getvalue()
    assert [rcpts for rcpts, _ in inbox.messages] == [["weekly@example.org"]]
    message = inbox.messages[0][1]
    assert "news in the week to" in message["Subject"]
    text = inbox.text(message)
    assert "Prevent week" in text and "Events." in text and "Martyn's Law guidance" in text
    assert "/news/prevent-week/" in text
    assert "Charge announced" not in text and "Old news" not in text
    assert "Charge announced" not in inbox.html(message)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Run again the same week: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_weekly_news", stdout=StringIO())
    assert len(inbox.messages) == 1


def test_no_news_no_summary(inbox, make_subscriber, django_capture_on_commit_callbacks):
    make_subscriber("weekly@example.org", news_frequency="weekly")
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_weekly_news", stdout=out)
    assert "no summary sent" in out.getvalue()
    assert not inbox.messages and not Mailing.objects.exists()
