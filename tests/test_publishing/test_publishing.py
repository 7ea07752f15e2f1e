"""The publishing rule, drafts on live pages, scheduling and revert."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from pages.models import Page
from publishing import services
from publishing.models import PublishState

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


def test_a_draft_is_not_published(make_page, client):
    page = make_page("draft-page", publish=False)
    assert page.publish_state == PublishState.DRAFT
    assert not Page.objects.published().filter(pk=page.pk).exists()
    assert client.get("/draft-page/").status_code == 404


def test_a_published_page_is_served(make_page, client):
    make_page("live-page", title="A live page", body="## Hello\n\nBody text.")
    response = client.get("/live-page/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-heading-xl">A live page</h1>' in html
    assert "<h2>Hello</h2>" in html


def test_an_unpublished_page_returns_404(make_page, client, publisher):
    page = make_page("gone")
    services.object_unpublish(obj=page, user=publisher)
    assert client.get("/gone/").status_code == 404


def test_editing_a_live_page_does_not_change_the_public_page_until_published(
    make_page, client, publisher
):
    page = make_page("prevent", title="Old title")
    page.title = "New title"
    revision = services.draft_save(obj=page, user=publisher)
    page.refresh_from_db()
    assert page.title == "Old title"
    assert page.publish_state == PublishState.LIVE_WITH_CHANGES
    assert "Old title" in client.get("/prevent/").content.decode()

    services.revision_publish(revision=revision, user=publisher)
    html = client.get("/prevent/").content.decode()
    assert "New title" in html
    assert "Old title" not in html
    page.refresh_from_db()
    assert page.publish_state == PublishState.LIVE


def test_publishing_with_a_future_go_live_time_schedules_the_page(make_page, client, publisher):
    with time_machine.travel(NOON, tick=False):
        page = make_page("soon", publish=False, go_live_at=NOON + dt.timedelta(hours=1))
        services.object_publish(obj=page, user=publisher)
        page.refresh_from_db()
        assert page.publish_state == PublishState.SCHEDULED
        assert client.get("/soon/").status_code == 404
        assert services.publish_scheduled() == {"published": 0, "expired": 0}

    with time_machine.travel(NOON + dt.timedelta(hours=1, minutes=1), tick=False):
        assert services.publish_scheduled() == {"published": 1, "expired": 0}
        assert client.get("/soon/").status_code == 200
        page.refresh_from_db()
        assert page.publish_state == PublishState.LIVE
        assert page.first_published_at == timezone.now()


def test_a_page_disappears_at_its_expiry_time(make_page, client):
    with time_machine.travel(NOON, tick=False):
        page = make_page("short-lived", expire_at=NOON + dt.timedelta(minutes=30))
        assert client.get("/short-lived/").status_code == 200

    with time_machine.travel(NOON + dt.timedelta(minutes=31), tick=False):
        # Gone at once, even before the scheduled job runs...
        assert not Page.objects.published().filter(pk=page.pk).exists()
        assert client.get("/short-lived/").status_code == 404
        # ...and the job records it as expired.
        assert services.publish_scheduled() == {"published": 0, "expired": 1}
        page.refresh_from_db()
        assert page.publish_state == PublishState.EXPIRED


def test_scheduled_changes_to_a_live_page_replace_it_on_time(make_page, client, publisher):
    with time_machine.travel(NOON, tick=False):
        page = make_page("changing", title="Before")
        page.title = "After"
        page.go_live_at = NOON + dt.timedelta(hours=2)
        revision = services.draft_save(obj=page, user=publisher)
        services.revision_publish(revision=revision, user=publisher)
        assert "Before" in client.get("/changing/").content.decode()

    with time_machine.travel(NOON + dt.timedelta(hours=2), tick=False):
        services.publish_scheduled()
        assert "After" in client.get("/changing/").content.decode()


def test_revert_makes_a_new_draft_from_an_old_revision(make_page, client, publisher):
    page = make_page("reverting", title="First")
    first_revision = page.live_revision
    page.title = "Second"
    services.revision_publish(
        revision=services.draft_save(obj=page, user=publisher), user=publisher
    )

    draft = services.revision_revert(obj=page, revision=first_revision, user=publisher)
    assert draft.content["title"] == "First"
    assert draft.pk != first_revision.pk
    assert "Second" in client.get("/reverting/").content.decode()

    services.revision_publish(revision=draft, user=publisher)
    assert "First" in client.get("/reverting/").content.decode()


def test_an_editor_cannot_publish_or_unpublish_through_the_services(make_page, editor):
    from django.core.exceptions import PermissionDenied

    page = make_page("guarded")
    revision = services.draft_save(obj=page, user=editor)
    with pytest.raises(PermissionDenied):
        services.revision_publish(revision=revision, user=editor)
    with pytest.raises(PermissionDenied):
        services.object_unpublish(obj=page, user=editor)


@pytest.mark.page_cache
def test_publishing_refreshes_cached_pages_at_once(
    make_page, client, publisher, django_capture_on_commit_callbacks
):
    page = make_page("cached", title="Cached title")
    assert "Cached title" in client.get("/cached/").content.decode()
    page.title = "Fresh title"
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_publish(
            revision=services.draft_save(obj=page, user=publisher), user=publisher
        )
    assert "Fresh title" in client.get("/cached/").content.decode()
