"""The public feedback forms, with GOV.UK wording and layout."""

import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Layout, Size, Submit
from django import forms
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from contact.models import COMMENT_MAX_LENGTH, MESSAGE_MAX_LENGTH, Feedback
from core import emergency
from core.components import warning_text
from core.guards import HoneypotMixin

PHONE = re.compile(r"\+?[\d\s()-]{6,30}")
PAGE_PATH_ERROR = _("Go back to the page and send your feedback from there")


def not_monitored_warning() -> str:
    """The plain warning every feedback form carries: not for reports, with the numbers."""
    message = format_html(
        '{} <a class="govuk-link" href="{}">{}</a> {} <a class="govuk-link" href="{}">{}</a>.',
        _("This form is not monitored for reports of terrorism. In an emergency call"),
        emergency.EMERGENCY.tel,
        emergency.EMERGENCY.number,
        _("or, to report something suspicious, call the Anti-Terrorist Hotline on"),
        emergency.ANTI_TERRORIST_HOTLINE.tel,
        emergency.ANTI_TERRORIST_HOTLINE.number,
    )
    return warning_text(message)


class FeedbackForm(HoneypotMixin, forms.ModelForm):
    """General feedback about the website or the unit's work, from /contact/feedback/."""

    class Meta:
        model = Feedback
        fields = ["message", "name", "email", "may_reply"]
        labels = {
            "message": _("Your feedback"),
            "name": _("Your name (optional)"),
            "email": _("Email address (optional)"),
            "may_reply": _("You may reply to me by email"),
        }
        help_texts = {
            "message": _(
                "Tell us what you think about this website or our work. "
                "Do not include personal details you do not want us to keep."
            ),
            "name": "",
            "email": _("Only if you would like a reply. We will not use it for anything else."),
            "may_reply": "",
        }
        error_messages = {
            "message": {
                "required": _("Enter your feedback"),
                "max_length": _("Your feedback must be 2,000 characters or fewer"),
                "null_characters_not_allowed": _(
                    "Your feedback must only include letters, numbers, spaces and punctuation"
                ),
            },
            "name": {
                "max_length": _("Your name must be 100 characters or fewer"),
                "null_characters_not_allowed": _(
                    "Your name must only include letters, numbers, spaces and punctuation"
                ),
            },
            "email": {
                "invalid": _("Enter an email address in the correct format, like name@example.com"),
                "max_length": _("Email address must be 254 characters or fewer"),
                "null_characters_not_allowed": _(
                    "Enter an email address in the correct format, like name@example.com"
                ),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].required = True
        # The GOV.UK character count tells people the limit; a maxlength would cut pastes short.
        self.fields["message"].widget.attrs.pop("maxlength", None)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.helper = FormHelper()
        # GOV.UK errors, not the browser's own bubbles, which are hard to read and to zoom.
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.textarea(
                "message", label_size=Size.MEDIUM, rows=8, max_characters=MESSAGE_MAX_LENGTH
            ),
            Field.text("name", field_width=20),
            Field.text("email", field_width=20),
            Field.checkbox("may_reply"),
            self.honeypot_layout(),
            Submit("submit", _("Send feedback")),
        )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("may_reply") and not cleaned_data.get("email"):
            self.add_error(
                "email",
                _("Enter your email address if you would like a reply"),
            )
        return cleaned_data


