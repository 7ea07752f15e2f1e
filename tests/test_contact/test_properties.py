"""Property-based tests: whatever a person or a bot sends, the forms never answer 500."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contact.models import Feedback
from tests.strategies import SETTINGS, form_data, fresh_client

FEEDBACK_FIELDS = ["message", "name", "email", "may_reply", "website"]
PAGE_FEEDBACK_FIELDS = ["page_path", "found_what_looking_for", "rating", "comment", "website"]


@pytest.mark.django_db
@SETTINGS
@given(data=form_data(FEEDBACK_FIELDS))
def test_feedback_form_never_answers_500(data):
    before = Feedback.objects.count()
    response = fresh_client().post("/contact/feedback/", data)
    assert response.status_code in (303, 400)
    stored = Feedback.objects.count() - before
    assert stored == (1 if response.status_code == 303 else 0)
    if stored:
        feedback = Feedback.objects.latest("pk")
        assert "\x00" not in feedback.message
        assert 0 < len(feedback.message) <= 2000


@pytest.mark.django_db
@SETTINGS
@given(data=form_data(PAGE_FEEDBACK_FIELDS))
def test_page_feedback_endpoint_never_answers_500(data):
    before = Feedback.objects.count()
    response = fresh_client().post(
        "/contact/page-feedback/", data, HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert response.status_code in (303, 400)
    assert Feedback.objects.count() - before == (1 if response.status_code == 303 else 0)


@pytest.mark.django_db
@SETTINGS
@given(body=st.binary(max_size=5000))
def test_raw_bytes_posted_to_the_feedback_form_never_answer_500(body):
    response = fresh_client().post(
        "/contact/feedback/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (303, 400)
