"""Create and publish the starter pages (text in pages/starter_content.py). Safe to run again."""

from pages import services
from pages.models import Page
from pages.starter_content import PAGES


def load() -> int:
    """Create each starter page that does not exist yet; never touch pages staff have edited."""
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
