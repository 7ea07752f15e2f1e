"""Email for subscribers, sent through django.tasks so that no request waits on a mail server."""

import smtplib
import time

from django.conf import settings
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

from core.emergency import reporting_context
from updates import links
from updates.models import Delivery, Mailing, Subscriber, topic_labels


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
        topics=topic_labels(subscriber.pending),
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


def priority(urgent: bool) -> int:
    """Incident updates and threat-level changes go before news (django.tasks priority)."""
    return 50 if urgent else 0


def mailing_message(mailing: Mailing, subscriber: Subscriber) -> EmailMultiAlternatives:
    """One subscriber's copy: their own manage and one-click unsubscribe links (RFC 8058)."""
    subscriber_links = links.Links.for_subscriber(subscriber)
    context = email_context(
        mailing=mailing,
        page_url=settings.SITE_URL + mailing.path,
        manage_url=subscriber_links.manage,
        unsubscribe_url=subscriber_links.unsubscribe,
    )
    message = EmailMultiAlternatives(
        subject=mailing.subject,
        body=render_to_string("updates/email/mailing.txt", context),
        to=[subscriber.email],
        headers={
            "List-Unsubscribe": f"<{subscriber_links.unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("updates/email/mailing.html", context), "text/html")
    return message


@task
def fan_out(*, mailing_id: int) -> int:
    """One delivery per receiving subscriber, made and queued in batches of
    UPDATES_BATCH_SIZE (memory stays flat however many there are). Returns how many."""
    mailing = Mailing.objects.get(pk=mailing_id)
    receiving = Subscriber.objects.receiving_mailing(mailing)
    size = settings.UPDATES_BATCH_SIZE
    after, total = 0, 0
    while True:
        ids = list(
            receiving.filter(pk__gt=after).order_by("pk").values_list("pk", flat=True)[:size]
        )
        if not ids:
            break
        with transaction.atomic():
            Delivery.objects.bulk_create(
                [Delivery(mailing_id=mailing_id, subscriber_id=pk) for pk in ids],
                ignore_conflicts=True,
            )
            # Counted from the rows, so a fan-out run again (a retried task) counts no one twice.
            Mailing.objects.filter(pk=mailing_id).update(
                queued=Delivery.objects.filter(mailing_id=mailing_id).count()
            )
            first, last = ids[0], ids[-1]
            transaction.on_commit(
                lambda first=first, last=last: send_batch.using(
                    priority=priority(mailing.urgent)
                ).enqueue(mailing_id=mailing_id, first=first, last=last)
            )
        total += len(ids)
        after = ids[-1]
    return total


@task
def send_batch(*, mailing_id: int, first: int, last: int) -> dict:
    """Send the queued deliveries for subscribers ``first``..``last`` over one SMTP connection,
    at most UPDATES_SEND_RATE a second. A failure is counted against that delivery alone and
    retried in a new batch task, up to UPDATES_SEND_ATTEMPTS; then it stays failed, counted."""
    mailing = Mailing.objects.get(pk=mailing_id)
    deliveries = (
        Delivery.objects.filter(
            mailing_id=mailing_id,
            subscriber_id__gte=first,
            subscriber_id__lte=last,
            status=Delivery.Status.QUEUED,
        )
        .select_related("subscriber")
        .order_by("subscriber_id")
    )
    sent = failed = retry = 0
    interval = 1 / settings.UPDATES_SEND_RATE if settings.UPDATES_SEND_RATE else 0
    with mail.mailers.default as connection:
        for delivery in deliveries:
            started = time.monotonic()
            subscriber = delivery.subscriber
            delivery.attempts += 1
            if subscriber is None or not subscriber.is_confirmed or subscriber.suspended_at:
                delivery.status, delivery.error = Delivery.Status.FAILED, "left or suspended"
                failed += 1
            else:
                try:
                    connection.send_messages([mailing_message(mailing, subscriber)])
                except (smtplib.SMTPException, OSError) as error:
                    delivery.error = failure_kind(error)
                    if delivery.attempts >= settings.UPDATES_SEND_ATTEMPTS:
                        delivery.status = Delivery.Status.FAILED
                        failed += 1
                    else:
                        retry += 1
                else:
                    delivery.status, delivery.sent_at = Delivery.Status.SENT, timezone.now()
                    sent += 1
            delivery.save(update_fields=["status", "attempts", "error", "sent_at"])
            if interval:
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
    Mailing.objects.filter(pk=mailing_id).update(sent=F("sent") + sent, failed=F("failed") + failed)
    if retry:
        send_batch.using(priority=priority(mailing.urgent)).enqueue(
            mailing_id=mailing_id, first=first, last=last
        )
    return {"sent": sent, "failed": failed, "retrying": retry}


def failure_kind(error: Exception) -> str:
    """What went wrong, without the address: the SMTP code, or the exception's name."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = {code for code, _ in error.recipients.values()}
        return "refused " + " ".join(str(code) for code in sorted(codes))
    if isinstance(error, smtplib.SMTPResponseException):
        return f"SMTP {error.smtp_code}"
    return type(error).__name__
