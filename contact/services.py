"""Storing feedback and telling staff about it."""

from functools import partial

from django.db import IntegrityError, transaction
from django.views.decorators.debug import sensitive_variables

from contact.models import Feedback, Referral, new_reference, new_referral_reference
from contact.tasks import feedback_notify, referral_notify

REFERENCE_ATTEMPTS = 5
REFERRAL_FIELDS = (
    "referrer_organisation_type",
    *(name for name in Referral.ENCRYPTED_FIELDS if name != "notes"),
)


def _save_with_new_reference(feedback: Feedback) -> None:
    """Save with a fresh reference, trying again in the unlikely event it is taken."""
    for attempt in range(REFERENCE_ATTEMPTS):
        feedback.reference = new_reference()
        try:
            with transaction.atomic():
                feedback.save()
            return
        except IntegrityError:
            if attempt == REFERENCE_ATTEMPTS - 1:
                raise
            if not Feedback.objects.filter(reference=feedback.reference).exists():
                raise  # Some other constraint failed: do not hide it.


def _notify_on_commit(feedback: Feedback) -> None:
    # Only once the row is safely stored: a rolled-back submission sends nothing. robust: the
    # feedback is already saved, so a failure to queue the email is logged, not shown as a 500
    # that would make the person send it again.
    transaction.on_commit(
        partial(feedback_notify.enqueue, feedback_id=feedback.pk, reference=feedback.reference),
        robust=True,
    )


@transaction.atomic
def feedback_submit(
    *, message: str, name: str = "", email: str = "", may_reply: bool = False
) -> Feedback:
    """Store general feedback from /contact/feedback/ and notify the mailbox after commit."""
    feedback = Feedback(
        kind=Feedback.Kind.GENERAL,
        message=message,
        name=name,
        email=email,
        may_reply=may_reply and bool(email),
    )
    _save_with_new_reference(feedback)
    _notify_on_commit(feedback)
    return feedback


@transaction.atomic
def page_feedback_submit(
    *, page_path: str, found_what_looking_for: bool, rating: int, comment: str = ""
) -> Feedback:
    """Store feedback about one content page and notify the mailbox after commit."""
    feedback = Feedback(
        kind=Feedback.Kind.PAGE,
        page_path=page_path,
        found_what_looking_for=found_what_looking_for,
        rating=rating,
        comment=comment,
    )
    _save_with_new_reference(feedback)
    _notify_on_commit(feedback)
    return feedback


@sensitive_variables("answers", "referral")
@transaction.atomic
def referral_submit(*, answers: dict[str, str]) -> Referral:
    """Store a Prevent referral (encrypted) in one transaction; notify the mailbox on commit.

    ``answers`` are the journey's answers by field name, as kept in the session.
    """
    referral = Referral(**{name: answers.get(name, "") for name in REFERRAL_FIELDS})
    referral.full_clean(exclude=["reference"])
    for attempt in range(REFERENCE_ATTEMPTS):
        referral.reference = new_referral_reference()
        try:
            with transaction.atomic():
                referral.save()
            break
        except IntegrityError:
            if (
                attempt == REFERENCE_ATTEMPTS - 1
                or not Referral.objects.filter(reference=referral.reference).exists()
            ):
                raise
    transaction.on_commit(
        partial(referral_notify.enqueue, referral_id=referral.pk, reference=referral.reference),
        robust=True,
    )
    return referral
