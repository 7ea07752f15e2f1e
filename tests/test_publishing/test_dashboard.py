"""The staff home page: what waits for review, my drafts, what is scheduled, what expires,
what has gone unreviewed; and the emails that tell Publishers and authors."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from pages.models import Page
from publishing import services
from tests.utils import text_of

pytestmark = pytest.mark.django_db
NOON = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


def dashboard_of(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.context["dashboard"], text_of(response)


def test_a_live_object_submitted_for_review_waits_on_the_publishers_home(
    client, editor, publisher, kind
):
    obj = kind.make("for-the-dashboard", title="On the dashboard")
    kind.set_title(obj, "Proposed")
    services.draft_save(obj=obj, user=editor, submit=True)
    lists, html = dashboard_of(client, publisher)
    [item] = lists["waiting"]
    assert item.title == "On the dashboard" and item.who == "edith"
    assert kind.admin_url("change", obj) in html
    mine, _html = dashboard_of(client.__class__(), editor)
    assert [i.title for i in mine["mine"]] == ["On the dashboard"]


def test_scheduled_and_expiring_content_is_listed_in_date_order(client, publisher, kind):
    with time_machine.travel(NOON, tick=False):
        later = kind.make("later", publish=False, go_live_at=NOON + dt.timedelta(days=3))
        services.object_publish(obj=later, user=publisher)
        soon = kind.make("soon-gone", expire_at=NOON + dt.timedelta(days=2))
        lists, _html = dashboard_of(client, publisher)
    assert [(i.title, i.note) for i in lists["scheduled"]] == [
        (str(soon), "Expires"),
        (str(later), "Goes live"),
    ]
    assert [i.title for i in lists["expiring"]] == [str(soon)]


def test_pages_not_reviewed_for_a_year_are_listed_until_someone_reviews_them(
    client, publisher, make_page
):
    with time_machine.travel(NOON - dt.timedelta(days=400), tick=False):
        old = make_page("old-advice", title="Old advice")
    make_page("fresh-advice", title="Fresh advice")
    lists, _html = dashboard_of(client, publisher)
    assert [i.title for i in lists["stale"]] == ["Old advice"]
    Page.objects.filter(pk=old.pk).update(last_reviewed_on=timezone.localdate())
    lists, _html = dashboard_of(client, publisher)
    assert lists["stale"] == []


def test_the_latest_activity_names_who_did_what(client, editor, publisher, make_page):
    page = make_page("active", title="Active page")
    page.title = "Active page, edited"
    services.draft_save(obj=page, user=editor)
    lists, _html = dashboard_of(client, publisher)
    assert ("Active page", "edith", "Draft saved") in [
        (i.title, i.who, i.note) for i in lists["activity"]
    ]


def test_feedback_triage_sees_no_content_lists(client, triager, make_page):
    make_page("hidden-from-triage", title="Hidden")
    lists, html = dashboard_of(client, triager)
    assert all(not items for items in lists.values())
    assert "Hidden" not in html


def test_submitting_emails_the_publishers_with_a_link_only(
    editor, publisher, make_page, mailoutbox, django_capture_on_commit_callbacks
):
    publisher.email = "percy@example.org"
    publisher.save()
    page = make_page("secret-press-release", title="Arrests in Operation Secret", publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_save(obj=page, user=editor, submit=True)
    [mail] = mailoutbox
    assert mail.to == ["percy@example.org"]
    assert mail.subject == f"Waiting for review: Page {page.pk}"
    assert f"/admin/pages/page/{page.pk}/change/" in mail.body
    assert "Secret" not in mail.subject + mail.body  # never the content of a draft


def test_publishing_a_submitted_draft_tells_its_author(
    editor, publisher, make_page, mailoutbox, django_capture_on_commit_callbacks
):
    editor.email = "edith@example.org"
    editor.save()
    page = make_page("to-be-published", publish=False)
    revision = services.draft_save(obj=page, user=editor, submit=True)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_publish(revision=revision, user=publisher)
    [mail] = mailoutbox
    assert mail.to == ["edith@example.org"]
    assert mail.subject == f"Published: Page {page.pk}"
    assert "percy has published" in mail.body
