"""Independent organisations listed on the contact page, and the feedback the public sends."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.emergency import PhoneNumber
from core.references import random_reference
from core.validators import SafeURLField

REFERENCE_PREFIX = "FB-"
REFERENCE_LENGTH = 6

MESSAGE_MAX_LENGTH = 2000
COMMENT_MAX_LENGTH = 1000


def new_reference() -> str:
    """A short reference like FB-7K3M9Q: about 730 million possibilities, hard to guess."""
    return random_reference(REFERENCE_PREFIX, REFERENCE_LENGTH)


class Organisation(models.Model):
    """An independent organisation that will pass information on for someone who would rather
    not contact the police. Listed on the contact page in ``sort_order``."""

    name = models.CharField(
        _("name"), max_length=200, help_text=_("As the organisation writes it.")
    )
    description = models.TextField(
        _("what they do"),
        max_length=500,
        help_text=_("One or two plain sentences: who they help and how. Shown as written."),
    )
    phone = models.CharField(
        _("phone number"),
        max_length=30,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9 ]{3,}$",
                _("Enter the number as people read it, for example 0800 555 111"),
            )
        ],
        help_text=_("As people read it aloud, for example 020 7946 0000. Leave empty if none."),
    )
    website = SafeURLField(
        _("website"),
        blank=True,
        help_text=_("The full address, starting https://. Check it still works before saving."),
    )
    sort_order = models.PositiveIntegerField(
        _("order"), default=100, help_text=_("Lower numbers are listed first.")
    )

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations to contact instead of the police")

    def __str__(self):
        return self.name

    @property
    def phone_number(self) -> PhoneNumber | None:
        """The phone as a PhoneNumber, so ``{% tel %}`` links it like every other number."""
        if not self.phone:
            return None
        return PhoneNumber(key=f"org{self.pk}", name=self.name, number=self.phone, description="")


class FeedbackQuerySet(models.QuerySet):
    def closed_before(self, cutoff):
        """Closed feedback received before ``cutoff``: what the retention rule deletes."""
        return self.filter(status=Feedback.Status.CLOSED, created_at__lt=cutoff)

    def past_retention(self):
        """Closed feedback older than FEEDBACK_RETENTION_DAYS."""
        days = settings.FEEDBACK_RETENTION_DAYS
        return self.closed_before(timezone.now() - timedelta(days=days))

    def page_summary(self):
        """Per page: how many responses, the average rating and the share who found what they
        were looking for (a percentage of those who answered), busiest pages first."""
        answered = Count("pk", filter=Q(found_what_looking_for__isnull=False))
        found = Count("pk", filter=Q(found_what_looking_for=True))
        return (
            self.filter(kind=Feedback.Kind.PAGE)
            .values("page_path")
            .annotate(
                responses=Count("pk"),
                average_rating=Avg("rating"),
                answered=answered,
                found=found,
            )
            .order_by("-responses", "page_path")
        )


class Feedback(models.Model):
    """One piece of feedback from the public: general feedback from /contact/feedback/, or page
    feedback from the form at the foot of content pages. Staff triage it in the admin."""

    class Kind(models.TextChoices):
        GENERAL = "general", _("General feedback")
        PAGE = "page", _("Page feedback")
        SECURITY_ADVICE = "security", _("Request for a security adviser")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(
        _("reference"),
        max_length=12,
        unique=True,
        editable=False,
        help_text=_("Given to the person who sent it. Quote it if they get in touch."),
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, help_text=_("Where it was sent from.")
    )
    page_path = models.CharField(
        _("page"),
        max_length=500,
        blank=True,
        help_text=_("For page feedback: the address of the page it is about."),
    )
    found_what_looking_for = models.BooleanField(
        _("found what they were looking for"),
        null=True,
        blank=True,
        help_text=_("For page feedback: their answer to 'Did you find what you were looking for?'"),
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("For page feedback: how useful the page was, 1 (not useful) to 5 (very)."),
    )
    comment = models.TextField(
        _("comment"),
        max_length=COMMENT_MAX_LENGTH,
        blank=True,
        help_text=_("For page feedback: the optional comment, as they wrote it."),
    )
    message = models.TextField(
        _("message"),
        max_length=MESSAGE_MAX_LENGTH,
        blank=True,
        help_text=_("For general feedback: their message, as they wrote it."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For a security adviser request: the business, venue or organisation."),
    )
    phone = models.CharField(
        _("phone number"),
        max_length=30,
        blank=True,
        help_text=_("For a security adviser request: optional, for a call back."),
    )
    name = models.CharField(_("name"), max_length=100, blank=True, help_text=_("Optional."))
    email = models.EmailField(_("email address"), blank=True, help_text=_("Optional."))
    may_reply = models.BooleanField(
        _("may reply"),
        default=False,
        help_text=_("They said the unit may reply to them by email."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.NEW,
        help_text=_("Closed feedback is deleted after the retention period."),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_feedback",
        help_text=_("Who is dealing with it."),
    )
    notes = models.TextField(
        _("internal notes"),
        blank=True,
        help_text=_("For staff only: what was done and why. Never shown to the public."),
    )
    created_at = models.DateTimeField(
        _("received"),
        default=timezone.now,
        editable=False,
        help_text=_("When it arrived. Retention is counted from here."),
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        indexes = [
            models.Index(fields=["kind", "page_path"], name="feedback_kind_page"),
            models.Index(fields=["status", "created_at"], name="feedback_status_created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="feedback_rating_1_to_5",
            ),
        ]

    def __str__(self):
        return self.reference
