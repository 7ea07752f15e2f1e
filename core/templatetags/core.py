"""Template tags shared by every app: `{% load core %}`."""

import datetime as dt
from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.emergency import PhoneNumber
from core.markdown import expand_embeds

register = template.Library()


@register.simple_tag
def tel(number: PhoneNumber, css_class: str = "govuk-link") -> str:
    """A phone number as a tel: link, written as people read it aloud."""
    return format_html('<a class="{}" href="{}">{}</a>', css_class, number.tel, number.number)


@register.filter
def embeds(html: str) -> str:
    """Sanitised body HTML (``core.markdown``), with its media library files shown as they
    are now. Only for the output of ``render_markdown``: it marks the result safe."""
    return mark_safe(expand_embeds(html or ""))  # noqa: S308 - sanitised when it was rendered


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


@register.filter
def uk_time(value) -> str:
    """A date and time in GOV.UK style, in UK time: '1 June 2026 at 3pm', '… at 3:30pm'.

    Midday and midnight are written as words, as GOV.UK's style guide asks.
    """
    if not value:
        return ""
    local = timezone.localtime(value)
    if (local.hour, local.minute) == (12, 0):
        clock = "midday"
    elif (local.hour, local.minute) == (0, 0):
        clock = "midnight"
    else:
        hour = local.hour % 12 or 12
        minutes = f":{local.minute:02d}" if local.minute else ""
        clock = f"{hour}{minutes}{'am' if local.hour < 12 else 'pm'}"
    return f"{local.day} {local:%B %Y} at {clock}"


@register.filter
def machine_time(value) -> str:
    """A date and time for a <time datetime> attribute: ISO 8601 in UK time, to the second.

    Django's 'c' format keeps microseconds, which HTML's date-time syntax does not allow (it
    takes at most three digits of a second).
    """
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).replace(microsecond=0).isoformat()
    return value.isoformat()


# Components (templates/includes/components/): tags rather than {% include %}, so that every
# argument has its default and rendering never falls back on a failed variable lookup, which
# costs more than the markup itself.


@register.inclusion_tag("includes/components/card.html")
def card(title, url, description, *, level=3, published=None, meta=""):
    """One card in an app-card-list (a <ul>): a page, a strand, an operation, a news item."""
    return {
        "title": title,
        "url": url,
        "description": description,
        # A string: rendering an int goes through number localisation, slow for a tag name.
        "level": str(level),
        "published": published,
        "meta": meta,
    }


@register.inclusion_tag("includes/components/warning_text.html")
def warning_text(message, *, classes=""):
    """GOV.UK warning text; ``message`` is text, or HTML made safe (format_html)."""
    return {"message": message, "classes": classes}


@register.inclusion_tag("includes/components/document_list_item.html")
def document_list_item(title, url, summary, *, published=None, updated=None, ongoing=None):
    """One dated document in a list (news, incidents); ``ongoing`` shows an incident's tag."""
    return {
        "title": title,
        "url": url,
        "summary": summary,
        "published": published,
        "updated": updated,
        "ongoing": ongoing,
    }


@register.inclusion_tag("includes/components/status_tag.html")
def status_tag(ongoing):
    """An incident's status as a GOV.UK tag."""
    return {"ongoing": ongoing}


@register.inclusion_tag("includes/components/key_facts.html")
def key_facts(facts, *, heading=""):
    """A summary list of facts: rows of {"key", "value"} and optionally "url" or "date"."""
    return {"facts": facts, "heading": heading}
