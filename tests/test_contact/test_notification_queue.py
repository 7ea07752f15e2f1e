"""Production's task queue: notifications are stored with the submission and sent by a worker."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from contact.models import Feedback

URL = "/contact/feedback/"

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def database_tasks():
    with override_settings(TASKS=DATABASE_TASKS):
        yield


def test_the_setting_names_the_database_backend_by_a_short_name():

    from ctu_site import settings as site_settings

    assert site_settings.TASK_BACKENDS["database"] == DATABASE_TASKS["default"]["BACKEND"]


@pytest.mark.django_db(transaction=True)
def test_submission_queues_its_notification_and_the_worker_sends_it(
    client, valid_feedback, database_tasks, mailoutbox, settings
):
    settings.FEEDBACK_MAILBOX = "triage@ctu.example.org"
    response = client.post(URL, valid_feedback)
    assert response.status_code == 303
    feedback = Feedback.objects.get()
    # Queued in the database after the commit, and not sent within the request.
    [queued] = DBTaskResult.objects.all()
    assert queued.status == "READY"
    assert mailoutbox == []

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    [email] = mailoutbox
    assert email.to == ["triage@ctu.example.org"]
    assert feedback.reference in email.subject
    assert valid_feedback["message"] not in email.body
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_outage_leaves_the_notification_on_record(
    client, valid_feedback, database_tasks, mailoutbox, monkeypatch
):
    from django.core.mail import EmailMessage

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("mail server unreachable (simulated)")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    assert client.post(URL, valid_feedback).status_code == 303
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)

    assert Feedback.objects.count() == 1
    [failed] = DBTaskResult.objects.all()
    assert failed.status == "FAILED"
    assert failed.exception_class_path == "builtins.ConnectionRefusedError"
    assert "mail server unreachable" in failed.traceback
    assert mailoutbox == []
