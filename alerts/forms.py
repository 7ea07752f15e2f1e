"""Admin forms for what staff tell the whole site: Markdown is checked as on every page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from alerts.models import ThreatLevelChange
from core.forms import MarkdownCheckedForm


def email_subscribers_field(help_text: str) -> forms.BooleanField:
    """The tick that emails subscribers when the form is saved: ticked unless staff untick it."""
    return forms.BooleanField(
        label=_("Email subscribers"), initial=True, required=False, help_text=help_text
    )


class ThreatLevelChangeForm(forms.ModelForm):
    email_subscribers = email_subscribers_field(
        _(
            "People subscribed to threat-level changes are emailed the new level, what it "
            "means and what to do, as soon as you save. Only when the level changes."
        )
    )

    class Meta:
        model = ThreatLevelChange
        fields = ("level", "took_effect_on", "note")


class IncidentAlertForm(MarkdownCheckedForm):
    markdown_fields = ("message",)


class IncidentForm(MarkdownCheckedForm):
    markdown_fields = ("body",)

    email_subscribers = email_subscribers_field(
        _(
            "When you save, people subscribed to incident updates are emailed each new update "
            "below and, the first time the page is on the site, the incident itself. Untick "
            "to correct a typo without emailing anyone. Nothing is sent while the page is not "
            "on the site."
        )
    )


class IncidentUpdateForm(MarkdownCheckedForm):
    markdown_fields = ("text",)
