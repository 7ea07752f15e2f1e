"""Property-based tests: whatever a person or a bot sends, the forms never answer 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contact.models import Feedback

# Any text Python can hold, including NUL and control characters. Lone surrogates cannot be
# encoded as UTF-8, so no browser can send them; they are filtered out.
any_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]),
    max_size=3000,
)
field_value = st.one_of(
    any_text,
    st.sampled_from(["", "yes", "no", "1", "5", "6", "-1", "on", "/", "//evil.example"]),
    st.builds(lambda n: "x" * n, st.integers(min_value=1900, max_value=30_000)),
)

FEEDBACK_FIELDS = ["message", "name", "email", "may_reply", "website"]
PAGE_FEEDBACK_FIELDS = ["page_path", "found_what_looking_for", "rating", "comment", "website"]

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def form_data(fields):
    return st.dictionaries(st.sampled_from(fields), field_value)


def _fresh_client():
    from django.core.cache import cache

    cache.clear()  # Keep the rate limit out of the way: each example is a new visitor.
    return Client(raise_request_exception=True)


@pytest.mark.django_db
@SETTINGS
@given(data=form_data(FEEDBACK_FIELDS))
def test_feedback_form_never_answers_500(data):
    before = Feedback.objects.count()
    response = _fresh_client().post("/contact/feedback/", data)
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
    response = _fresh_client().post(
        "/contact/page-feedback/", data, HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert response.status_code in (303, 400)
    assert Feedback.objects.count() - before == (1 if response.status_code == 303 else 0)


@pytest.mark.django_db
@SETTINGS
@given(body=st.binary(max_size=5000))
def test_raw_bytes_posted_to_the_feedback_form_never_answer_500(body):
    response = _fresh_client().post(
        "/contact/feedback/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (303, 400)


REFERRAL_FIELDS = {
    "about-you": [
        "referrer_name",
        "referrer_role",
        "referrer_organisation",
        "referrer_organisation_type",
        "referrer_email",
        "referrer_phone",
        "website",
    ],
    "about-the-person": [
        "person_name",
        "person_date_of_birth_0",
        "person_date_of_birth_1",
        "person_date_of_birth_2",
        "person_age",
        "person_address",
        "person_school_or_employer",
    ],
    "concerns": ["concerns", "concerns_since", "immediate_risk"],
    "sharing": ["person_aware", "sharing_basis", "sharing_details"],
    "other-agencies": ["other_agencies"],
}


@pytest.mark.django_db
@SETTINGS
@given(
    step=st.sampled_from(list(REFERRAL_FIELDS)),
    data=st.data(),
)
def test_referral_answers_never_answer_500(step, data):
    from referrals.models import Referral
    from tests.test_referrals.test_referrals import ANSWERS, post_steps

    client = _fresh_client()
    steps = list(REFERRAL_FIELDS)
    post_steps(client, {s: ANSWERS[s] for s in steps[: steps.index(step)]})
    answers = data.draw(form_data(REFERRAL_FIELDS[step]))
    response = client.post(f"/contact/prevent-referral/{step}/", answers)
    assert response.status_code in (303, 400)
    assert Referral.objects.count() == 0  # Nothing is stored before the last page.
