"""The feedback inbox in the admin: who can see it, triage, CSV export and the per-page summary."""

import csv
import io

import pytest
from django.urls import reverse
from model_bakery import baker
from pytest_django.asserts import assertContains

from contact.admin import feedback_csv_rows
from contact.models import Feedback, Organisation

CHANGELIST = "/admin/contact/feedback/"
SUMMARY = "/admin/contact/feedback/summary/"


@pytest.fixture
def feedback(db):
    """One piece of general feedback with personal details."""
    return baker.make(
        Feedback,
        reference="FB-7K3M9Q",
        kind=Feedback.Kind.GENERAL,
        message="Please add opening hours.",
        name="Sam",
        email="sam@example.com",
    )


def test_editor_cannot_see_the_feedback_inbox(client, editor, feedback):
    client.force_login(editor)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(f"{CHANGELIST}{feedback.pk}/change/").status_code == 403
    assert client.get(SUMMARY).status_code == 403
    assert "Feedback" not in client.get("/admin/").content.decode()


def test_feedback_triage_sees_the_inbox_and_can_open_feedback(client, triager, feedback):
    client.force_login(triager)
    assertContains(client.get(CHANGELIST), "FB-7K3M9Q")
    response = client.get(f"{CHANGELIST}{feedback.pk}/change/")
    assertContains(response, "Please add opening hours.")
    assertContains(response, 'name="status"')


def test_superuser_sees_the_inbox(admin_client, feedback):
    assertContains(admin_client.get(CHANGELIST), "FB-7K3M9Q")


def test_triage_changes_status_assignee_and_notes_but_not_what_was_sent(client, triager, feedback):
    client.force_login(triager)
    response = client.post(
        f"{CHANGELIST}{feedback.pk}/change/",
        {
            "status": Feedback.Status.IN_PROGRESS,
            "assignee": triager.pk,
            "notes": "Passed to the web team.",
            "message": "Tampered with",
            "email": "other@example.com",
        },
    )
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == Feedback.Status.IN_PROGRESS
    assert feedback.assignee == triager
    assert feedback.notes == "Passed to the web team."
    assert feedback.message == "Please add opening hours."
    assert feedback.email == "sam@example.com"


def test_only_triage_staff_and_superusers_can_be_assigned(
    client, triager, editor, admin_user, feedback
):
    client.force_login(triager)
    form = client.get(f"{CHANGELIST}{feedback.pk}/change/").context["adminform"].form
    choices = set(form.fields["assignee"].queryset)
    assert choices == {triager, admin_user}


def test_nobody_adds_feedback_in_the_admin(admin_client, db):
    assert admin_client.get(f"{CHANGELIST}add/").status_code == 403


def test_inbox_filters_by_kind_status_and_rating(admin_client, db):
    baker.make(Feedback, reference="FB-GENERA", kind=Feedback.Kind.GENERAL)
    baker.make(
        Feedback,
        reference="FB-PAGEAA",
        kind=Feedback.Kind.PAGE,
        page_path="/a/",
        rating=2,
        status=Feedback.Status.CLOSED,
    )
    page_only = admin_client.get(CHANGELIST, {"kind__exact": "page"}).content.decode()
    assert "FB-PAGEAA" in page_only
    assert "FB-GENERA" not in page_only
    closed = admin_client.get(CHANGELIST, {"status__exact": "closed", "rating": "2"})
    assertContains(closed, "FB-PAGEAA")
    assert "FB-GENERA" not in closed.content.decode()
    found = admin_client.get(CHANGELIST, {"q": "FB-GENERA"}).content.decode()
    assert "FB-GENERA" in found
    assert "FB-PAGEAA" not in found


def test_csv_export_streams_only_the_selected_rows(admin_client, db):
    chosen = baker.make(Feedback, reference="FB-CHOSEN", kind="general", message="Hello, there")
    baker.make(Feedback, reference="FB-OTHERS", kind="general", message="Not me")
    response = admin_client.post(
        CHANGELIST,
        {"action": "export_csv", "_selected_action": [chosen.pk]},
    )
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="feedback-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Reference", "Received", "Kind"]
    assert len(rows) == 2
    assert rows[1][0] == "FB-CHOSEN"
    assert "Hello, there" in rows[1]


def test_csv_export_defuses_spreadsheet_formulas(db):
    baker.make(Feedback, reference="FB-FORMUL", kind="general", message="=HYPERLINK(1)")
    rows = list(csv.reader(io.StringIO("".join(feedback_csv_rows(Feedback.objects.all())))))
    assert "'=HYPERLINK(1)" in rows[1]


def test_editor_cannot_export_feedback(client, editor, feedback):
    client.force_login(editor)
    response = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [feedback.pk]})
    assert response.status_code == 403


def test_summary_shows_count_average_and_share_who_found_it_per_page(admin_client, db):
    for found, rating in ((True, 5), (True, 4), (False, 3)):
        baker.make(
            Feedback,
            kind=Feedback.Kind.PAGE,
            page_path="/contest/",
            found_what_looking_for=found,
            rating=rating,
            reference=f"FB-{rating}AAAAA",
        )
    baker.make(Feedback, kind=Feedback.Kind.GENERAL, reference="FB-GGGGGG")
    [row] = Feedback.objects.page_summary()
    assert row["page_path"] == "/contest/"
    assert row["responses"] == 3
    assert row["average_rating"] == pytest.approx(4.0)
    assert (row["found"], row["answered"]) == (2, 3)
    response = admin_client.get(SUMMARY)
    assertContains(response, "/contest/")
    assertContains(response, "4.0")
    assertContains(response, "67% of 3")


def test_changelist_links_to_the_summary(admin_client, db):
    assertContains(admin_client.get(CHANGELIST), reverse("admin:contact_feedback_summary"))


def test_publisher_can_add_organisations_and_editor_cannot(client, publisher, editor):
    data = {
        "name": "A community group",
        "description": "Listens and passes information on.",
        "phone": "020 7946 0000",
        "website": "https://group.example.org/",
        "sort_order": 10,
    }
    client.force_login(editor)
    assert client.post("/admin/contact/organisation/add/", data).status_code == 403
    client.force_login(publisher)
    assert client.post("/admin/contact/organisation/add/", data).status_code == 302
    assert Organisation.objects.get().name == "A community group"


def test_organisation_phone_must_look_like_a_phone_number(admin_client, db):
    response = admin_client.post(
        "/admin/contact/organisation/add/",
        {"name": "X", "description": "Y", "phone": "call us", "sort_order": 1},
    )
    assertContains(response, "Enter the number as people read it")
    assert Organisation.objects.count() == 0
