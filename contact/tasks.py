"""Background work for the contact app, run through django.tasks."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.urls import reverse


@task
def feedback_notify(*, feedback_id: int, reference: str) -> None:
    """Tell the feedback mailbox that feedback arrived: the reference and an admin link only.

    The message and anything about the sender stay in the database, where only the Feedback
    triage group can read them; email is copied, forwarded and kept for ever.
    """
    link = settings.SITE_URL + reverse("admin:contact_feedback_change", args=[feedback_id])
    body = (
        f"New feedback has been received on the website.\n\n"
        f"Reference: {reference}\n"
        f"Read it in the staff area (you will need to sign in):\n{link}\n"
    )
    EmailMessage(
        subject=f"New website feedback {reference}",
        body=body,
        to=[settings.FEEDBACK_MAILBOX],
    ).send()


@task
def referral_notify(*, referral_id: int, reference: str) -> None:
    """Tell the Prevent mailbox a referral arrived: its reference and an admin link, nothing of
    what it says (that stays encrypted in the database, readable by Prevent triage only)."""
    link = settings.SITE_URL + reverse("admin:contact_referral_change", args=[referral_id])
    EmailMessage(
        subject=f"New Prevent referral {reference}",
        body=(
            "A new Prevent referral has been made on the website.\n\n"
            f"Reference: {reference}\n"
            f"Read it in the staff area (Prevent triage only; you will need to sign in):\n"
            f"{link}\n"
        ),
        to=[settings.PREVENT_MAILBOX],
    ).send()
