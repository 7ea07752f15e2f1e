"""What can happen to a subscription: asked for, confirmed, changed, left, expired."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.announcements import Announcement
from core.markdown import sanitise_html
from publishing.models import PublishableModel
from updates.models import Delivery, Mailing, Subscriber, Topic
from updates.tasks import fan_out, priority, send_confirmation


def normalised_email(email: str) -> str:
    """One address, one subscriber: surrounding space gone, compared without case."""
    return email.strip().lower()


def subscription_request(*, email: str, choices: dict) -> bool:
    """Someone asked for updates at ``email``: store the choices as pending and queue one
    confirmation email, unless this address has had its day's share of them.

    Returns whether an email was queued; the caller shows the same page either way, so that
    nobody can learn whether an address is subscribed.
    """
    today = timezone.localdate()
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.select_for_update().get_or_create(
            email=normalised_email(email)
        )
        if subscriber.confirmations_sent_on != today:
            subscriber.confirmations_sent_on = today
            subscriber.confirmations_sent = 0
        if subscriber.confirmations_sent >= settings.UPDATES_CONFIRMATIONS_PER_DAY:
            return False
        if subscriber.confirmed_at is None:
            # Deleted UPDATES_CONFIRM_DAYS after the latest request, not the first.
            subscriber.created_at = timezone.now()
        subscriber.pending = choices
        subscriber.confirm_nonce = secrets.token_urlsafe(16)
        subscriber.confirmations_sent += 1
        subscriber.save()
        pk, nonce = subscriber.pk, subscriber.confirm_nonce
        transaction.on_commit(lambda: send_confirmation.enqueue(subscriber_id=pk, nonce=nonce))
    return True


def subscription_confirm(subscriber: Subscriber) -> Subscriber:
    """The owner of the address followed the link: the pending choices take effect."""
    subscriber.apply(subscriber.pending)
    subscriber.pending = {}
    subscriber.confirm_nonce = ""
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = timezone.now()
    # Following the link proves the inbox takes mail again, whatever bounced before.
    subscriber.suspended_at = None
    subscriber.suspended_reason = ""
    subscriber.save()
    return subscriber


def choices_change(subscriber: Subscriber, choices: dict) -> Subscriber:
    """From the manage page, whose link proves the owner has the inbox: no new confirmation."""
    subscriber.apply(choices)
    subscriber.save()
    return subscriber


def unsubscribe(subscriber: Subscriber) -> None:
    """Leaving deletes the address and everything kept with it; a mailing still on its way to
    them records that they left instead."""
    with transaction.atomic():
        Delivery.objects.filter(subscriber=subscriber, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.LEFT
        )
        subscriber.delete()


def unconfirmed_delete(*, now=None) -> int:
    """Delete addresses never confirmed within UPDATES_CONFIRM_DAYS (the daily job)."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.UPDATES_CONFIRM_DAYS)
    deleted, _ = Subscriber.objects.unconfirmed_before(cutoff).delete()
    return deleted


def subscriber_data(subscriber: Subscriber) -> dict:
    """Everything kept about a subscriber, for their own copy (a subject access request)."""
    return {
        "email": subscriber.email,
        "subscribed_to": subscriber.topics,
        "news_frequency": subscriber.news_frequency,
        "asked_on": subscriber.created_at.isoformat(),
        "waiting_for_confirmation": subscriber.pending or None,
        "confirmed_on": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "suspended_on": subscriber.suspended_at.isoformat() if subscriber.suspended_at else None,
        "suspended_because": subscriber.suspended_reason,
        "confirmation_emails_sent_today": subscriber.confirmations_sent
        if subscriber.confirmations_sent_on == timezone.localdate()
        else 0,
    }


def mailing_queue(
    *,
    topic: str,
    source: str,
    subject: str,
    path: str,
    text: str,
    html: str,
    urgent: bool = False,
    weekly: bool = False,
    about=None,
    by=None,
) -> Mailing:
    """Queue one email to everyone receiving ``topic``, once per ``source``: a second call for
    the same change returns the first mailing and sends nothing more. The fan-out runs as a
    task after the commit, so a publish never waits for it, and never fails because of it."""
    with transaction.atomic():
        mailing, created = Mailing.objects.get_or_create(
            source=source,
            defaults={
                "topic": topic,
                "subject": subject,
                "path": path,
                "text": text,
                # Built from published content, which is sanitised already; again here, since
                # an email is read outside the site's Content-Security-Policy.
                "html": sanitise_html(html),
                "urgent": urgent,
                "weekly": weekly,
                "about_type": ContentType.objects.get_for_model(about) if about else None,
                "about_id": about.pk if about else None,
                "created_by": by,
            },
        )
        if created:
            pk = mailing.pk
            transaction.on_commit(
                lambda: fan_out.using(priority=priority(urgent)).enqueue(mailing_id=pk)
            )
    return mailing


def announcement_mailing(announcement: Announcement) -> dict:
    """The mailing's fields for an announcement: its own words, in the plain-text and HTML
    bodies (the links and numbers every email has are added per subscriber)."""
    context = {"announcement": announcement}
    return {
        "topic": announcement.topic,
        "source": announcement.source,
        "subject": announcement.subject,
        "path": announcement.path,
        "text": render_to_string("updates/email/announcement.txt", context).strip(),
        "html": render_to_string("updates/email/announcement.html", context).strip(),
        "urgent": announcement.urgent,
        "about": announcement.about,
    }


def announcement_queue(announcement: Announcement, *, by=None) -> Mailing:
    """The listener for ``core.announcements``: one mailing to the announcement's topic."""
    return mailing_queue(
        **announcement_mailing(announcement), by=by if getattr(by, "pk", None) else None
    )


def receiving_count(topic: str) -> int:
    """How many confirmed subscribers a mailing on ``topic`` goes to now."""
    return Subscriber.objects.receiving(topic, immediately=True).count()


def weekly_news_queue(*, now=None) -> Mailing | None:
    """The weekly news summary: the news emailed in the seven days to ``now`` that is still
    on the site, as one mailing to those who chose a weekly summary. None when there was no
    news. Run again in the same week, it sends nothing more (one source per ISO week)."""
    now = now or timezone.now()
    items = [
        mailing
        for mailing in Mailing.objects.filter(
            topic=Topic.NEWS, weekly=False, created_at__gt=now - timedelta(days=7)
        )
        .select_related("about_type")
        .order_by("created_at")
        if still_published(mailing)
    ]
    if not items:
        return None
    year, week, _day = timezone.localtime(now).isocalendar()
    context = {"items": items, "site_url": settings.SITE_URL}
    return mailing_queue(
        topic=Topic.NEWS,
        source=f"news-weekly:{year}-W{week:02d}",
        subject=f"{settings.UNIT_NAME}: news in the week to {timezone.localtime(now):%-d %B %Y}",
        path="/news/",
        text=render_to_string("updates/email/weekly.txt", context).strip(),
        html=render_to_string("updates/email/weekly.html", context).strip(),
        weekly=True,
    )


def still_published(mailing: Mailing) -> bool:
    """Whether what a mailing announced is still on the public site: an item taken off since
    (withdrawn, or under reporting restrictions) is never sent again."""
    model = mailing.about_type.model_class() if mailing.about_type else None
    if model is None or not issubclass(model, PublishableModel):
        return mailing.about_type is None
    return model.objects.published().filter(pk=mailing.about_id).exists()
