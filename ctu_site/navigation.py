"""The main navigation shown in every page's header.

Fixed entries for the parts of the site that are not pages (operations, news, contact) are
merged with the top-level pages staff mark "show in menus", in the order staff set. The merged
menu is cached under the content version, so it costs no query per request.
"""

from django.core.cache import cache
from django.db import DatabaseError
from django.utils.translation import gettext_lazy as _

from core.content_version import get_content_version
from core.registries import register_site_context
from pages.models import Page

# (label, address, position): pages take their positions from their own sort order.
FIXED_ENTRIES = (
    (_("Home"), "/", 0),
    (_("Operations"), "/operations/", 20),
    (_("News"), "/news/", 40),
    (_("Contact"), "/contact/", 50),
)
MENU_SECONDS = 24 * 60 * 60
# Used when the database cannot be asked: the error pages and outages.
FALLBACK_ENTRIES = (
    *FIXED_ENTRIES,
    (_("CONTEST"), "/contest/", 10),
    (_("Advice for the public"), "/advice-for-the-public/", 15),
    (_("Advice for businesses"), "/advice-for-businesses/", 30),
)


def _entries_from_database() -> list[tuple[str, str]]:
    entries = [(str(label), url, position) for label, url, position in FIXED_ENTRIES]
    entries += Page.objects.menu_entries()
    return [(label, url) for label, url, _position in sorted(entries, key=lambda e: e[2])]


def menu_entries(*, use_database: bool = True) -> list[tuple[str, str]]:
    """The menu's (label, address) pairs, from the cache, the database, or the fallback."""
    fallback = [
        (str(label), url) for label, url, _p in sorted(FALLBACK_ENTRIES, key=lambda e: e[2])
    ]
    if not use_database:
        return fallback
    key = f"main-menu:{get_content_version()}"
    entries = cache.get(key)
    if entries is None:
        try:
            entries = _entries_from_database()
        except DatabaseError:
            return fallback
        # Keyed by the content version: an old version's menu expires instead of lingering.
        cache.set(key, entries, MENU_SECONDS)
    return entries


def navigation_items(current_path: str, *, use_database: bool = True) -> list[dict]:
    """The menu with the section the visitor is in marked as current."""
    items = []
    for label, url in menu_entries(use_database=use_database):
        current = current_path == url if url == "/" else current_path.startswith(url)
        items.append({"label": label, "url": url, "current": current})
    return items


@register_site_context
def navigation_context(current_path: str, *, use_database: bool) -> dict:
    return {"main_navigation": navigation_items(current_path, use_database=use_database)}
