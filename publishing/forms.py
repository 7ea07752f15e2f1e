"""The admin form every publishable model's change form is built on."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublishableForm(forms.ModelForm):
    """Refuses times that have already passed when staff set them, with a message that says
    what to do, instead of publishing something that is gone at once."""

    def _not_passed(self, name: str, message: str):
        value = self.cleaned_data.get(name)
        if name in self.changed_data and value is not None and value <= timezone.now():
            raise forms.ValidationError(message)
        return value

    def clean_go_live_at(self):
        return self._not_passed(
            "go_live_at", _("That time has passed. Leave it empty to publish straight away.")
        )

    def clean_expire_at(self):
        return self._not_passed(
            "expire_at", _("That time has passed. Clear it, or set a later time.")
        )
