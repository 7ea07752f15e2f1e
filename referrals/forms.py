"""The questions of the Prevent referral journey, one form a page, in GOV.UK's wording style."""

import datetime as dt
import re

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core import emergency
from core.components import warning_text
from core.guards import HoneypotMixin
from referrals.models import Referral

SHORT = 200
LONG = 5000
MEDIUM = 2000
NO_NULLS = "must only include letters, numbers, spaces and punctuation"


def text(
    label,
    *,
    required_message=None,
    max_length=SHORT,
    help_text="",
    what="This answer",
    widget=None,
):
    """A text answer with GOV.UK error messages.

    Answers longer than a line (anything over SHORT characters) get a textarea, so that what
    is typed can be read back before it is sent.
    """
    if widget is None:
        widget = forms.Textarea if max_length > SHORT else forms.TextInput
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required_message is not None,
        max_length=max_length,
        widget=widget,
        error_messages={
            "required": required_message or "",
            "max_length": f"{what} must be {max_length:,} characters or fewer",
            "null_characters_not_allowed": f"{what} {NO_NULLS}",
        },
    )


def radios(label, choices, required_message, help_text=""):
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": required_message},
    )


def emergency_warning() -> str:
    return warning_text(
        format_html(
            '{} <a class="govuk-link" href="{}">{}</a> {}',
            _("If anyone is in immediate danger, do not use this form. Call"),
            emergency.EMERGENCY.tel,
            emergency.EMERGENCY.number,
            _("now."),
        )
    )


