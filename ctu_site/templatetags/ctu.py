"""Template tags shared by every app."""

from django import template
from django.utils.html import format_html

from ctu_site.emergency import PhoneNumber

register = template.Library()


@register.simple_tag
def tel(number: PhoneNumber, css_class: str = "govuk-link") -> str:
    """A phone number as a tel: link, written as people read it aloud."""
    return format_html('<a class="{}" href="{}">{}</a>', css_class, number.tel, number.number)
