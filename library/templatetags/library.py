"""`{% load library %}`: show a media library image in a template (a lead image, say)."""

from django import template
from django.template.loader import render_to_string

from library.embeds import image_context

register = template.Library()


@register.simple_tag
def library_image(image, *, lazy: bool = True) -> str:
    """The image as pages show it; nothing when there is none. A lead image is at the top of
    the page, so it is not lazy: ``{% library_image item.lead_image lazy=False %}``."""
    if not image:
        return ""
    return render_to_string("library/embed_image.html", image_context(image, lazy=lazy))
