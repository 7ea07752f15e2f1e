"""Background work for the contact app, run through django.tasks."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.urls import reverse


@task
def feedback_notify(*, feedback_id: int, reference: str, to_protect_team: bool = False) -> None:
    """Tell the feedback mailbox that feedback arrived: the reference and an admin link only.

    The message and anything about the sender stay in the database, where only the Feedback
    triage group can read them; email is copied, forwarded and kept for ever.
    """
    link = settings.SITE_URL + reverse("admin:contact_feedback_change", args=[feedback_id])
    if to_protect_team:
        what, subject, mailbox = (
            "A request for a Counter Terrorism Security Adviser",
            f"New request for a security adviser {reference}",
            settings.PROTECT_MAILBOX,
        )
    else:
        what, subject, mailbox = (
            "New feedback",
            f"New website feedback {reference}",
            settings.FEEDBACK_MAILBOX,
        )
    body = (
        f"{what} has been received on the website.\n\n"
        f"Reference: {reference}\n"
        f"Read it in the staff area (you will need to sign in):\n{link}\n"
    )
    EmailMessage(
        subject=subject,
        body=body,
        to=[mailbox],
    ).send()
