"""The admin form every publishable model's change form is built on."""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.forms import MarkdownCheckedForm
from publishing.models import Revision


class PublishableForm(MarkdownCheckedForm):
    """The change form of anything publishable.

    - No lost update: the form carries the revision it was opened on, and a save after someone
      else has saved a newer one is refused, naming them, with a link to compare.
    - Times that have already passed are refused with a message that says what to do, instead
      of publishing something that is gone at once.
    """

    based_on_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Checked for what the sanitiser would drop, and compared as the page will look.
    markdown_fields = ("body",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["based_on_revision"].initial = self.instance.latest_revision_id
        self._drop_impossible_choices()

    def _drop_impossible_choices(self) -> None:
        """Blank a posted choice of another object that is not an id at all: the field then
        says 'select a valid choice', where the admin's autocomplete widget would otherwise
        fail (a 500) trying to show the bad value again."""
        if not self.is_bound:
            return
        impossible = [
            name
            for name, field in self.fields.items()
            if isinstance(field, forms.ModelChoiceField)
            and not isinstance(field, forms.ModelMultipleChoiceField)
            and (value := self.data.get(self.add_prefix(name)))
            and not str(value).isdigit()
        ]
        if impossible:
            self.data = self.data.copy()
            for name in impossible:
                self.data[self.add_prefix(name)] = "0"  # no object has it: "select a valid choice"

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._refuse_if_stale(cleaned.get("based_on_revision"))
        return cleaned

    def _refuse_if_stale(self, based_on: int | None) -> None:
        model = type(self.instance)
        current = model.objects.filter(pk=self.instance.pk).values_list(
            "latest_revision_id", flat=True
        )
        current = current.first()
        if current is None or current == based_on:
            return
        newer = Revision.objects.select_related("user").get(pk=current)
        meta = model._meta
        compare = reverse(
            f"admin:{meta.app_label}_{meta.model_name}_compare", args=[self.instance.pk]
        )
        who = newer.user.get_username() if newer.user else _("scheduled publishing")
        when = timezone.localtime(newer.created_at)
        raise forms.ValidationError(
            format_html(
                '{} <a href="{}?a={}&amp;b={}">{}</a>. {}',
                _("%(who)s saved a newer version at %(when)s while you were editing.")
                % {"who": who, "when": f"{when:%H:%M on %d %B %Y}"},
                compare,
                based_on or current,
                current,
                _("Compare it with the version you started from"),
                _(
                    "Your changes have not been saved: copy them, reload this page, "
                    "and make them again on the newer version."
                ),
            ),
            code="stale",
        )

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
