"""Template tags for the staff admin."""

from django import template

from alerts.admin import stale_threat_level_warning as warning

register = template.Library()


@register.simple_tag(takes_context=True)
def stale_threat_level_warning(context) -> str:
    return warning(context["request"])
