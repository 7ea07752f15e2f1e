"""One rule for every web address the site stores and links to: https, http, mailto or tel.

``SafeURLField`` checks it before every save of its model (a pre_save receiver, so that the
refusal comes before any query), not only in admin forms, so that an address written by code,
an import or the shell cannot put a ``javascript:`` link on a page.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _

ALLOWED_SCHEMES = ("https", "http", "mailto", "tel")


def validate_safe_url(value: str) -> None:
    """Refuse any address that is not https, http, mailto or tel."""
    if not value:
        return
    scheme, colon, rest = value.partition(":")
    scheme = scheme.strip().lower()
    if not colon or scheme not in ALLOWED_SCHEMES:
        raise ValidationError(
            _("Enter a web address starting with https:// (or mailto: or tel:)"),
            code="scheme",
        )
    if scheme in ("https", "http"):
        URLValidator(schemes=["https", "http"])(value)
    elif not rest.strip() or any(ch.isspace() or ch in "<>\"'" for ch in rest):
        raise ValidationError(_("Enter a valid address"), code="invalid")


class SafeURLField(models.CharField):
    """A web address, checked against ``validate_safe_url`` in forms and on every save."""

    default_validators = [validate_safe_url]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 500)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"widget": forms.URLInput, **kwargs})

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if not cls._meta.abstract and cls.__module__ != "__fake__":  # not migrations' copies
            pre_save.connect(
                self._check_before_save,
                sender=cls,
                weak=False,
                dispatch_uid=f"safe-url:{cls._meta.label}.{name}",
            )

    def _check_before_save(self, sender, instance, raw=False, **kwargs):
        if not raw:
            validate_safe_url(getattr(instance, self.attname))
