"""The subscribe and manage forms, with GOV.UK wording and layout."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

from core.guards import HoneypotMixin
from updates.models import Frequency, Topic

EMAIL_FORMAT = _("Enter an email address in the correct format, like name@example.com")


class ChoicesForm(forms.Form):
    """What to receive, and how often for news."""

    topics = forms.MultipleChoiceField(
        label=_("What would you like emails about?"),
        help_text=_("Select all that apply."),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Select at least one thing you would like emails about"),
            "invalid_choice": _("Select at least one thing you would like emails about"),
        },
    )
    news_frequency = forms.ChoiceField(
        label=_("How often would you like news?"),
        help_text=_(
            "Only if you chose news. Threat-level changes and incident updates are always sent "
            "as soon as they are published."
        ),
        choices=Frequency.choices,
        initial=Frequency.IMMEDIATELY,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select how often you would like news"),
            "invalid_choice": _("Select how often you would like news"),
        },
    )

    submit_label = _("Save")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(*self.layout_fields(), Submit("submit", self.submit_label))

    def layout_fields(self):
        return [
            Field.checkboxes("topics", legend_size=Size.MEDIUM),
            Field.radios("news_frequency", legend_size=Size.SMALL),
        ]

    def choices(self) -> dict:
        return {
            "topics": list(self.cleaned_data["topics"]),
            "news_frequency": self.cleaned_data["news_frequency"],
        }


class SubscribeForm(HoneypotMixin, ChoicesForm):
    """An email address and the choices: nothing else is asked."""

    email = forms.CharField(
        label=_("Email address"),
        help_text=_("We will send you an email to check it is yours."),
        max_length=254,
        error_messages={
            "required": _("Enter your email address"),
            "max_length": _("Email address must be 254 characters or fewer"),
            "null_characters_not_allowed": EMAIL_FORMAT,
        },
    )
    field_order = ["email", "topics", "news_frequency"]
    submit_label = _("Subscribe")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widget = self.fields["email"].widget
        widget.input_type = "email"
        widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        # The error message tells people the limit; a maxlength would cut a paste short.
        widget.attrs.pop("maxlength", None)

    def layout_fields(self):
        return [
            Field.text("email", field_width=20),
            *super().layout_fields(),
            self.honeypot_layout(),
        ]

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        # Django's validator refuses line breaks and other characters a header could be made
        # to carry; the address is also never longer than a mail server accepts.
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in email):
            raise forms.ValidationError(EMAIL_FORMAT)
        EmailValidator(message=EMAIL_FORMAT)(email)
        return email
