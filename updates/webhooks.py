"""Bounces and complaints from the mail provider, through django-anymail's tracking webhooks.

Anymail turns each provider's webhook (Postmark, Mailgun, Amazon SES, SendGrid, ...) into one
normalised ``tracking`` signal; this module acts on it for subscribers:

- a bounce or a rejection (the address does not take mail): the subscriber is suspended, and
  nothing more is sent until they confirm again (which proves the inbox works);
- a complaint (marked as spam) or an unsubscribe at the provider: the address is deleted, as if
  they had used the one-click link.

The webhooks answer only while ``ANYMAIL_WEBHOOK_SECRET`` is set (the provider sends it as HTTP
basic auth); without it they are 404, since an open one would let anyone suspend any address.
"""

import functools
import logging

from anymail.signals import EventType
from anymail.urls import urlpatterns as anymail_urlpatterns
from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest
from django.urls import path
from django.utils import timezone

from updates import services
from updates.models import Subscriber

logger = logging.getLogger(__name__)

SUSPENDING = {EventType.BOUNCED: "bounced", EventType.REJECTED: "rejected by the mail provider"}
REMOVING = {EventType.COMPLAINED, EventType.UNSUBSCRIBED}


def provider_event(sender, event, esp_name, **kwargs) -> None:
    """Receiver for ``anymail.signals.tracking``: one event about one recipient."""
    if event.event_type not in SUSPENDING and event.event_type not in REMOVING:
        return
    email = services.normalised_email(event.recipient or "")
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            return  # not a subscriber (staff notifications go through the same provider)
        if event.event_type in REMOVING:
            services.unsubscribe(subscriber)
            outcome = "removed"
        else:
            subscriber.suspended_at = timezone.now()
            reason = SUSPENDING[event.event_type]
            subscriber.suspended_reason = f"{reason} ({esp_name}, {event.reject_reason or '?'})"
            subscriber.save(update_fields=["suspended_at", "suspended_reason"])
            outcome = "suspended"
    # The address is personal data: the log says what happened, not to whom.
    logger.info("Subscriber %s after a %s event from %s", outcome, event.event_type, esp_name)


def _only_with_secret(view):
    @functools.wraps(view)  # keeps anymail's csrf_exempt
    def guarded(request, *args, **kwargs):
        if not settings.ANYMAIL.get("WEBHOOK_SECRET"):
            raise Http404("Provider webhooks are switched off (no ANYMAIL_WEBHOOK_SECRET).")
        try:
            return view(request, *args, **kwargs)
        except (ValueError, KeyError, TypeError):
            # Anymail reads the body only after checking the secret: this is the provider (or
            # someone with the secret) sending what it cannot parse. The provider retries.
            logger.warning("Unreadable %s webhook body", request.path, exc_info=True)
            return HttpResponseBadRequest("Not a webhook body this site can read.")

    return guarded


def provider_urlpatterns() -> list:
    """Anymail's tracking webhooks (<provider>/tracking/), switched off without a secret."""
    return [
        path(str(pattern.pattern), _only_with_secret(pattern.callback), name=pattern.name)
        for pattern in anymail_urlpatterns
        if pattern.name and pattern.name.endswith("_tracking_webhook")
    ]
