"""Publishing rules for operations: reporting restrictions, roles, scheduling and revert."""

import datetime as dt

import pytest
import time_machine

from operations.models import Operation
from publishing import services
from publishing.models import PublishState

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
REFUSAL = "Reporting restrictions are set on this operation."


def test_publishing_an_operation_with_reporting_restrictions_is_refused(make_operation, publisher):
    operation = make_operation("Operation Quiet", publish=False, reporting_restrictions=True)
    with pytest.raises(services.PublishingRefused) as refused:
        services.object_publish(obj=operation, user=publisher)
    assert refused.value.messages == [REFUSAL]
    operation.refresh_from_db()
    assert not operation.live
    assert not Operation.objects.published().exists()


def test_scheduling_an_operation_with_reporting_restrictions_is_refused(make_operation, publisher):
    operation = make_operation(
        "Operation Later",
        publish=False,
        reporting_restrictions=True,
        go_live_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
    )
    with pytest.raises(services.PublishingRefused):
        services.object_publish(obj=operation, user=publisher)
    operation.refresh_from_db()
    assert operation.scheduled_revision is None


def test_setting_restrictions_on_a_live_operation_takes_it_off_the_site(
    make_operation, editor, client
):
    operation = make_operation("Operation Sudden")
    assert client.get("/operations/sudden/").status_code == 200

    operation.reporting_restrictions = True
    services.draft_save(obj=operation, user=editor)  # an Editor may withdraw: the safe direction

    operation.refresh_from_db()
    assert not operation.live
    assert operation.publish_state == PublishState.DRAFT
    assert client.get("/operations/sudden/").status_code == 404
    withdrawal = services.object_revisions(operation).first()
    assert withdrawal.message == f"Taken off the public site: {REFUSAL}"
    assert withdrawal.user == editor


def test_lifting_restrictions_does_not_republish_until_a_publisher_does(
    make_operation, editor, publisher, client
):
    operation = make_operation("Operation Lifted")
    operation.reporting_restrictions = True
    services.draft_save(obj=operation, user=editor)
    operation.reporting_restrictions = False
    services.draft_save(obj=operation, user=editor)
    assert client.get("/operations/lifted/").status_code == 404

    services.object_publish(obj=operation, user=publisher)
    assert client.get("/operations/lifted/").status_code == 200


def test_a_restricted_operation_is_never_public_even_if_marked_live(make_operation, client):
    operation = make_operation("Operation Sealed")
    # As if the flag were set outside the admin (shell, bulk update): the query still hides it.
    Operation.objects.filter(pk=operation.pk).update(reporting_restrictions=True)
    assert not Operation.objects.published().exists()
    assert client.get("/operations/sealed/").status_code == 404
    assert "Operation Sealed" not in client.get("/operations/").content.decode()
    assert "Operation Sealed" not in client.get("/operations/timeline/").content.decode()
    assert "Operation Sealed" not in client.get("/").content.decode()


def test_the_scheduler_drops_a_schedule_that_restrictions_now_block(make_operation, publisher):
    with time_machine.travel(NOON, tick=False):
        operation = make_operation(
            "Operation Timed", publish=False, go_live_at=NOON + dt.timedelta(hours=1)
        )
        services.object_publish(obj=operation, user=publisher)
        Operation.objects.filter(pk=operation.pk).update(reporting_restrictions=True)

    with time_machine.travel(NOON + dt.timedelta(hours=2), tick=False):
        assert services.publish_scheduled() == {"published": 0, "expired": 0}
    operation.refresh_from_db()
    assert not operation.live
    assert operation.scheduled_revision is None


def test_an_operation_cannot_take_the_timeline_address():
    from django.core.exceptions import ValidationError

    operation = Operation(name="Operation Timeline", slug="timeline", summary="x")
    with pytest.raises(ValidationError) as error:
        operation.full_clean()
    assert "slug" in error.value.message_dict


def test_an_investigation_cannot_end_before_it_began():
    from django.core.exceptions import ValidationError

    operation = Operation(
        name="Operation Backwards",
        slug="backwards",
        summary="x",
        investigation_start_year=2012,
        investigation_end_year=2010,
    )
    with pytest.raises(ValidationError) as error:
        operation.full_clean()
    assert "investigation_end_year" in error.value.message_dict


@pytest.mark.page_cache
def test_setting_restrictions_clears_cached_pages_at_once(
    make_operation, editor, client, django_capture_on_commit_callbacks
):
    operation = make_operation("Operation Cached")
    assert "Operation Cached" in client.get("/operations/").content.decode()
    assert client.get("/operations/cached/").status_code == 200

    operation.reporting_restrictions = True
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_save(obj=operation, user=editor)

    assert "Operation Cached" not in client.get("/operations/").content.decode()
    assert client.get("/operations/cached/").status_code == 404
