"""The context every page needs, from code and settings: never a query per request."""

from django.conf import settings

from ctu_site.emergency import reporting_context
from ctu_site.navigation import navigation_items


def static_site_context(current_path: str = "") -> dict:
    """Names, menu and ways to report, safe to render with the database down."""
    return {
        "current_path": current_path,
        "main_navigation": navigation_items(current_path),
        "unit_name": settings.UNIT_NAME,
        "force_name": settings.FORCE_NAME,
        "site_url": settings.SITE_URL,
        **reporting_context(),
    }


def site(request) -> dict:
    """Context processor for every page rendered with a request."""
    return static_site_context(request.path)
