"""The staff side of operations: roles, the reporting-restrictions guard, history, filters."""

import pytest
from django.urls import reverse

from operations.models import Operation, Outcome
from publishing.models import PublishState
from tests.factories import operation_form

pytestmark = pytest.mark.django_db

REFUSAL = "Reporting restrictions are set on this operation."


def change_url(operation):
    return reverse("admin:operations_operation_change", args=[operation.pk])


def test_a_publisher_publishes_and_the_public_sees_it(client, publisher):
    client.force_login(publisher)
    response = client.post(
        reverse("admin:operations_operation_add"),
        operation_form(
            Operation(name="Operation New", slug="new", summary="A new case.", strand="pursue"),
            conviction_year=2019,
            number_convicted=2,
            outcome=Outcome.PLEADED_GUILTY,
            _publish="Publish",
        ),
    )
    assert response.status_code == 302
    operation = Operation.objects.get(slug="new")
    assert operation.publish_state == PublishState.LIVE
    client.logout()
    html = client.get("/operations/new/").content.decode()
    assert "Operation New" in html
    assert "Pleaded guilty" in html


def test_publishing_with_reporting_restrictions_is_refused_with_a_message(client, publisher):
    client.force_login(publisher)
    response = client.post(
        reverse("admin:operations_operation_add"),
        operation_form(
            Operation(name="Operation Hush", slug="hush", summary="Sub judice.", strand="pursue"),
            reporting_restrictions="on",
            _publish="Publish",
        ),
        follow=True,
    )
    operation = Operation.objects.get(slug="hush")
    assert not operation.live
    assert response.redirect_chain[-1][0] == change_url(operation)
    html = response.content.decode()
    assert f"Not published: {REFUSAL} Your changes are saved as a draft." in html
    assert "was added successfully" not in html
    # The form warns before anyone tries again.
    assert f"{REFUSAL} It cannot be published until that changes." in html
    client.logout()
    assert client.get("/operations/hush/").status_code == 404


def test_an_editor_setting_restrictions_takes_a_live_operation_off_the_site(
    client, editor, make_operation
):
    operation = make_operation("Operation Live")
    client.force_login(editor)
    response = client.post(
        change_url(operation),
        operation_form(operation, reporting_restrictions="on", _continue="Save draft"),
        follow=True,
    )
    assert f"Taken off the public site: {REFUSAL}" in response.content.decode()
    operation.refresh_from_db()
    assert operation.reporting_restrictions
    assert not operation.live
    client.logout()
    assert client.get("/operations/live/").status_code == 404


def test_preview_shows_the_draft_facts_and_is_never_cached(client, editor, make_operation):
    operation = make_operation("Operation Peek", number_convicted=2)
    client.force_login(editor)
    client.post(
        change_url(operation), operation_form(operation, number_convicted=3, _continue="Save")
    )
    response = client.get(reverse("admin:operations_operation_preview", args=[operation.pk]))
    html = response.content.decode()
    assert "Preview: not published" in html
    assert '<dd class="govuk-summary-list__value">3</dd>' in html
    assert "no-store" in response["Cache-Control"]


def test_the_list_filters_and_search(client, publisher, make_operation):
    make_operation("Operation Old", conviction_year=2005, outcome=Outcome.MIXED)
    make_operation("Operation Recent", conviction_year=2015, offences="Fundraising.")
    make_operation("Operation Quiet", publish=False, reporting_restrictions=True)
    client.force_login(publisher)
    url = reverse("admin:operations_operation_changelist")

    def names(params):
        html = client.get(url, params).content.decode()
        return {n for n in ("Operation Old", "Operation Recent", "Operation Quiet") if n in html}

    assert names({}) == {"Operation Old", "Operation Recent", "Operation Quiet"}
    assert names({"decade": "2000"}) == {"Operation Old"}
    assert names({"outcome__exact": "mixed"}) == {"Operation Old"}
    assert names({"reporting_restrictions__exact": "1"}) == {"Operation Quiet"}
    assert names({"state": "draft"}) == {"Operation Quiet"}
    assert names({"q": "Fundraising"}) == {"Operation Recent"}
    assert names({"strand__exact": "pursue"}) == names({})
    assert client.get(url, {"decade": "nonsense"}).status_code == 200


def test_the_list_finds_operations_whose_facts_were_never_checked(
    client, publisher, make_operation
):
    import datetime as dt

    make_operation("Operation Checked", facts_last_checked=dt.date(2026, 1, 5))
    make_operation("Operation Unchecked")
    client.force_login(publisher)
    html = client.get(
        reverse("admin:operations_operation_changelist"), {"facts_last_checked__isnull": "True"}
    ).content.decode()
    assert "Operation Unchecked" in html
    assert "Operation Checked<" not in html


def test_an_editor_cannot_link_operations_because_links_are_public_at_once(
    client, editor, make_operation
):
    one = make_operation("Operation One")
    other = make_operation("Operation Other")
    client.force_login(editor)
    client.post(
        change_url(one), operation_form(one, related_operations=[other.pk], _continue="Save")
    )
    assert not one.related_operations.exists()
    assert "Operation Other" not in client.get(one.get_absolute_url()).content.decode()


def test_an_operation_is_never_related_to_itself(client, publisher, make_operation):
    one = make_operation("Operation Alone")
    client.force_login(publisher)
    form = client.get(change_url(one)).context["adminform"].form
    assert one not in form.fields["related_operations"].queryset
    response = client.post(
        change_url(one), operation_form(one, related_operations=[one.pk], _continue="Save")
    )
    assert response.status_code == 200  # "Select a valid choice"
    one.related_operations.add(one)  # made some other way, it is still never shown
    html = client.get(one.get_absolute_url()).content.decode()
    assert "Related operations" not in html
