"""Template tags for the contact app's reusable parts."""

from django import template

from contact.forms import PageFeedbackForm

register = template.Library()


@register.inclusion_tag("contact/includes/page_feedback_form.html")
def page_feedback_form(page_path: str) -> dict:
    """An empty page-feedback form for the page at ``page_path``; no per-visitor data in it."""
    return {"form": PageFeedbackForm(initial={"page_path": page_path})}
