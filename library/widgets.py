"""The lead image field in the staff site: the autocomplete search by title, with a thumbnail of
the chosen image beneath it, so staff see the photo they picked, not only its title."""

from django.contrib.admin.widgets import AutocompleteSelect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from library import renditions
from library.models import Image


class LeadImageSelect(AutocompleteSelect):
    def render(self, name, value, attrs=None, renderer=None):
        select = super().render(name, value, attrs, renderer)
        image = Image.objects.filter(pk=value).first() if str(value or "").isdigit() else None
        if image is None:
            note = ""
        elif image.decorative:
            note = _("Decorative: no alt text.")
        else:
            note = _("Alt text: %(alt)s") % {"alt": image.alt_text}
        return format_html(
            '{}<div class="app-admin-lead-image" id="{}-preview" data-saved="{}" '
            'data-thumbnail-address="{}"{}>'
            '<img{} alt="" width="160"><p class="help">{}</p></div>',
            select,
            (attrs or {}).get("id", f"id_{name}"),
            image.pk if image else "",
            # The script swaps the 0 for the chosen image's id (static/js/library-chooser.js).
            reverse("admin:library_image_thumbnail", args=[0]),
            "" if image else mark_safe(" hidden"),
            format_html(
                ' src="{}"',
                renditions.thumbnail_url(image),
            )
            if image
            else "",
            note,
        )

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs["data-lead-image"] = ""
        return attrs


class LeadImageAdminMixin:
    """For a ModelAdmin with ``lead_image`` in ``autocomplete_fields``."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "lead_image":
            kwargs["widget"] = LeadImageSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
