"""The audit log: every staff action with who did it and when, readable by superusers only,
and never editable."""

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse

from core.roles import PUBLISHERS
from publishing import services
from tests.utils import text_of

pytestmark = pytest.mark.django_db


def events(obj):
    return list(
        LogEntry.objects.get_for_object(obj)
        .order_by("timestamp", "pk")
        .values_list("changes_text", "actor__username")
    )


def test_publish_unpublish_and_revert_are_recorded_with_who(kind, publisher):
    obj = kind.make("audited", publish=False)
    first = services.draft_save(obj=obj, user=publisher)
    services.revision_publish(revision=first, user=publisher)
    services.object_unpublish(obj=obj, user=publisher)
    services.revision_revert(obj=obj, revision=first, user=publisher)
    recorded = [(text.split(":")[0], who) for text, who in events(obj) if who == "percy"]
    assert ("Published", "percy") in recorded
    assert ("Unpublished", "percy") in recorded
    assert ("Reverted", "percy") in recorded


def test_a_submission_and_a_deletion_through_the_admin_are_recorded(client, editor, kind):
    obj = kind.make("submitted", publish=False)
    client.force_login(editor)
    client.post(kind.admin_url("change", obj), kind.form(obj, _submit="Submit for review"))
    assert ("Submitted for review", "edith") in events(obj)

    client.logout()
    client.force_login(editor.__class__.objects.create_superuser("root", password="x" * 16))
    client.post(kind.admin_url("delete", obj), {"post": "yes"})
    deleted = LogEntry.objects.filter(action=LogEntry.Action.DELETE, object_pk=str(obj.pk))
    assert deleted.filter(actor__username="root").exists()


def test_putting_someone_in_a_role_is_recorded(admin_client, editor):
    admin_client.post(
        reverse("admin:auth_user_change", args=[editor.pk]),
        {
            "username": editor.username,
            "is_active": "on",
            "is_staff": "on",
            "groups": [Group.objects.get(name=PUBLISHERS).pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
        },
    )
    assert editor.groups.filter(name=PUBLISHERS).exists()
    entry = LogEntry.objects.get_for_object(editor).latest()
    assert entry.actor.username == "admin"
    assert "groups" in entry.changes_dict


def test_only_superusers_read_the_log_and_nobody_edits_it(client, publisher, admin_client, kind):
    obj = kind.make("read-me")
    services.object_unpublish(obj=obj, user=publisher)
    changelist = reverse("admin:auditlog_logentry_changelist")
    client.force_login(publisher)
    assert client.get(changelist).status_code == 403
    page = admin_client.get(changelist)
    assert page.status_code == 200
    assert "Unpublished" in text_of(page)
    entry = LogEntry.objects.filter(changes_text="Unpublished").get()
    change = reverse("admin:auditlog_logentry_change", args=[entry.pk])
    assert admin_client.post(change, {"changes_text": "Nothing happened"}).status_code == 403
    delete = reverse("admin:auditlog_logentry_delete", args=[entry.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert LogEntry.objects.filter(pk=entry.pk, changes_text="Unpublished").exists()


def test_each_object_links_to_its_own_entries(admin_client, publisher, kind):
    obj = kind.make("own-entries")
    other = kind.make("other-entries")
    services.object_unpublish(obj=obj, user=publisher)
    services.object_unpublish(obj=other, user=publisher)
    form = admin_client.get(kind.admin_url("change", obj))
    audit_url = form.context["audit_url"]
    assert audit_url and f'href="{audit_url.replace("&", "&amp;")}"' in text_of(form)
    rows = admin_client.get(audit_url).context["cl"].result_list
    assert rows and {row.object_pk for row in rows} == {str(obj.pk)}
