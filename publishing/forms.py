"""The admin form every publishable model's change form is built on."""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.forms import MarkdownCheckedForm
from publishing.models import Revision

MAJOR, MINOR = "major", "minor"
ANNOUNCE_FIELDS = ("update_type", "change_note")


class PublishableForm(MarkdownCheckedForm):
    """The change form of anything publishable.

    - No lost update: the form carries the revision it was opened on, and a save after someone
      else has saved a newer one is refused, naming them, with a link to compare.
    - Times that have already passed are refused with a message that says what to do, instead
      of publishing something that is gone at once.
    - For content that subscribers are emailed about (``announcement_topic``), GOV.UK's major
      or minor change: publishing a change to something already published needs the choice,
      and a major change a note of what changed, which the email carries.
    """

    based_on_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    update_type = forms.ChoiceField(
        label=_("Email subscribers about this?"),
        choices=[
            (MAJOR, _("Yes: a major change. Subscribers are emailed when it is published.")),
            (MINOR, _("No: a minor change, such as a typo or a broken link.")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    change_note = forms.CharField(
        label=_("What changed"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "One sentence for the email, e.g. 'Added advice on deliveries to venues.' Needed for "
            "a major change to something already published."
        ),
    )
    # Checked for what the sanitiser would drop, and compared as the page will look.
    markdown_fields = ("body",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["based_on_revision"].initial = self.instance.latest_revision_id
        self._set_up_announcing()
        self._drop_impossible_choices()

    @property
    def announces(self) -> bool:
        return "update_type" in self.fields

    def _set_up_announcing(self) -> None:
        """Offer the major/minor choice only where subscribers can be emailed, filled in from
        the draft's own choice (an Editor's, for the Publisher to see)."""
        instance = self.instance
        if not instance.announces or (instance.pk and instance.announcement_topic() is None):
            for name in ANNOUNCE_FIELDS:
                del self.fields[name]
            return
        latest = instance.latest_revision if instance.pk else None
        if latest is not None and latest.pk != instance.live_revision_id:
            self.fields["update_type"].initial = MAJOR if latest.notify_subscribers else MINOR
            self.fields["change_note"].initial = latest.change_note
        elif instance.first_published_at is None:
            self.fields["update_type"].initial = MAJOR
        # Something already published, with no choice made yet: the Publisher makes it.

    @property
    def changed_data(self):
        """Content and structure only: how a change is announced is not a change to it (the
        object's history would otherwise say 'Changed Email subscribers about this?')."""
        return [name for name in super().changed_data if name not in ANNOUNCE_FIELDS]

    @property
    def notify_subscribers(self) -> bool | None:
        """The choice made, for ``draft_save``: None where there is none to make."""
        if not self.announces or not self.cleaned_data.get("update_type"):
            return None
        return self.cleaned_data["update_type"] == MAJOR

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
        if self.announces:
            self._check_update_type(cleaned)
        return cleaned

    def _check_update_type(self, cleaned: dict) -> None:
        published_before = self.instance.first_published_at is not None
        update_type = cleaned.get("update_type")
        if published_before and "_publish" in self.data and not update_type:
            self.add_error(
                "update_type",
                _("Choose whether to email subscribers about this change: Yes or No."),
            )
        if published_before and update_type == MAJOR and not cleaned.get("change_note"):
            self.add_error(
                "change_note",
                _(
                    "Say in a sentence what changed, for the email, or choose No if "
                    "subscribers need not hear about it."
                ),
            )

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
