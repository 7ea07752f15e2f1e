"""The context every page needs, from code, settings and the cache: never a query per request."""

from django.conf import settings

from core.emergency import reporting_context
from core.registries import site_context_providers


def static_site_context(current_path: str = "", *, use_database: bool = False) -> dict:
    """Names, ways to report and what apps add (menu, threat level, alerts).

    With use_database off it never touches the database.
    """
    context = {
        "current_path": current_path,
        "unit_name": settings.UNIT_NAME,
        "force_name": settings.FORCE_NAME,
        "site_url": settings.SITE_URL,
        "mi5_threat_level_url": settings.MI5_THREAT_LEVEL_URL,
        **reporting_context(),
    }
    for provider in site_context_providers():
        context.update(provider(current_path, use_database=use_database))
    return context


def site(request) -> dict:
    """Context processor for every page rendered with a request."""
    return static_site_context(request.path, use_database=True)