class SecurityAdviceForm(HoneypotMixin, forms.ModelForm):
    """A business, venue or organisation asks for a Counter Terrorism Security Adviser."""

    class Meta:
        model = Feedback
        fields = ["organisation", "message", "name", "email", "phone"]
        labels = {
            "organisation": _("Name of your business, venue or organisation"),
            "message": _("What would you like advice about?"),
            "name": _("Your name"),
            "email": _("Your email address"),
            "phone": _("Your phone number (optional)"),
        }
        help_texts = {
            "organisation": _("Include the town or postcode of the site you would like advice on."),
            "message": _(
                "For example, protecting a venue that holds events, preparing for Martyn's Law, "
                "or training for your staff. Do not use this form to report anything suspicious."
            ),
            "name": "",
            "email": _("The security adviser will reply to this address."),
            "phone": _("If you would like a call back."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = {
            "organisation": (
                _("Enter the name of your business, venue or organisation"),
                _("The name must be 200 characters or fewer"),
            ),
            "message": (
                _("Enter what you would like advice about"),
                _("Your request must be 2,000 characters or fewer"),
            ),
            "name": (_("Enter your name"), _("Your name must be 100 characters or fewer")),
            "email": (
                _("Enter your email address"),
                _("Email address must be 254 characters or fewer"),
            ),
            "phone": (None, _("Your phone number must be 30 characters or fewer")),
        }
        for name, (required, too_long) in messages.items():
            field = self.fields[name]
            field.required = required is not None
            field.error_messages.update(
                {
                    "required": required or "",
                    "max_length": too_long,
                    "null_characters_not_allowed": _(
                        "Your answer must only include letters, numbers, spaces and punctuation"
                    ),
                }
            )
            field.widget.attrs.pop("maxlength", None)
        self.fields["email"].error_messages["invalid"] = _(
            "Enter an email address in the correct format, like name@example.com"
        )
        self.fields["email"].widget.attrs.update(
            {"autocomplete": "work email", "spellcheck": "false"}
        )
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs["autocomplete"] = "work tel"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.text("organisation", field_width=20),
            Field.textarea("message", rows=6, max_characters=MESSAGE_MAX_LENGTH),
            Field.text("name", field_width=20),
            Field.text("email", field_width=20),
            Field.text("phone", field_width=10),
            self.honeypot_layout(),
            Submit("submit", _("Send request")),
        )

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "")
        if phone and not PHONE.fullmatch(phone):
            raise forms.ValidationError(
                _("Enter a telephone number, like 01632 960 001 or +44 808 157 0192")
            )
        return phone


class PageFeedbackForm(HoneypotMixin, forms.ModelForm):
    """Feedback about one content page: found it or not, a rating, an optional comment.

    Rendered at the foot of cached pages, so it carries no CSRF token; the endpoint checks the
    origin instead. The two radio questions are declared here because the model keeps them
    nullable (general feedback has neither).
    """

    found_what_looking_for = forms.TypedChoiceField(
        label=_("Did you find what you were looking for?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select yes if you found what you were looking for"),
            "invalid_choice": _("Select yes if you found what you were looking for"),
        },
    )
    rating = forms.TypedChoiceField(
        label=_("How useful was this page?"),
        help_text=_("1 is not useful at all, 5 is very useful."),
        choices=[
            ("1", _("1 (not useful)")),
            ("2", "2"),
            ("3", "3"),
            ("4", "4"),
            ("5", _("5 (very useful)")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select how useful this page was"),
            "invalid_choice": _("Select how useful this page was"),
        },
    )

    class Meta:
        model = Feedback
        fields = ["page_path", "found_what_looking_for", "rating", "comment"]
        widgets = {"page_path": forms.HiddenInput}
        labels = {"comment": _("How could we improve this page? (optional)")}
        help_texts = {
            "comment": _("Do not include personal details, such as your name or address."),
            "page_path": "",
        }
        error_messages = {
            "page_path": {
                "required": PAGE_PATH_ERROR,
                "max_length": PAGE_PATH_ERROR,
                "null_characters_not_allowed": PAGE_PATH_ERROR,
            },
            "comment": {
                "max_length": _("Your comment must be 1,000 characters or fewer"),
                "null_characters_not_allowed": _(
                    "Your comment must only include letters, numbers, spaces and punctuation"
                ),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page_path"].required = True
        self.fields["comment"].widget.attrs.pop("maxlength", None)
        self.helper = FormHelper()
        self.helper.form_action = reverse_lazy("contact:page-feedback")
        self.helper.attrs = {"novalidate": ""}
        # The form sits in cached pages: no per-visitor token (the endpoint checks the origin).
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "page_path",
            Field.radios("found_what_looking_for", legend_size=Size.SMALL, inline=True),
            Field.radios("rating", legend_size=Size.SMALL, inline=True),
            HTML(not_monitored_warning()),
            Field.textarea("comment", rows=4, max_characters=COMMENT_MAX_LENGTH),
            self.honeypot_layout(),
            Submit("submit", _("Send feedback"), css_class="govuk-button--secondary"),
        )

    def clean_page_path(self):
        path = self.cleaned_data["page_path"]
        if not path.startswith("/") or not url_has_allowed_host_and_scheme(
            path, allowed_hosts=set()
        ):
            raise forms.ValidationError(PAGE_PATH_ERROR, code="invalid")
        return path

    def clean(self):
        cleaned_data = super().clean()
        # The page address is a hidden field, and the error summary lists visible fields only.
        if self.has_error("page_path"):
            self.add_error(None, PAGE_PATH_ERROR)
        return cleaned_data
