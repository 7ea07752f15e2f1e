"""The publishing rule, drafts of live content, scheduling, expiry and revert: once, for every
publishable model (pages, news, operations) through the ``kind`` fixture."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from publishing import services
from publishing.models import PublishState
from tests.utils import text_of

NOON = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


def test_a_draft_is_not_published(kind, client):
    obj = kind.make("draft-thing", publish=False)
    assert obj.publish_state == PublishState.DRAFT
    assert not kind.model.objects.published().filter(pk=obj.pk).exists()
    assert client.get(obj.get_absolute_url()).status_code == 404


def test_a_published_object_is_served_with_its_sanitised_body(kind, client):
    obj = kind.make(
        "live-thing", title="A live thing", body="## Hello\n\nBody.<script>alert(1)</script>"
    )
    response = client.get(obj.get_absolute_url())
    assert response.status_code == 200
    html = text_of(response)
    assert "A live thing" in html
    assert "<h2>Hello</h2>" in html
    assert "<script>alert(1)" not in html


def test_an_unpublished_object_returns_404(kind, client, publisher):
    obj = kind.make("gone")
    services.object_unpublish(obj=obj, user=publisher)
    assert client.get(obj.get_absolute_url()).status_code == 404


def test_editing_live_content_changes_nothing_public_until_published(kind, client, publisher):
    obj = kind.make("changing", title="Old title")
    kind.set_title(obj, "New title")
    revision = services.draft_save(obj=obj, user=publisher)
    obj.refresh_from_db()
    assert kind.title(obj) == "Old title"
    assert obj.publish_state == PublishState.LIVE_WITH_CHANGES
    assert "Old title" in text_of(client.get(obj.get_absolute_url()))

    services.revision_publish(revision=revision, user=publisher)
    html = text_of(client.get(obj.get_absolute_url()))
    assert "New title" in html
    assert "Old title" not in html
    obj.refresh_from_db()
    assert obj.publish_state == PublishState.LIVE


def test_a_future_go_live_time_schedules_instead_of_publishing(kind, client, publisher):
    with time_machine.travel(NOON, tick=False):
        obj = kind.make("soon", publish=False, go_live_at=NOON + dt.timedelta(hours=1))
        services.object_publish(obj=obj, user=publisher)
        obj.refresh_from_db()
        assert obj.publish_state == PublishState.SCHEDULED
        assert client.get(obj.get_absolute_url()).status_code == 404
        assert services.publish_scheduled() == {"published": 0, "expired": 0}

    with time_machine.travel(NOON + dt.timedelta(hours=1, minutes=1), tick=False):
        assert services.publish_scheduled() == {"published": 1, "expired": 0}
        assert client.get(obj.get_absolute_url()).status_code == 200
        obj.refresh_from_db()
        assert obj.publish_state == PublishState.LIVE
        assert obj.first_published_at == timezone.now()


def test_content_disappears_at_its_expiry_time(kind, client):
    with time_machine.travel(NOON, tick=False):
        obj = kind.make("short-lived", expire_at=NOON + dt.timedelta(minutes=30))
        assert client.get(obj.get_absolute_url()).status_code == 200

    with time_machine.travel(NOON + dt.timedelta(minutes=31), tick=False):
        # Gone at once, even before the scheduled job runs...
        assert not kind.model.objects.published().filter(pk=obj.pk).exists()
        assert client.get(obj.get_absolute_url()).status_code == 404
        # ...and the job records it as expired.
        assert services.publish_scheduled() == {"published": 0, "expired": 1}
        obj.refresh_from_db()
        assert obj.publish_state == PublishState.EXPIRED


def test_scheduled_changes_to_live_content_replace_it_on_time(kind, client, publisher):
    with time_machine.travel(NOON, tick=False):
        obj = kind.make("replaced", title="Before")
        kind.set_title(obj, "After")
        obj.go_live_at = NOON + dt.timedelta(hours=2)
        revision = services.draft_save(obj=obj, user=publisher)
        services.revision_publish(revision=revision, user=publisher)
        assert "Before" in text_of(client.get(obj.get_absolute_url()))

    with time_machine.travel(NOON + dt.timedelta(hours=2), tick=False):
        services.publish_scheduled()
        assert "After" in text_of(client.get(obj.get_absolute_url()))


def test_revert_makes_a_new_draft_from_an_old_revision(kind, client, publisher):
    obj = kind.make("reverting", title="First")
    first_revision = obj.live_revision
    kind.set_title(obj, "Second")
    services.revision_publish(revision=services.draft_save(obj=obj, user=publisher), user=publisher)

    draft = services.revision_revert(obj=obj, revision=first_revision, user=publisher)
    assert draft.content[kind.title_field] == "First"
    assert draft.pk != first_revision.pk
    assert "Second" in text_of(client.get(obj.get_absolute_url()))

    services.revision_publish(revision=draft, user=publisher)
    assert "First" in text_of(client.get(obj.get_absolute_url()))


def test_an_editor_cannot_publish_or_unpublish_through_the_services(kind, editor):
    obj = kind.make("guarded")
    revision = services.draft_save(obj=obj, user=editor)
    with pytest.raises(PermissionDenied):
        services.revision_publish(revision=revision, user=editor)
    with pytest.raises(PermissionDenied):
        services.object_unpublish(obj=obj, user=editor)
    obj.refresh_from_db()
    assert obj.live


@pytest.mark.page_cache
def test_publishing_refreshes_cached_pages_at_once(
    kind, client, publisher, django_capture_on_commit_callbacks
):
    obj = kind.make("cached", title="Cached title")
    assert "Cached title" in text_of(client.get(obj.get_absolute_url()))
    kind.set_title(obj, "Fresh title")
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_publish(
            revision=services.draft_save(obj=obj, user=publisher), user=publisher
        )
    assert "Fresh title" in text_of(client.get(obj.get_absolute_url()))


def test_the_state_property_and_the_list_filter_agree_in_every_state(kind, publisher):
    with time_machine.travel(NOON, tick=False):
        objects = {
            PublishState.DRAFT: kind.make("a-draft", publish=False),
            PublishState.LIVE: kind.make("a-live-one"),
            PublishState.EXPIRED: kind.make("an-expiring-one", expire_at=NOON + dt.timedelta(1)),
        }
        changed = kind.make("a-changed-one")
        kind.set_title(changed, "Changed in a draft")
        services.draft_save(obj=changed, user=publisher)
        objects[PublishState.LIVE_WITH_CHANGES] = changed
        in_review = kind.make("a-reviewed-one", publish=False)
        services.draft_save(obj=in_review, user=publisher, submit=True)
        objects[PublishState.IN_REVIEW] = in_review
        later = kind.make("a-later-one", publish=False, go_live_at=NOON + dt.timedelta(days=1))
        services.object_publish(obj=later, user=publisher)
        objects[PublishState.SCHEDULED] = later

    with time_machine.travel(NOON + dt.timedelta(days=1, seconds=-1), tick=False):
        # A second before its expiry time, the expiring one is still live.
        assert kind.model.objects.get(pk=objects[PublishState.EXPIRED].pk).publish_state == (
            PublishState.LIVE
        )
    with time_machine.travel(NOON + dt.timedelta(days=1, seconds=1), tick=False):
        # Expired by the clock alone, before any command has run: both rules agree.
        for state, obj in objects.items():
            if state == PublishState.SCHEDULED:
                continue  # due now, but stays Scheduled until publish_scheduled runs
            obj = kind.model.objects.select_related("latest_revision").get(pk=obj.pk)
            assert obj.publish_state == state, obj
            found = kind.model.objects.in_publish_state(state).values_list("pk", flat=True)
            assert list(found) == [obj.pk], state
        found = kind.model.objects.in_publish_state(PublishState.SCHEDULED)
        assert list(found.values_list("pk", flat=True)) == [later.pk]
        assert kind.model.objects.get(pk=later.pk).publish_state == PublishState.SCHEDULED


@pytest.mark.page_cache
def test_an_expiry_reaches_a_warm_cache_with_no_command_run(
    kind, client, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOON, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            obj = kind.make("cached-then-gone", expire_at=NOON + dt.timedelta(minutes=5))
        assert client.get(obj.get_absolute_url()).status_code == 200
        assert client.get(obj.get_absolute_url()).status_code == 200  # from the cache
    # Sooner than the page cache would drop the page of itself (PAGE_CACHE_SECONDS).
    with time_machine.travel(NOON + dt.timedelta(minutes=5, seconds=1), tick=False):
        assert client.get(obj.get_absolute_url()).status_code == 404


@pytest.mark.page_cache
def test_a_scheduled_change_reaches_a_warm_cache_on_time_with_no_command_run(
    kind, client, publisher, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOON, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            obj = kind.make("cached-then-changed", title="Before")
            kind.set_title(obj, "After")
            obj.go_live_at = NOON + dt.timedelta(hours=1)
            services.revision_publish(
                revision=services.draft_save(obj=obj, user=publisher), user=publisher
            )
        assert "Before" in text_of(client.get(obj.get_absolute_url()))
        assert "Before" in text_of(client.get(obj.get_absolute_url()))  # from the cache
    with time_machine.travel(NOON + dt.timedelta(hours=1, seconds=2), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            html = text_of(client.get(obj.get_absolute_url()))
        assert "After" in html and "Before" not in html
        obj.refresh_from_db()
        assert obj.publish_state == PublishState.LIVE


@pytest.mark.page_cache
def test_a_scheduled_first_publish_appears_on_time_with_no_command_run(
    kind, client, publisher, django_capture_on_commit_callbacks
):
    with time_machine.travel(NOON, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            obj = kind.make("not-yet", publish=False, go_live_at=NOON + dt.timedelta(hours=1))
            services.object_publish(obj=obj, user=publisher)
        assert client.get(obj.get_absolute_url()).status_code == 404
    with (
        time_machine.travel(NOON + dt.timedelta(hours=1, seconds=2), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert client.get(obj.get_absolute_url()).status_code == 200
