"""The staff side: roles enforced on the server, preview, history, compare, revert, bad input."""

import pytest
from django.urls import reverse

from pages.models import Page
from publishing.models import BODY_MAX_LENGTH, PublishState, Revision

pytestmark = pytest.mark.django_db


def form_data(page, **changes):
    data = {
        "title": page.title,
        "summary": page.summary,
        "body": page.body,
        "related_links": page.related_links,
        "parent": page.parent_id or "",
        "slug": page.slug,
        "sort_order": page.sort_order,
        "go_live_at_0": "",
        "go_live_at_1": "",
        "expire_at_0": "",
        "expire_at_1": "",
        "children-TOTAL_FORMS": "0",
        "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "0",
        "children-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def change_url(page):
    return reverse("admin:pages_page_change", args=[page.pk])


def test_an_editor_saves_a_draft_without_changing_the_live_page(client, editor, make_page):
    page = make_page("prevent", title="Prevent")
    client.force_login(editor)
    response = client.post(
        change_url(page), form_data(page, title="Prevent (draft)", _continue="Save draft")
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Prevent"
    assert page.publish_state == PublishState.LIVE_WITH_CHANGES
    assert page.latest_revision.content["title"] == "Prevent (draft)"
    assert page.latest_revision.user == editor
    # The form shows the draft, not the live text.
    assert "Prevent (draft)" in client.get(change_url(page)).content.decode()


def test_an_editor_can_submit_for_review(client, editor, make_page):
    page = make_page("pursue", publish=False)
    client.force_login(editor)
    client.post(change_url(page), form_data(page, _submit="Submit for review"))
    page.refresh_from_db()
    assert page.publish_state == PublishState.IN_REVIEW


def test_an_editor_cannot_publish_even_by_posting_the_button(client, editor, make_page):
    page = make_page("protect", publish=False)
    client.force_login(editor)
    response = client.post(change_url(page), form_data(page, _publish="Publish"))
    assert response.status_code == 403
    page.refresh_from_db()
    assert not page.live
    assert 'name="_publish"' not in client.get(change_url(page)).content.decode()


def test_an_editor_cannot_unpublish(client, editor, make_page):
    page = make_page("prepare")
    client.force_login(editor)
    response = client.post(reverse("admin:pages_page_unpublish", args=[page.pk]))
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.live


def test_an_editor_cannot_move_or_rename_a_live_page(client, editor, make_page):
    page = make_page("fixed")
    client.force_login(editor)
    client.post(change_url(page), form_data(page, slug="renamed", _continue="Save draft"))
    page.refresh_from_db()
    assert page.url_path == "/fixed/"


def test_a_publisher_publishes_and_the_public_sees_it(client, publisher, make_page):
    page = make_page("prevent", title="Prevent")
    client.force_login(publisher)
    response = client.post(
        change_url(page), form_data(page, title="Prevent, updated", _publish="Publish")
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Prevent, updated"
    assert page.publish_state == PublishState.LIVE
    client.logout()
    assert "Prevent, updated" in client.get("/prevent/").content.decode()


def test_a_publisher_unpublishes_after_confirming(client, publisher, make_page):
    page = make_page("withdrawn")
    client.force_login(publisher)
    url = reverse("admin:pages_page_unpublish", args=[page.pk])
    assert "will be taken off the public site" in client.get(url).content.decode()
    client.post(url)
    page.refresh_from_db()
    assert not page.live
    client.logout()
    assert client.get("/withdrawn/").status_code == 404


def test_preview_shows_the_draft_with_a_banner_and_is_never_cached(client, editor, make_page):
    page = make_page("previewed", title="Live title")
    client.force_login(editor)
    client.post(change_url(page), form_data(page, title="Draft title", _continue="Save draft"))
    response = client.get(reverse("admin:pages_page_preview", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview: not published" in html
    assert "Draft title" in html
    assert "no-store" in response["Cache-Control"]


def test_the_public_cannot_preview(client, make_page):
    page = make_page("private-draft", publish=False)
    response = client.get(reverse("admin:pages_page_preview", args=[page.pk]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_revision_history_and_comparison(client, publisher, make_page):
    page = make_page("history", body="First line\nSecond line")
    client.force_login(publisher)
    client.post(
        change_url(page), form_data(page, body="First line\nChanged line", _continue="Save draft")
    )
    revisions = list(Revision.objects.filter(object_id=page.pk).order_by("created_at", "pk"))
    history = client.get(reverse("admin:pages_page_revisions", args=[page.pk])).content.decode()
    assert "percy" in history
    assert "Draft saved" in history
    compare = client.get(
        reverse("admin:pages_page_compare", args=[page.pk]),
        {"a": revisions[0].pk, "b": revisions[-1].pk},
    ).content.decode()
    assert 'app-diff__line--removed">- Second line' in compare
    assert 'app-diff__line--added">+ Changed line' in compare


def test_revert_through_the_admin_makes_a_draft(client, publisher, make_page):
    page = make_page("revertable", title="Original")
    original = page.live_revision
    client.force_login(publisher)
    client.post(change_url(page), form_data(page, title="Replaced", _publish="Publish"))
    response = client.post(reverse("admin:pages_page_revert", args=[page.pk, original.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Replaced"
    assert page.latest_revision.content["title"] == "Original"
    assert page.publish_state == PublishState.LIVE_WITH_CHANGES


def test_a_duplicate_slug_in_the_same_section_is_a_form_error(client, publisher, make_page):
    section = make_page("section")
    make_page("taken", parent=section)
    client.force_login(publisher)
    response = client.post(
        reverse("admin:pages_page_add"),
        form_data(
            Page(title="Another", summary="x", slug="taken"),
            parent=section.pk,
            _continue="Save draft",
        ),
    )
    assert response.status_code == 200
    assert "A page with this address already exists in this section." in response.content.decode()
    assert Page.objects.filter(slug="taken").count() == 1


def test_an_over_long_body_is_refused_with_a_message(client, publisher):
    client.force_login(publisher)
    response = client.post(
        reverse("admin:pages_page_add"),
        form_data(
            Page(title="Long", summary="x", slug="long"),
            body="x" * (BODY_MAX_LENGTH + 1),
            _continue="Save",
        ),
    )
    assert response.status_code == 200
    assert (
        f"The body must be {BODY_MAX_LENGTH} characters or fewer (it has {BODY_MAX_LENGTH + 1})"
        in (response.content.decode())
    )
    assert not Page.objects.filter(slug="long").exists()


def test_deleting_a_page_with_children_is_refused_with_the_list(client, publisher, make_page):
    parent = make_page("parent-page", title="Parent page")
    make_page("child-page", parent=parent, title="Child page")
    client.force_login(publisher)
    url = reverse("admin:pages_page_delete", args=[parent.pk])
    html = client.get(url).content.decode()
    assert "Child page" in html
    client.post(url, {"post": "yes"})
    assert Page.objects.filter(pk=parent.pk).exists()


def test_page_list_shows_each_state(client, publisher, make_page):
    make_page("live-one", title="Live one")
    make_page("draft-one", title="Draft one", publish=False)
    client.force_login(publisher)
    html = client.get(reverse("admin:pages_page_changelist")).content.decode()
    assert 'app-state--green">Live' in html
    assert 'app-state--grey">Draft' in html


def test_a_publisher_reorders_siblings_from_the_page_list(client, publisher, make_page):
    section = make_page("section", title="Section")
    first = make_page("first", parent=section, title="First", sort_order=1)
    second = make_page("second", parent=section, title="Second", sort_order=2)
    revisions_before = Revision.objects.count()
    client.force_login(publisher)
    changelist = reverse("admin:pages_page_changelist")
    pages = list(Page.objects.order_by("url_path"))
    data = {
        "form-TOTAL_FORMS": str(len(pages)),
        "form-INITIAL_FORMS": str(len(pages)),
        "_save": "Save",
    }
    for index, page in enumerate(pages):
        data[f"form-{index}-id"] = page.pk
        data[f"form-{index}-sort_order"] = {first.pk: 5, second.pk: 3}.get(page.pk, page.sort_order)
    assert client.post(changelist, data).status_code == 302
    client.logout()
    html = client.get("/section/").content.decode()
    assert html.index("/section/second/") < html.index("/section/first/")
    # Reordering is not a content change: no new revisions, nothing waiting to be published.
    assert Revision.objects.count() == revisions_before
    second.refresh_from_db()
    assert second.publish_state == PublishState.LIVE


def test_an_editor_cannot_reorder_live_pages(client, editor, make_page):
    make_page("one")
    client.force_login(editor)
    html = client.get(reverse("admin:pages_page_changelist")).content.decode()
    assert 'name="form-0-sort_order"' not in html


@pytest.mark.parametrize(
    ("state", "expected"),
    [("live", {"Live one"}), ("draft", {"Draft one"}), ("live_changes", {"Changed one"})],
)
def test_the_page_list_filters_by_state(client, publisher, make_page, state, expected):
    from publishing import services

    make_page("live-one", title="Live one")
    make_page("draft-one", title="Draft one", publish=False)
    changed = make_page("changed-one", title="Changed one")
    changed.body = "New words"
    services.draft_save(obj=changed, user=publisher)
    client.force_login(publisher)
    response = client.get(reverse("admin:pages_page_changelist"), {"state": state})
    shown = {page.title for page in response.context["cl"].result_list}
    assert shown == expected


def test_the_page_list_is_the_tree_in_the_order_staff_set(client, publisher, make_page):
    from pages.services import page_structure_save

    zebra = make_page("zebra", title="Zebra section", sort_order=1)
    make_page("child", parent=zebra, title="Zebra child")
    make_page("apple", title="Apple section", sort_order=2)
    client.force_login(publisher)
    changelist = reverse("admin:pages_page_changelist")
    titles = [p.title for p in client.get(changelist).context["cl"].result_list]
    assert titles == ["Zebra section", "Zebra child", "Apple section"]

    zebra.sort_order = 3
    page_structure_save(page=zebra)
    titles = [p.title for p in client.get(changelist).context["cl"].result_list]
    assert titles == ["Apple section", "Zebra section", "Zebra child"]
