"""Create and publish the starter pages and useful links. Safe to run again.

The text is in pages/starter_content.py (pages) and pages/starter_links.py (useful links).
"""

from pages.models import Page, UsefulLink
from pages.starter_content import PAGES
from pages.starter_links import useful_links
from publishing import services


def load() -> int:
    """Create each starter item that does not exist yet; never touch what staff have edited."""
    return load_pages() + load_useful_links()


def load_pages() -> int:
    created = 0
    for spec in PAGES:
        parent_path, _, slug = spec["path"].strip("/").rpartition("/")
        if Page.objects.filter(url_path=spec["path"]).exists():
            continue
        parent = Page.objects.get(url_path=f"/{parent_path}/") if parent_path else None
        page = Page(
            parent=parent,
            slug=slug,
            title=spec["title"],
            summary=spec["summary"],
            body=spec["body"].strip(),
            related_links=spec.get("related_links", "").strip(),
            show_in_menus=spec.get("show_in_menus", False),
            menu_title=spec.get("menu_title", ""),
            show_exit_button=spec.get("show_exit_button", False),
            sort_order=spec.get("sort_order", 100),
        )
        revision = services.draft_save(obj=page, user=None, message="Starter content")
        services.revision_publish(revision=revision, user=None)
        created += 1
    return created


def load_useful_links() -> int:
    if UsefulLink.objects.exists():
        return 0  # Staff own the directory once it exists.
    links = [UsefulLink(**spec) for spec in useful_links()]
    for link in links:
        link.full_clean()
    UsefulLink.objects.bulk_create(links)
    return len(links)
