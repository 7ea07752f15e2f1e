"""Components that Python code (form layouts) renders: the same templates pages include."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


def warning_text(message: str) -> SafeString:
    """GOV.UK warning text around ``message`` (text, or HTML made safe with format_html)."""
    html = render_to_string(
        "includes/components/warning_text.html", {"message": message, "classes": ""}
    )
    return mark_safe(html)  # noqa: S308 - rendered by an autoescaping template
