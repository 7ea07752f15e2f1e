"""Background work for referrals, run through django.tasks."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.urls import reverse


@task
def referral_notify(*, referral_id: int, reference: str) -> None:
    """Tell the Prevent mailbox a referral arrived: its reference and an admin link, nothing of
    what it says (that stays encrypted in the database, readable by Prevent triage only)."""
    link = settings.SITE_URL + reverse("admin:referrals_referral_change", args=[referral_id])
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
