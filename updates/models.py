"""People who asked for email updates, and what they asked for.

An address is personal data: nothing about a subscriber is kept but the address, the choices,
and the dates the privacy notice names. An address that is never confirmed is deleted after
``UPDATES_CONFIRM_DAYS``; leaving deletes the row outright.
"""

import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import announcements


class Topic(models.TextChoices):
    """What someone can subscribe to, in the order the form offers them. Each value is the name
    of the Subscriber field that records it, and a topic of ``core.announcements``."""

    THREAT_LEVEL = announcements.THREAT_LEVEL, _("Changes to the national threat level")
    INCIDENTS = announcements.INCIDENTS, _("Updates during a major incident")
    NEWS = announcements.NEWS, _("News from the unit")
    BUSINESS = announcements.BUSINESS, _("Protective security advice for businesses and venues")


def topic_labels(choices: dict) -> list[str]:
    """The labels of the topics in a ``pending``-style choices dict, in the form's order."""
    chosen = choices.get("topics", [])
    return [label for value, label in Topic.choices if value in chosen]


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("As soon as it is published")
    WEEKLY = "weekly", _("A weekly summary")


def new_key() -> str:
    return secrets.token_urlsafe(24)


class SubscriberQuerySet(models.QuerySet):
    def receiving(self, topic: str, *, immediately: bool = False):
        """Confirmed, not suspended, and subscribed to ``topic``; with ``immediately``, only
        those who get each item as it is published (not news in a weekly summary)."""
        receiving = self.filter(
            confirmed_at__isnull=False, suspended_at__isnull=True, **{topic: True}
        )
        if immediately and topic == Topic.NEWS:
            receiving = receiving.filter(news_frequency=Frequency.IMMEDIATELY)
        return receiving

    def receiving_mailing(self, mailing: "Mailing"):
        """Who a mailing goes to: the weekly summary to those who chose it, anything else to
        those who get each item as it comes."""
        if mailing.weekly:
            return self.receiving(Topic.NEWS).filter(news_frequency=Frequency.WEEKLY)
        return self.receiving(mailing.topic, immediately=True)

    def unconfirmed_before(self, moment):
        return self.filter(confirmed_at__isnull=True, created_at__lt=moment)


class Subscriber(models.Model):
    """One email address and the updates it receives.

    A change of choices (and the first subscription) waits in ``pending`` until the owner of the
    address follows the link in the confirmation email: nobody can subscribe someone else, or
    change someone else's choices, without access to their inbox.
    """

    email = models.EmailField(max_length=254, unique=True)
    threat_level = models.BooleanField(default=False)
    incidents = models.BooleanField(default=False)
    news = models.BooleanField(default=False)
    business = models.BooleanField(default=False)
    news_frequency = models.CharField(
        max_length=20, choices=Frequency.choices, default=Frequency.IMMEDIATELY
    )
    # What the latest subscribe form asked for, applied when its confirmation link is used.
    pending = models.JSONField(default=dict, blank=True)
    # The one confirmation link that works: a new email makes the one before it useless.
    confirm_nonce = models.CharField(max_length=64, blank=True)
    confirmations_sent_on = models.DateField(null=True, blank=True)
    confirmations_sent = models.PositiveSmallIntegerField(default=0)
    # In every manage and unsubscribe link; a new one when the subscriber leaves and comes back.
    key = models.CharField(max_length=64, default=new_key)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    suspended_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Set when the mail provider reports a hard bounce.")
    )
    suspended_reason = models.CharField(max_length=200, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["confirmed_at", "created_at"])]
        permissions = [("export_subscriber", "Can export subscribers' addresses")]

    def __str__(self):
        return f"Subscriber {self.pk}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    def topic_labels(self) -> list[str]:
        return topic_labels(self.choices())

    @property
    def topics(self) -> list[str]:
        return [value for value in Topic.values if getattr(self, value)]

    def choices(self) -> dict:
        """What this subscriber receives, in the form ``pending`` stores."""
        return {"topics": self.topics, "news_frequency": self.news_frequency}

    def apply(self, choices: dict) -> None:
        for topic in Topic.values:
            setattr(self, topic, topic in choices.get("topics", []))
        frequency = choices.get("news_frequency")
        if frequency in Frequency.values:
            self.news_frequency = frequency


class Mailing(models.Model):
    """One email to everyone subscribed to a topic: what it says and how far it has gone.

    Staff see these counts, never the addresses. ``source`` names what it announces, so the
    same change is never sent twice.
    """

    topic = models.CharField(max_length=20, choices=Topic.choices)
    source = models.CharField(max_length=200, unique=True)
    subject = models.CharField(max_length=200)
    path = models.CharField(max_length=500, help_text=_("The page on the site it is about."))
    text = models.TextField(help_text=_("The plain-text body (every email has one)."))
    html = models.TextField(help_text=_("The HTML body, sanitised like every staff-written page."))
    urgent = models.BooleanField(default=False, help_text=_("Sent before anything else."))
    weekly = models.BooleanField(
        default=False, help_text=_("The weekly news summary, for those who chose it.")
    )
    # What it announced, where that is an object on the site (news: the summary checks it is
    # still published).
    about_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    about_id = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    queued = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject


class Delivery(models.Model):
    """One mailing to one subscriber. The subscriber goes when they leave; the count stays."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        LEFT = "left", _("Not sent: unsubscribed first")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, null=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The kind of failure only (an SMTP code or exception name): never the address.
    error = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mailing", "subscriber"], name="one_delivery_each")
        ]
        verbose_name_plural = "deliveries"

    def __str__(self):
        return f"{self.mailing} to subscriber {self.subscriber_id}: {self.get_status_display()}"
