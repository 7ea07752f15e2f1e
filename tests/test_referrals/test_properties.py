"""Property-based tests: whatever is sent to the referral journey, it never answers 500."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from referrals.models import Referral
from tests.strategies import SETTINGS, form_data, fresh_client
from tests.test_referrals.test_referrals import ANSWERS, post_steps

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
    client = fresh_client()
    steps = list(REFERRAL_FIELDS)
    post_steps(client, {s: ANSWERS[s] for s in steps[: steps.index(step)]})
    answers = data.draw(form_data(REFERRAL_FIELDS[step]))
    response = client.post(f"/contact/prevent-referral/{step}/", answers)
    assert response.status_code in (303, 400)
    assert Referral.objects.count() == 0  # Nothing is stored before the last page.
