"""Property-based tests over the staff side: whatever a Publisher's browser (or a script
with their session) posts to the change forms, the answer is never a 500."""

import pytest
from django.contrib.auth.models import Group
from hypothesis import given
from hypothesis import strategies as st

from core.roles import PUBLISHERS
from tests.factories import KINDS, make_staff
from tests.strategies import SETTINGS, field_value

STAFF_FORMS = {
    "page": ["title", "summary", "body", "related_links", "parent", "slug", "sort_order"],
    "news": ["title", "summary", "body", "slug", "reporting_restrictions"],
    "operation": [
        "name",
        "summary",
        "body",
        "slug",
        "conviction_year",
        "number_convicted",
        "outcome",
        "strand",
        "facts_last_checked",
        "related_operations",
    ],
}
TIMES = ["go_live_at_0", "go_live_at_1", "expire_at_0", "expire_at_1", "based_on_revision"]
BUTTONS = st.sampled_from([{"_continue": "1"}, {"_publish": "1"}, {"_submit": "1"}])


@pytest.fixture
def publisher_client(client, django_user_model):
    user = make_staff(django_user_model, "prop.publisher", PUBLISHERS)
    assert user.groups.filter(pk=Group.objects.get(name=PUBLISHERS).pk).exists()
    client.force_login(user)
    return client


@pytest.mark.django_db
@SETTINGS
@given(data=st.data())
def test_staff_change_forms_never_answer_500(publisher_client, data):
    kind = data.draw(st.sampled_from(KINDS))
    obj = kind.model.objects.first() or kind.make("property-subject")
    fields = STAFF_FORMS[kind.name] + TIMES
    garbage = data.draw(st.dictionaries(st.sampled_from(fields), field_value))
    posted = {**kind.form(obj), **garbage, **data.draw(BUTTONS)}
    response = publisher_client.post(kind.admin_url("change", obj), posted)
    assert response.status_code < 500, response.status_code


@pytest.mark.django_db
@SETTINGS
@given(
    view=st.sampled_from(["revisions", "compare", "preview", "unpublish", "changelist"]),
    query=st.dictionaries(
        st.sampled_from(["a", "b", "revision", "state", "q", "o", "p", "e"]), field_value
    ),
)
def test_staff_views_and_their_query_strings_never_answer_500(publisher_client, view, query):
    kind = KINDS[0]
    obj = kind.model.objects.first() or kind.make("property-view")
    url = kind.admin_url(view) if view == "changelist" else kind.admin_url(view, obj)
    response = publisher_client.get(url, query)
    assert response.status_code < 500, (url, query)
