"""Template tags for the contact app's reusable parts."""

from functools import cache

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from contact.forms import PageFeedbackForm

register = template.Library()

# Stands in for the page's address in the one rendering of the blank form that every page shares.
_PAGE_PATH_SLOT = "page-feedback-path-slot-4f1c"


def _render_blank_form(page_path: str) -> str:
    form = PageFeedbackForm(initial={"page_path": page_path})
    return render_to_string("contact/includes/page_feedback_form.html", {"form": form})


@cache
def _blank_form_template() -> str:
    return _render_blank_form(_PAGE_PATH_SLOT)


@register.simple_tag
def page_feedback_form(page_path: str) -> SafeString:
    """An empty page-feedback form for the page at ``page_path``; no per-visitor data in it.

    The blank form is the same on every page but for its hidden page address, and rendering it
    through crispy-forms cost more than the rest of a content page, so outside development it is
    rendered once per process and only the (escaped) address is put in.
    """
    if settings.DEBUG:  # templates may change under the development server
        return mark_safe(_render_blank_form(page_path))  # noqa: S308 - rendered by autoescaping templates
    html = _blank_form_template()
    # Safe: html comes from autoescaping templates, and the only text put in is escaped here.
    return mark_safe(html.replace(_PAGE_PATH_SLOT, escape(page_path)))  # noqa: S308
