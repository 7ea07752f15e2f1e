"""The main navigation shown in every page's header."""

from django.utils.translation import gettext_lazy as _

MAIN_NAVIGATION = (
    (_("Home"), "/"),
    (_("CONTEST"), "/contest/"),
    (_("Operations"), "/operations/"),
    (_("Advice for businesses"), "/advice-for-businesses/"),
    (_("News"), "/news/"),
    (_("Contact"), "/contact/"),
)


def navigation_items(current_path: str) -> list[dict]:
    """The menu with the section the visitor is in marked as current."""
    items = []
    for label, url in MAIN_NAVIGATION:
        current = current_path == url if url == "/" else current_path.startswith(url)
        items.append({"label": label, "url": url, "current": current})
    return items
