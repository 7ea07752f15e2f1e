"""The context every page needs, from code and settings: never a query per request."""

from django.conf import settings

from ctu_site.emergency import reporting_context
from ctu_site.navigation import navigation_items
from ctu_site.sitewide import sitewide_context


def static_site_context(current_path: str = "", *, use_database: bool = False) -> dict:
    """Names, menu and ways to report; with use_database off it never touches the database."""
    return {
        "current_path": current_path,
        "main_navigation": navigation_items(current_path, use_database=use_database),
        "unit_name": settings.UNIT_NAME,
        "force_name": settings.FORCE_NAME,
        "site_url": settings.SITE_URL,
        "mi5_threat_level_url": settings.MI5_THREAT_LEVEL_URL,
        **reporting_context(),
        **sitewide_context(use_database=use_database),
    }


def site(request) -> dict:
    """Context processor for every page rendered with a request."""
    return static_site_context(request.path, use_database=True)
