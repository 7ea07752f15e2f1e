"""The staff side: roles enforced on the server, preview, history, compare, revert, bad input."""

import pytest
from django.urls import reverse

from pages.models import Page
from publishing.models import BODY_MAX_LENGTH, PublishState, Revision
from tests.factories import page_form

pytestmark = pytest.mark.django_db


def change_url(page):
    return reverse("admin:pages_page_change", args=[page.pk])


def test_an_editor_cannot_move_or_rename_a_live_page(client, editor, make_page):
    page = make_page("fixed")
    client.force_login(editor)
    client.post(change_url(page), page_form(page, slug="renamed", _continue="Save draft"))
    page.refresh_from_db()
    assert page.url_path == "/fixed/"


def test_a_duplicate_slug_in_the_same_section_is_a_form_error(client, publisher, make_page):
    section = make_page("section")
    make_page("taken", parent=section)
    client.force_login(publisher)
    response = client.post(
        reverse("admin:pages_page_add"),
        page_form(
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
        page_form(
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


def test_deleting_a_section_lists_what_goes_and_leaves_every_address_gone(
    client, publisher, make_page
):
    section = make_page("old-section", title="Old section")
    child = make_page("old-child", parent=section, title="Old child")
    from publishing import services as publishing

    child.slug = "renamed-child"
    publishing.revision_publish(
        revision=publishing.draft_save(obj=child, user=publisher), user=publisher
    )  # leaves a redirect from /old-section/old-child/
    client.force_login(publisher)
    url = reverse("admin:pages_page_delete", args=[section.pk])
    html = client.get(url).content.decode()
    assert "Old child" in html  # the page that goes with it
    assert "/old-section/old-child/" in html  # the redirect that will go
    client.post(url, {"post": "yes"})
    assert not Page.objects.filter(pk__in=[section.pk, child.pk]).exists()
    client.logout()
    for gone in ("/old-section/", "/old-section/renamed-child/", "/old-section/old-child/"):
        assert client.get(gone).status_code == 410, gone
    assert client.get("/never-existed/").status_code == 404


def test_unpublishing_a_section_lists_and_unpublishes_its_pages(client, publisher, make_page):
    section = make_page("a-section", title="A section")
    child = make_page("a-child", parent=section, title="A child")
    grandchild = make_page("a-grandchild", parent=child, title="A grandchild")
    client.force_login(publisher)
    url = reverse("admin:pages_page_unpublish", args=[section.pk])
    confirm = client.get(url).content.decode()
    assert "The 2 pages inside it will be unpublished too" in confirm
    assert "A child" in confirm and "A grandchild" in confirm
    client.post(url)
    for page in (section, child, grandchild):
        page.refresh_from_db()
        assert not page.live, page
    client.logout()
    assert client.get("/a-section/a-child/").status_code == 404


def test_a_page_under_an_expired_section_is_not_served(client, make_page):
    import datetime as dt

    import time_machine
    from django.utils import timezone

    with time_machine.travel(timezone.now(), tick=False) as traveller:
        section = make_page("expiring-section", expire_at=timezone.now() + dt.timedelta(hours=1))
        make_page("inside", parent=section)
        assert client.get("/expiring-section/inside/").status_code == 200
        traveller.shift(dt.timedelta(hours=2))
        assert client.get("/expiring-section/").status_code == 404
        assert client.get("/expiring-section/inside/").status_code == 404


def test_a_section_that_is_not_an_id_is_a_form_error_not_a_500(client, publisher, make_page):
    page = make_page("odd-parent")
    client.force_login(publisher)
    response = client.post(
        reverse("admin:pages_page_change", args=[page.pk]),
        page_form(page, parent=":", _continue="Save draft"),
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