class StepForm(forms.Form):
    """A page of the journey: GOV.UK errors (no browser bubbles), one Continue button."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # A maxlength would silently cut a paste short: the error message says the limit.
            field.widget.attrs.pop("maxlength", None)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(*self.layout(), Submit("continue", "Continue"))

    def layout(self) -> list:
        raise NotImplementedError

    def answers(self) -> dict[str, str]:
        """The cleaned answers as text, as kept in the session and stored on the referral."""
        return {name: str(value or "") for name, value in self.cleaned_data.items()}


PHONE = re.compile(r"^\+?[\d\s()-]+$")


class AboutYouForm(HoneypotMixin, StepForm):
    title = "About you"

    referrer_name = text(
        "Your full name", required_message="Enter your full name", what="Your name"
    )
    referrer_role = text(
        "Your role or job title", required_message="Enter your role", what="Your role"
    )
    referrer_organisation = text(
        "Your organisation",
        required_message="Enter the name of your organisation",
        what="Your organisation",
    )
    referrer_organisation_type = radios(
        "What type of organisation is it?",
        Referral.OrganisationType.choices,
        "Select the type of organisation",
    )
    referrer_email = forms.EmailField(
        label="Your work email address",
        help_text="We will use it to contact you about this referral.",
        max_length=254,
        error_messages={
            "required": "Enter your work email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Your email address must be 254 characters or fewer",
            "null_characters_not_allowed": "Enter an email address in the correct format, "
            "like name@example.com",
        },
    )
    referrer_phone = text(
        "Your phone number",
        required_message="Enter your phone number",
        max_length=30,
        help_text="For international numbers include the country code.",
        what="Your phone number",
    )

    def layout(self):
        self.fields["referrer_email"].widget.attrs.update(
            {"autocomplete": "work email", "spellcheck": "false"}
        )
        self.fields["referrer_phone"].widget.attrs.update({"autocomplete": "work tel"})
        # One type attribute, tel, so that phones show their number keypad (a type in attrs
        # would be a second one, which browsers ignore).
        self.fields["referrer_phone"].widget.input_type = "tel"
        self.fields["referrer_name"].widget.attrs["autocomplete"] = "name"
        return [
            Field.text("referrer_name", field_width=20),
            Field.text("referrer_role", field_width=20),
            Field.text("referrer_organisation", field_width=20),
            Field.radios("referrer_organisation_type", legend_size=Size.SMALL),
            Field.text("referrer_email", field_width=20),
            Field.text("referrer_phone", field_width=10),
            self.honeypot_layout(),
        ]

    def clean_referrer_phone(self):
        phone = self.cleaned_data["referrer_phone"].strip()
        digits = re.sub(r"\D", "", phone)
        if not PHONE.match(phone) or not 10 <= len(digits) <= 15:
            raise ValidationError(
                "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192",
                code="invalid",
            )
        return phone

    def answers(self):
        answers = super().answers()
        answers.pop("website", None)  # The honeypot.
        return answers


class DateOfBirthField(DateInputField):
    """GOV.UK date input with GOV.UK messages for dates that cannot be right."""

    def compress(self, data_list):
        day, month, year = data_list
        if not (day and month and year):
            return None
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers", code="invalid")
        if len(day) > 2 or len(month) > 2:
            raise ValidationError("Date of birth must be a real date", code="invalid")
        try:
            return dt.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise ValidationError("Date of birth must be a real date", code="invalid") from None


class AboutPersonForm(StepForm):
    title = "About the person"

    person_name = text(
        "Their full name",
        required_message="Enter the name of the person you are worried about",
        what="Their name",
    )
    person_date_of_birth = DateOfBirthField(
        label="Their date of birth",
        help_text="For example, 27 3 2009. If you do not know it, give their approximate age "
        "below.",
        required=False,
        require_all_fields=False,
    )
    person_age = text(
        "Their approximate age, if you do not know their date of birth",
        max_length=30,
        help_text="For example, 15 or 'about 20'.",
        what="Their age",
    )
    person_address = text(
        "Their address, or the area where they live",
        required_message="Enter their address or the area where they live",
        max_length=500,
        what="Their address",
    )
    person_school_or_employer = text(
        "Their school, college or employer (optional)", what="Their school or employer"
    )

    def layout(self):
        return [
            Field.text("person_name", field_width=20),
            Field("person_date_of_birth"),
            Field.text("person_age", field_width=10),
            Field.textarea("person_address", rows=3),
            Field.text("person_school_or_employer", field_width=20),
        ]

    def clean_person_date_of_birth(self):
        born = self.cleaned_data.get("person_date_of_birth")
        if born is None:
            return None
        if born >= timezone.localdate():
            raise ValidationError("Date of birth must be in the past", code="invalid")
        if born.year < 1900:
            raise ValidationError("Date of birth must be after 1900", code="invalid")
        return born

    def clean(self):
        cleaned_data = super().clean()
        if (
            not self.has_error("person_date_of_birth")
            and not cleaned_data.get("person_date_of_birth")
            and not cleaned_data.get("person_age")
        ):
            self.add_error(
                "person_date_of_birth", "Enter their date of birth or their approximate age"
            )
        return cleaned_data

    def answers(self):
        answers = super().answers()
        born = self.cleaned_data.get("person_date_of_birth")
        answers["person_date_of_birth"] = born.isoformat() if born else ""
        return answers


class ConcernsForm(StepForm):
    title = "Your concerns"

    concerns = text(
        "What have you seen or heard that worries you?",
        required_message="Describe what you have seen or heard",
        max_length=LONG,
        help_text="What was said or done, where, and who was involved. Include anything seen "
        "online.",
        what="Your description",
    )
    concerns_since = text(
        "Since when have you been worried?",
        required_message="Enter when your concerns began",
        help_text="For example, since September 2026, or for about 3 months.",
        what="When your concerns began",
    )
    immediate_risk = text(
        "Is there anything that suggests a risk of harm soon? (optional)",
        max_length=MEDIUM,
        help_text="For example, talk of a date, a place, weapons or travel.",
        what="Your answer",
    )

    def layout(self):
        return [
            Field.textarea("concerns", rows=8, max_characters=LONG),
            Field.text("concerns_since", field_width=20),
            HTML(emergency_warning()),
            Field.textarea("immediate_risk", rows=4, max_characters=MEDIUM),
        ]


SHARING_BASES = [
    ("consent", "They, or a parent or carer, have agreed to the referral"),
    ("safeguarding", "Without consent, to protect them or others from harm"),
    ("other", "Another lawful basis (tell us below)"),
]


class SharingForm(StepForm):
    title = "Consent and sharing"

    person_aware = radios(
        "Does the person know you are making this referral?",
        [("yes", "Yes"), ("no", "No"), ("not_sure", "I'm not sure")],
        "Select whether the person knows about this referral",
    )
    sharing_basis = radios(
        "On what basis are you sharing this information?",
        SHARING_BASES,
        "Select the basis for sharing this information",
    )
    sharing_details = text(
        "Tell us more about the basis for sharing (optional)",
        max_length=MEDIUM,
        help_text="For example, who agreed to the referral, or the duty you are sharing under.",
        what="Your answer",
    )

    def layout(self):
        return [
            Field.radios("person_aware", legend_size=Size.SMALL),
            Field.radios("sharing_basis", legend_size=Size.SMALL),
            Field.textarea("sharing_details", rows=3, max_characters=MEDIUM),
        ]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("sharing_basis") == "other" and not cleaned_data.get("sharing_details"):
            self.add_error("sharing_details", "Tell us the lawful basis for sharing")
        return cleaned_data


class OtherAgenciesForm(StepForm):
    title = "Other agencies"

    other_agencies = text(
        "Which other agencies are already involved, if any? (optional)",
        max_length=MEDIUM,
        help_text="For example, children's social care, a safeguarding lead, a GP or the "
        "police. Leave it empty if none.",
        what="Your answer",
    )

    def layout(self):
        return [Field.textarea("other_agencies", rows=4, max_characters=MEDIUM)]


class SubmitForm(HoneypotMixin, forms.Form):
    """The 'Send referral' button on Check your answers, with the honeypot."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(self.honeypot_layout(), Submit("send", "Send referral"))


# The journey, in order: (address, form).
STEPS = [
    ("about-you", AboutYouForm),
    ("about-the-person", AboutPersonForm),
    ("concerns", ConcernsForm),
    ("sharing", SharingForm),
    ("other-agencies", OtherAgenciesForm),
]
STEP_FORMS = dict(STEPS)
