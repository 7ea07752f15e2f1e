"""Storing feedback and telling staff about it."""

from functools import partial

from django.db import transaction

from contact.models import Feedback, new_reference
from contact.tasks import feedback_notify
from core.references import save_with_unique_reference


def _store(**fields) -> Feedback:
    """Save one submission under a fresh reference; its notice goes out once it commits."""
    feedback = Feedback(**fields)
    save_with_unique_reference(feedback, new_reference)
    _notify_on_commit(feedback)
    return feedback


def _notify_on_commit(feedback: Feedback) -> None:
    to_protect_team = feedback.kind == Feedback.Kind.SECURITY_ADVICE
    # Only once the row is safely stored: a rolled-back submission sends nothing. robust: the
    # feedback is already saved, so a failure to queue the email is logged, not shown as a 500
    # that would make the person send it again.
    transaction.on_commit(
        partial(
            feedback_notify.enqueue,
            feedback_id=feedback.pk,
            reference=feedback.reference,
            to_protect_team=to_protect_team,
        ),
        robust=True,
    )


@transaction.atomic
def feedback_submit(
    *, message: str, name: str = "", email: str = "", may_reply: bool = False
) -> Feedback:
    """Store general feedback from /contact/feedback/ and notify the mailbox after commit."""
    return _store(
        kind=Feedback.Kind.GENERAL,
        message=message,
        name=name,
        email=email,
        may_reply=may_reply and bool(email),
    )


@transaction.atomic
def page_feedback_submit(
    *, page_path: str, found_what_looking_for: bool, rating: int, comment: str = ""
) -> Feedback:
    """Store feedback about one content page and notify the mailbox after commit."""
    return _store(
        kind=Feedback.Kind.PAGE,
        page_path=page_path,
        found_what_looking_for=found_what_looking_for,
        rating=rating,
        comment=comment,
    )


@transaction.atomic
def security_advice_request(
    *, message: str, organisation: str, name: str, email: str, phone: str = ""
) -> Feedback:
    """Store a request for a security adviser and tell the Protect team after commit."""
    return _store(
        kind=Feedback.Kind.SECURITY_ADVICE,
        message=message,
        organisation=organisation,
        name=name,
        email=email,
        phone=phone,
        may_reply=True,
    )
