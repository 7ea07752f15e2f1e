"""Site-wide information staff control: the national threat level and incident alerts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ctu_site.markdown import render_markdown


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

    def clean(self):
        super().clean()
        if self.took_effect_on and self.took_effect_on > timezone.localdate():
            raise ValidationError(
                {"took_effect_on": _("The date it took effect cannot be in the future.")}
            )


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
        default=Severity.URGENT,
        help_text=_("Urgent for a live incident; information for updates and advice."),
    )
    link_url = models.URLField(
        blank=True,
        max_length=500,
        help_text=_(
            "Optional. Where to read more: an incident page on this site or an official source."
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
        if self.link_text and not self.link_url:
            raise ValidationError({"link_url": _("Enter the web address the link goes to.")})

    @property
    def is_active(self) -> bool:
        now = timezone.now()
        return self.starts_at <= now and (self.ends_at is None or self.ends_at > now)
