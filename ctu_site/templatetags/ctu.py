"""Template tags shared by every app."""

from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.utils.html import format_html

from ctu_site.emergency import PhoneNumber

register = template.Library()


@register.simple_tag
def tel(number: PhoneNumber, css_class: str = "govuk-link") -> str:
    """A phone number as a tel: link, written as people read it aloud."""
    return format_html('<a class="{}" href="{}">{}</a>', css_class, number.tel, number.number)


@register.simple_tag(takes_context=True)
def share_by_email_url(context, title: str) -> str:
    """A mailto: link that shares the current page: no third-party widget, no tracking."""
    request = context.get("request")
    address = settings.SITE_URL + (request.path if request else "/")
    return "mailto:?" + urlencode(
        {"subject": title, "body": f"{title}\n{address}"}, quote_via=quote
    )


@register.simple_tag
def exit_this_page_url() -> str:
    """Where the 'Exit this page' button goes: an innocuous site, as on GOV.UK."""
    return settings.EXIT_THIS_PAGE_URL
