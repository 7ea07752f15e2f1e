"""What staff tell the whole site at once: the national threat level, incident alerts shown on
every page, and incident pages with timestamped updates."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import announcements
from core.announcements import Announcement
from core.emergency import PhoneNumber
from core.markdown import render_markdown
from core.validators import SafeURLField
from library.models import Image


class ThreatLevel(models.Model):
    """One of the five UK threat levels, with the wording the public sees for it."""

    class Code(models.TextChoices):
        LOW = "low", _("Low")
        MODERATE = "moderate", _("Moderate")
        SUBSTANTIAL = "substantial", _("Substantial")
        SEVERE = "severe", _("Severe")
        CRITICAL = "critical", _("Critical")

    code = models.CharField(max_length=20, choices=Code.choices, unique=True, editable=False)
    rank = models.PositiveSmallIntegerField(unique=True, editable=False)
    meaning = models.CharField(
        max_length=120,
        help_text=_("What the level means, as a short phrase: 'an attack is likely'."),
    )
    public_advice = models.TextField(
        blank=True,
        help_text=_("What the public should do at this level. Plain text, a few sentences."),
    )

    class Meta:
        ordering = ["rank"]

    def __str__(self):
        return self.get_code_display()

    @property
    def name(self) -> str:
        return self.get_code_display()

    def announcement(self) -> Announcement:
        """The email subscribers would get if the level changed to this one today (the
        preview of this wording)."""
        return ThreatLevelChange(level=self, took_effect_on=timezone.localdate()).announcement()


class ThreatLevelChangeQuerySet(models.QuerySet):
    def current(self):
        return self.select_related("level").order_by("-took_effect_on", "-created_at").first()


class ThreatLevelChange(models.Model):
    """A record that the national threat level was set (or confirmed unchanged) on a date."""

    level = models.ForeignKey(
        ThreatLevel,
        on_delete=models.PROTECT,
        help_text=_("The national threat level now in force."),
    )
    took_effect_on = models.DateField(
        help_text=_("The date the level took effect, as announced by MI5 (UK date).")
    )
    note = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Optional. For staff only: why or where it was announced."),
    )
    confirmed_at = models.DateTimeField(
        default=timezone.now,
        help_text=_("When someone last checked this is still the current level."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ThreatLevelChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-took_effect_on", "-created_at"]
        get_latest_by = ["took_effect_on", "created_at"]
        verbose_name = "threat level change"

    def __str__(self):
        return f"{self.level} from {self.took_effect_on:%-d %B %Y}"

    def announcement(self, *, previous: "ThreatLevelChange | None" = None) -> Announcement:
        """The email to threat-level subscribers: the new level, what it means, what to do."""
        level = self.level
        if previous is None or previous.level.rank == level.rank:
            subject = f"The UK national threat level is {level.name.lower()}"
        else:
            moved = "raised" if level.rank > previous.level.rank else "lowered"
            subject = f"The UK national threat level has been {moved} to {level.name.lower()}"
        text = (
            f"From {self.took_effect_on:%-d %B %Y} the national threat level is "
            f"{level.name.upper()}: {level.meaning}."
        )
        if level.public_advice:
            text += f"\n\n{level.public_advice}"
        return Announcement(
            topic=announcements.THREAT_LEVEL,
            source=f"alerts.threatlevelchange:{self.pk}",
            subject=subject,
            path=reverse("alerts:threat-level"),
            text=text,
            urgent=True,
        )

    def clean(self):
        super().clean()
        if self.took_effect_on and self.took_effect_on > timezone.localdate():
            raise ValidationError(
                {"took_effect_on": _("The date it took effect cannot be in the future.")}
            )


class IncidentAlertQuerySet(models.QuerySet):
    def not_ended(self, *, at=None):
        """Alerts showing now or due to show later."""
        return self.exclude(ends_at__lte=at or timezone.now())

    def showing(self, *, at=None):
        """Alerts showing at ``at`` (now): started and not ended."""
        now = at or timezone.now()
        return self.not_ended(at=now).filter(starts_at__lte=now)


class IncidentAlert(models.Model):
    """A site-wide alert shown at the top of every page during a major incident."""

    class Severity(models.TextChoices):
        URGENT = "urgent", _("Urgent")
        INFORMATION = "information", _("Information")

    headline = models.CharField(
        max_length=120, help_text=_("Short and plain: 'Incident in Birmingham city centre'.")
    )
    message = models.TextField(
        max_length=1000,
        help_text=_("What people should do now. Markdown; keep it to two or three sentences."),
    )
    message_html = models.TextField(blank=True, editable=False)
    severity = models.CharField(
        max_length=20,
        choices=Severity.choices,
        default=Severity.INFORMATION,
        help_text=_(
            "Information for updates and advice; urgent only for a live incident where people "
            "must act now (it shows in red)."
        ),
    )
    incident = models.ForeignKey(
        "Incident",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="alerts",
        help_text=_(
            "Optional. The incident page on this site to link to. It is linked once it is shown "
            "on the site."
        ),
    )
    link_url = SafeURLField(
        blank=True,
        max_length=500,
        help_text=_(
            "Optional. Or a link to an official source elsewhere, such as another force's page."
        ),
    )
    link_text = models.CharField(
        max_length=80, blank=True, help_text=_("Optional. The words of the link.")
    )
    starts_at = models.DateTimeField(
        default=timezone.now, help_text=_("UK time. The alert appears at this time.")
    )
    ends_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Optional. UK time. The alert disappears at this time.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = IncidentAlertQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.message_html = render_markdown(self.message)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end time must be after the start time.")})
        if self.link_url and not self.link_url.startswith(("https://", "http://")):
            raise ValidationError({"link_url": _("Enter a web address starting with https://")})
        if self.incident_id and self.link_url:
            raise ValidationError(
                {"link_url": _("Link to an incident page or to another address, not both.")}
            )
        if self.link_text and not (self.link_url or self.incident_id):
            raise ValidationError(
                {"link_url": _("Choose an incident page or enter the address the link goes to.")}
            )

    @property
    def is_active(self) -> bool:
        """Showing now: the same rule as ``IncidentAlert.objects.showing()``."""
        return self.shows_at(timezone.now())

    def shows_at(self, moment) -> bool:
        return self.starts_at <= moment and (self.ends_at is None or self.ends_at > moment)


class IncidentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Incident(models.Model):
    # Its body may show media library files: the library keeps track of which (library.usage).
    shows_library_files = True

    """A page about a major incident, with timestamped updates, newest first.

    Made for speed during an incident: a Publisher ticks "Show on the site" and it is live on
    the next request, and each update is live as soon as it is saved. Point an incident alert at
    it so that every page links here.
    """

    class Status(models.TextChoices):
        ONGOING = "ongoing", _("Ongoing")
        ENDED = "ended", _("Ended")

    title = models.CharField(
        max_length=120, help_text=_("Plain and factual: 'Incident in Birmingham city centre'.")
    )
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text=_("The last part of the address: /incidents/name-of-the-incident/."),
    )
    summary = models.CharField(
        max_length=300,
        help_text=_("What happened and what people should do, in one or two sentences."),
    )
    body = models.TextField(
        blank=True,
        max_length=20_000,
        help_text=_(
            "Optional. Background and advice that does not change often, in Markdown. Put news "
            "as it happens in the updates below."
        ),
    )
    body_html = models.TextField(blank=True, editable=False)
    lead_image = models.ForeignKey(
        Image,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Optional. A photo or map from the Media library, shown under the summary. Public "
            "as soon as the incident page is."
        ),
    )
    casualty_bureau_number = models.CharField(
        _("casualty bureau number"),
        max_length=30,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[\d ]{3,20}$", _("Enter the number as it is dialled, like 0800 056 0944")
            )
        ],
        help_text=_(
            "Once the casualty bureau opens: the number for people worried about someone who "
            "may have been there. Shown at the top of the page as a link to call."
        ),
    )
    footage_upload_url = SafeURLField(
        _("address for uploading photos and videos"),
        max_length=500,
        blank=True,
        help_text=_(
            "Once the police open a public portal for this incident (such as the Major Incident "
            "Public Portal): its address for this incident."
        ),
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ONGOING)
    published = models.BooleanField(
        _("show on the site"),
        default=False,
        help_text=_("Tick to publish the page now. Untick to take it off the site."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(
        default=timezone.now, editable=False, help_text=_("When the page or an update changed.")
    )

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        self.updated_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("alerts:incident", args=[self.slug])

    def announcement(self) -> Announcement:
        """The email to incident subscribers when this page is first on the site."""
        return Announcement(
            topic=announcements.INCIDENTS,
            source=f"alerts.incident:{self.pk}",
            subject=self.title,
            path=self.get_absolute_url(),
            text=self.summary,
            html=self.body_html,
            urgent=True,
        )

    @property
    def casualty_bureau(self) -> PhoneNumber | None:
        if not self.casualty_bureau_number:
            return None
        return PhoneNumber(
            key="casualty_bureau",
            name=_("Casualty bureau"),
            number=self.casualty_bureau_number,
            description=_("For people worried about someone who may have been there."),
        )

    @property
    def is_ongoing(self) -> bool:
        return self.status == self.Status.ONGOING


class IncidentUpdate(models.Model):
    """One timestamped update on an incident page."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="updates")
    posted_at = models.DateTimeField(
        default=timezone.now, help_text=_("UK time. Shown with the update.")
    )
    text = models.TextField(
        max_length=5000, help_text=_("What has changed and what people should do. Markdown.")
    )
    text_html = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["-posted_at", "-pk"]

    def __str__(self):
        return f"{timezone.localtime(self.posted_at):%-d %B %Y %H:%M}"

    def save(self, *args, **kwargs):
        self.text_html = render_markdown(self.text)
        super().save(*args, **kwargs)
        # The incident shows when it last changed; an update is a change.
        self.incident.save(update_fields=["updated_at"])

    def announcement(self) -> Announcement:
        when = timezone.localtime(self.posted_at)
        return Announcement(
            topic=announcements.INCIDENTS,
            source=f"alerts.incidentupdate:{self.pk}",
            subject=f"Update at {when:%H:%M}: {self.incident.title}",
            path=self.incident.get_absolute_url(),
            text=self.text,
            html=self.text_html or render_markdown(self.text),
            urgent=True,
        )
