"""Storing a Prevent referral and telling the Prevent team about it."""

from functools import partial

from django.db import transaction
from django.views.decorators.debug import sensitive_variables

from core.references import save_with_unique_reference
from referrals.models import Referral, new_referral_reference
from referrals.tasks import referral_notify

REFERRAL_FIELDS = (
    "referrer_organisation_type",
    *(name for name in Referral.ENCRYPTED_FIELDS if name != "notes"),
)


@sensitive_variables("answers", "referral")
@transaction.atomic
def referral_submit(*, answers: dict[str, str]) -> Referral:
    """Store a Prevent referral (encrypted) in one transaction; notify the mailbox on commit.

    ``answers`` are the journey's answers by field name, as kept in the session.
    """
    referral = Referral(**{name: answers.get(name, "") for name in REFERRAL_FIELDS})
    referral.full_clean(exclude=["reference"])
    save_with_unique_reference(referral, new_referral_reference)
    transaction.on_commit(
        partial(referral_notify.enqueue, referral_id=referral.pk, reference=referral.reference),
        robust=True,
    )
    return referral
