"""Retention: manage.py purge_feedback deletes closed feedback past the retention period."""

import datetime as dt
from io import StringIO

import time_machine
from django.core.management import call_command
from model_bakery import baker

from contact.models import Feedback

NOW = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)


def make(reference, *, days_old, status):
    return baker.make(
        Feedback,
        reference=reference,
        kind=Feedback.Kind.GENERAL,
        status=status,
        created_at=NOW - dt.timedelta(days=days_old),
    )


@time_machine.travel(NOW, tick=False)
def test_purge_deletes_only_closed_feedback_older_than_the_setting(db, settings):
    settings.FEEDBACK_RETENTION_DAYS = 365
    make("FB-OLDCLS", days_old=366, status=Feedback.Status.CLOSED)
    make("FB-OLDNEW", days_old=400, status=Feedback.Status.NEW)
    make("FB-OLDPRG", days_old=400, status=Feedback.Status.IN_PROGRESS)
    make("FB-NEWCLS", days_old=364, status=Feedback.Status.CLOSED)
    out = StringIO()
    call_command("purge_feedback", stdout=out)
    assert "Deleted 1 closed feedback" in out.getvalue()
    assert set(Feedback.objects.values_list("reference", flat=True)) == {
        "FB-OLDNEW",
        "FB-OLDPRG",
        "FB-NEWCLS",
    }


@time_machine.travel(NOW, tick=False)
def test_purge_follows_a_shorter_retention_setting(db, settings):
    settings.FEEDBACK_RETENTION_DAYS = 30
    make("FB-MONTHA", days_old=31, status=Feedback.Status.CLOSED)
    make("FB-MONTHB", days_old=29, status=Feedback.Status.CLOSED)
    out = StringIO()
    call_command("purge_feedback", stdout=out)
    assert "Deleted 1 " in out.getvalue()
    assert list(Feedback.objects.values_list("reference", flat=True)) == ["FB-MONTHB"]


def test_purge_with_nothing_to_delete_says_so(db):
    out = StringIO()
    call_command("purge_feedback", stdout=out)
    assert "Deleted 0 " in out.getvalue()


def test_retention_defaults_to_a_year():
    from django.conf import settings

    assert settings.FEEDBACK_RETENTION_DAYS == 365
