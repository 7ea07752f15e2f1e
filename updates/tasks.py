"""Email for subscribers, sent through django.tasks so that no request waits on a mail server."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.template.loader import render_to_string

from core.emergency import reporting_context
from updates import links
from updates.models import Subscriber


def email_context(**extra) -> dict:
    return {
        **reporting_context(),
        "unit_name": settings.UNIT_NAME,
        "site_url": settings.SITE_URL,
        **extra,
    }


@task
def send_confirmation(*, subscriber_id: int, nonce: str) -> bool:
    """The confirmation email for one request. Returns False (sends nothing) when a newer
    request replaced it or the address is gone: only the latest link is ever sent out."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, confirm_nonce=nonce).first()
    if subscriber is None:
        return False
    context = email_context(
        confirm_url=links.absolute("updates:confirm", links.confirm_token(subscriber)),
        days=settings.UPDATES_CONFIRM_DAYS,
        topics=[label for value, label in subscriber_topics(subscriber.pending)],
        already_subscribed=subscriber.is_confirmed,
    )
    message = EmailMultiAlternatives(
        subject=f"Confirm your email updates from the {settings.UNIT_NAME}",
        body=render_to_string("updates/email/confirm.txt", context),
        to=[subscriber.email],
    )
    message.attach_alternative(render_to_string("updates/email/confirm.html", context), "text/html")
    message.send()
    return True


def subscriber_topics(choices: dict):
    from updates.models import Topic

    chosen = choices.get("topics", [])
    return [(value, label) for value, label in Topic.choices if value in chosen]
