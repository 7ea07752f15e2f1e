"""The publishing workflow in the admin, for every publishable model (the ``kind`` fixture):
roles enforced on the server, preview, history, compare, revert, the list's states."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from publishing import services
from publishing.models import PublishState, Revision
from tests.utils import text_of


def test_an_editor_saves_a_draft_without_changing_the_live_content(client, editor, kind):
    obj = kind.make("drafted", title="Live title")
    client.force_login(editor)
    response = client.post(
        kind.admin_url("change", obj),
        kind.form_with_title(obj, "Draft title", _continue="Save draft"),
    )
    assert response.status_code == 302
    obj.refresh_from_db()
    assert kind.title(obj) == "Live title"
    assert obj.publish_state == PublishState.LIVE_WITH_CHANGES
    assert obj.latest_revision.content[kind.title_field] == "Draft title"
    assert obj.latest_revision.user == editor
    # The form shows the draft, not the live text; the public still sees the live one.
    assert "Draft title" in text_of(client.get(kind.admin_url("change", obj)))
    client.logout()
    assert "Draft title" not in text_of(client.get(obj.get_absolute_url()))


def test_an_editor_can_submit_for_review(client, editor, kind):
    obj = kind.make("for-review", publish=False)
    client.force_login(editor)
    client.post(kind.admin_url("change", obj), kind.form(obj, _submit="Submit for review"))
    obj.refresh_from_db()
    assert obj.publish_state == PublishState.IN_REVIEW


def test_an_editor_cannot_publish_even_by_posting_the_button(client, editor, kind):
    obj = kind.make("not-yours", publish=False)
    client.force_login(editor)
    response = client.post(kind.admin_url("change", obj), kind.form(obj, _publish="Publish"))
    assert response.status_code == 403
    obj.refresh_from_db()
    assert not obj.live
    assert 'name="_publish"' not in text_of(client.get(kind.admin_url("change", obj)))
    client.logout()
    assert client.get(obj.get_absolute_url()).status_code == 404


def test_an_editor_cannot_add_and_publish_in_one_post(client, editor, kind):
    client.force_login(editor)
    draft = kind.model(slug="sneaky", summary="A summary.")
    kind.set_title(draft, "Sneaky")
    response = client.post(kind.admin_url("add"), kind.form(draft, _publish="Publish"))
    assert response.status_code == 403
    assert not kind.model.objects.filter(slug="sneaky", live=True).exists()


def test_an_editor_cannot_unpublish(client, editor, kind):
    obj = kind.make("stays-up")
    client.force_login(editor)
    response = client.post(kind.admin_url("unpublish", obj))
    assert response.status_code == 403
    obj.refresh_from_db()
    assert obj.live


def test_a_publisher_publishes_and_the_public_sees_it(client, publisher, kind):
    obj = kind.make("announced", title="First words")
    client.force_login(publisher)
    response = client.post(
        kind.admin_url("change", obj), kind.form_with_title(obj, "Updated words", _publish="1")
    )
    assert response.status_code == 302
    obj.refresh_from_db()
    assert kind.title(obj) == "Updated words"
    assert obj.publish_state == PublishState.LIVE
    client.logout()
    assert "Updated words" in text_of(client.get(obj.get_absolute_url()))


def test_a_publisher_adds_and_publishes_in_one_step(client, publisher, kind):
    client.force_login(publisher)
    draft = kind.model(slug="brand-new", summary="A summary.")
    kind.set_title(draft, "Brand new")
    response = client.post(kind.admin_url("add"), kind.form(draft, _publish="Publish"))
    assert response.status_code == 302
    obj = kind.model.objects.get(slug="brand-new")
    assert obj.publish_state == PublishState.LIVE
    assert obj.first_published_at is not None
    client.logout()
    assert "Brand new" in text_of(client.get(obj.get_absolute_url()))


def test_a_publisher_unpublishes_after_confirming(client, publisher, kind):
    obj = kind.make("withdrawn")
    client.force_login(publisher)
    url = kind.admin_url("unpublish", obj)
    assert "will be taken off the public site" in text_of(client.get(url))
    client.post(url)
    obj.refresh_from_db()
    assert not obj.live
    client.logout()
    assert client.get(obj.get_absolute_url()).status_code == 404


def test_preview_shows_the_draft_under_a_banner_and_is_never_cached(client, editor, kind):
    obj = kind.make("previewed", title="Live title")
    client.force_login(editor)
    client.post(
        kind.admin_url("change", obj), kind.form_with_title(obj, "Draft title", _continue="1")
    )
    response = client.get(kind.admin_url("preview", obj))
    assert response.status_code == 200
    html = text_of(response)
    assert "Preview: not published" in html
    assert "Draft title" in html
    assert "no-store" in response["Cache-Control"]


def test_the_public_cannot_preview(client, kind):
    obj = kind.make("private-draft", publish=False)
    response = client.get(kind.admin_url("preview", obj))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_revision_history_and_comparison(client, publisher, kind):
    obj = kind.make("history", body="First line\nSecond line")
    client.force_login(publisher)
    client.post(
        kind.admin_url("change", obj),
        kind.form(obj, body="First line\nChanged line", _continue="Save draft"),
    )
    revisions = list(Revision.objects.filter(object_id=obj.pk).order_by("created_at", "pk"))
    history = text_of(client.get(kind.admin_url("revisions", obj)))
    assert "percy" in history
    assert "Draft saved" in history
    compare = text_of(
        client.get(kind.admin_url("compare", obj), {"a": revisions[0].pk, "b": revisions[-1].pk})
    )
    assert '<del class="app-compare__del">Second</del>' in compare
    assert '<ins class="app-compare__ins">Changed</ins> line' in compare
    assert "?revision=" in compare  # a link to the whole page as the newer revision shows it


def test_revert_through_the_admin_makes_a_draft(client, publisher, kind):
    obj = kind.make("revertable", title="Original")
    original = obj.live_revision
    client.force_login(publisher)
    client.post(kind.admin_url("change", obj), kind.form_with_title(obj, "Replaced", _publish="1"))
    response = client.post(kind.admin_url("revert", obj, original.pk))
    assert response.status_code == 302
    obj.refresh_from_db()
    assert kind.title(obj) == "Replaced"  # the public page waits for a publish
    assert obj.latest_revision.content[kind.title_field] == "Original"
    assert obj.publish_state == PublishState.LIVE_WITH_CHANGES


def test_an_editor_cannot_change_a_live_objects_address(client, editor, kind):
    obj = kind.make("fixed-address")
    client.force_login(editor)
    client.post(kind.admin_url("change", obj), kind.form(obj, slug="moved", _continue="Save"))
    obj.refresh_from_db()
    assert obj.slug == "fixed-address"
    assert client.get(obj.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("state", "expected"),
    [("live", {"Live one"}), ("draft", {"Draft one"}), ("live_changes", {"Changed one"})],
)
def test_the_list_shows_and_filters_by_state(client, publisher, kind, state, expected):
    from publishing import services

    kind.make("live-one", title="Live one")
    kind.make("draft-one", title="Draft one", publish=False)
    changed = kind.make("changed-one", title="Changed one")
    changed.body = "Edited in a draft."
    services.draft_save(obj=changed, user=publisher)
    client.force_login(publisher)
    changelist = kind.admin_url("changelist")
    html = text_of(client.get(changelist))
    for label in ("Live", "Draft", "Live, with unpublished changes"):
        assert f">{label}</span>" in html
    rows = client.get(changelist, {"state": state}).context["cl"].result_list
    assert {kind.title(row) for row in rows} == expected


def test_a_live_object_submitted_for_review_is_shown_and_found_as_waiting(client, editor, kind):
    obj = kind.make("awaiting", title="Live title")
    client.force_login(editor)
    client.post(
        kind.admin_url("change", obj),
        kind.form_with_title(obj, "Proposed title", _submit="Submit for review"),
    )
    obj.refresh_from_db()
    assert obj.publish_state == PublishState.IN_REVIEW
    rows = client.get(kind.admin_url("changelist"), {"state": "in_review"}).context["cl"]
    assert [row.pk for row in rows.result_list] == [obj.pk]
    assert ">Submitted for review</span>" in text_of(client.get(kind.admin_url("changelist")))


def test_saving_unchanged_text_from_a_browser_makes_no_revision(client, editor, kind):
    """Browsers post CRLF line endings; the stored text has LF: that is no change."""
    obj = kind.make("unchanged", body="First line\nSecond line\n\nA paragraph.")
    before = Revision.objects.filter(object_id=obj.pk).count()
    client.force_login(editor)
    form = kind.form(obj, body=obj.body.replace("\n", "\r\n"), _continue="Save draft")
    client.post(kind.admin_url("change", obj), form)
    obj.refresh_from_db()
    assert Revision.objects.filter(object_id=obj.pk).count() == before
    assert obj.publish_state == PublishState.LIVE
    assert "\r" not in obj.body


def _times(when):
    local = timezone.localtime(when)
    return {"expire_at_0": f"{local:%Y-%m-%d}", "expire_at_1": f"{local:%H:%M:%S}"}


def test_an_editors_expiry_is_a_proposal_in_the_draft_not_a_change_to_the_site(
    client, editor, publisher, kind
):
    obj = kind.make("stays-live")
    later = timezone.now() + dt.timedelta(days=2)
    client.force_login(editor)
    response = client.post(
        kind.admin_url("change", obj), kind.form(obj, **_times(later), _continue="Save draft")
    )
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.expire_at is None  # the public site is unchanged...
    assert obj.latest_revision.content["expire_at"] is not None  # ...the draft proposes it
    client.logout()
    assert client.get(obj.get_absolute_url()).status_code == 200

    client.force_login(publisher)
    client.post(kind.admin_url("change", obj), kind.form(obj, **_times(later), _publish="1"))
    obj.refresh_from_db()
    assert abs(obj.expire_at - later) < dt.timedelta(seconds=1)  # a Publisher approved it


def test_an_expiry_that_has_passed_is_refused_with_a_message(client, publisher, kind):
    obj = kind.make("not-gone")
    client.force_login(publisher)
    past = timezone.now() - dt.timedelta(hours=1)
    response = client.post(
        kind.admin_url("change", obj), kind.form(obj, **_times(past), _publish="Publish")
    )
    assert response.status_code == 200
    assert "That time has passed. Clear it, or set a later time." in text_of(response)
    obj.refresh_from_db()
    assert obj.expire_at is None and obj.live
    assert client.get(obj.get_absolute_url()).status_code == 200


def test_a_publisher_deletes_and_the_address_answers_gone(client, publisher, kind):
    obj = kind.make("deleted-thing", title="Deleted thing")
    kind.set_title(obj, "Revised")
    services.draft_save(obj=obj, user=publisher)  # it has several revisions
    url = obj.get_absolute_url()
    client.force_login(publisher)
    confirm = client.get(kind.admin_url("delete", obj))
    assert confirm.status_code == 200
    html = text_of(confirm)
    assert "Are you sure" in html and "Revision:" in html
    response = client.post(kind.admin_url("delete", obj), {"post": "yes"})
    assert response.status_code == 302
    assert not kind.model.objects.filter(pk=obj.pk).exists()
    assert not Revision.objects.filter(
        object_id=obj.pk, content_type__model=kind.model._meta.model_name
    ).exists()
    client.logout()
    gone = client.get(url)
    assert gone.status_code == 410
    assert "This page has been removed" in text_of(gone)


def test_an_editor_cannot_delete_even_by_posting(client, editor, kind):
    obj = kind.make("kept")
    client.force_login(editor)
    assert 'class="deletelink">Delete' not in text_of(client.get(kind.admin_url("change", obj)))
    assert client.post(kind.admin_url("delete", obj), {"post": "yes"}).status_code == 403
    assert kind.model.objects.filter(pk=obj.pk).exists()
    assert client.get(obj.get_absolute_url()).status_code == 200


def test_a_superuser_can_delete(admin_client, kind):
    obj = kind.make("superuser-deletes")
    admin_client.post(kind.admin_url("delete", obj), {"post": "yes"})
    assert not kind.model.objects.filter(pk=obj.pk).exists()


def test_a_second_editor_cannot_overwrite_the_first_without_knowing(
    client, editor, publisher, kind
):
    """Both open the form on the same revision; the first saves; the second is refused."""
    obj = kind.make("contested", title="Original")
    opened_on = kind.form(obj)  # what both browsers were given
    first = client.__class__()
    first.force_login(editor)
    first.post(
        kind.admin_url("change", obj),
        {**opened_on, kind.title_field: "First person's title", "_continue": "Save draft"},
    )
    second = client.__class__()
    second.force_login(publisher)
    response = second.post(
        kind.admin_url("change", obj),
        {**opened_on, kind.title_field: "Second person's title", "_continue": "Save draft"},
    )
    assert response.status_code == 200  # the form again, with the reason
    html = text_of(response)
    assert "edith saved a newer version at" in html
    assert "Your changes have not been saved" in html
    assert kind.admin_url("compare", obj) in html
    obj.refresh_from_db()
    assert obj.latest_revision.content[kind.title_field] == "First person's title"
    assert obj.latest_revision.user == editor


def test_a_form_from_before_a_publish_cannot_publish_over_it(client, publisher, kind):
    obj = kind.make("double-publish", title="One")
    stale = kind.form(obj, _publish="Publish")
    client.force_login(publisher)
    client.post(kind.admin_url("change", obj), {**stale, kind.title_field: "Two"})
    again = client.post(kind.admin_url("change", obj), {**stale, kind.title_field: "Three"})
    assert again.status_code == 200
    obj.refresh_from_db()
    assert kind.title(obj) == "Two"


def test_markdown_the_sanitiser_would_drop_is_a_form_error_not_a_silent_loss(client, editor, kind):
    obj = kind.make("markdown-checked", body="Fine text.")
    client.force_login(editor)
    response = client.post(
        kind.admin_url("change", obj),
        kind.form(obj, body="# Big title\n\n![photo](https://example.org/a.jpg)", _continue="1"),
    )
    assert response.status_code == 200
    html = text_of(response)
    assert "Start headings with ##" in html
    assert "Images cannot be added" in html
    obj.refresh_from_db()
    assert obj.latest_revision.content["body"] == "Fine text."


def test_compare_shows_only_what_changed_rendered_as_the_page_will_look(client, publisher, kind):
    paragraphs = [f"Paragraph {n} about the unit." for n in range(1, 40)]
    obj = kind.make("long-read", body="\n\n".join(paragraphs))
    edited = paragraphs.copy()
    edited[20] = "Paragraph 21 about the **whole** unit."
    edited.insert(30, "## A new heading")
    kind.set_title(obj, kind.title(obj))
    obj.body = "\n\n".join(edited)
    newer = services.draft_save(obj=obj, user=publisher)
    client.force_login(publisher)
    html = text_of(
        client.get(kind.admin_url("compare", obj), {"a": obj.live_revision_id, "b": newer.pk})
    )
    assert re.search(r'<ins class="app-compare__ins">\s*<strong>whole</strong>', html)
    assert '<h2><ins class="app-compare__ins">A new heading</ins></h2>' in html
    assert "unchanged paragraphs" in html
    assert "Paragraph 5 about" not in html  # unchanged parts are not repeated
    assert "##" not in html.split("<h2>Body</h2>")[-1]  # rendered, not Markdown source


def test_compare_with_a_bad_revision_number_is_a_404_not_a_500(client, publisher, kind):
    obj = kind.make("bad-compare")
    client.force_login(publisher)
    assert client.get(kind.admin_url("compare", obj), {"a": "abc", "b": "1"}).status_code == 404


def test_an_error_page_does_not_repeat_its_title_in_the_report_box(client, db):
    html = text_of(client.get("/no-such-page/"))
    report_box = html.split("app-report-panel", 1)[1].split("</div>", 1)[0]
    assert "If you need to report something" in report_box
    assert "Page not found" not in report_box


def test_the_object_history_says_published_and_submitted(client, editor, publisher, kind):
    from django.contrib.admin.models import LogEntry as AdminLogEntry

    obj = kind.make("historied", publish=False)
    client.force_login(editor)
    client.post(kind.admin_url("change", obj), kind.form(obj, _submit="Submit for review"))
    obj.refresh_from_db()
    client.force_login(publisher)
    client.post(kind.admin_url("change", obj), kind.form_with_title(obj, "New", _publish="1"))
    messages = [
        entry.get_change_message()
        for entry in AdminLogEntry.objects.filter(object_id=str(obj.pk)).order_by("pk")
    ]
    assert messages[0] == "Submitted for review."
    assert messages[1].endswith("Published.") and "No fields changed" not in messages[1]


def test_compare_marks_only_what_changed_even_if_the_text_holds_the_mark_characters():
    from publishing.compare import markdown_changes

    [part] = markdown_changes("Before \ue002text", "After \ue000text\ue001")
    assert part["html"].count("<ins") == 1 and part["html"].count("<del") == 1
    assert "\ue000" not in part["html"] and "\ue002" not in part["html"]
