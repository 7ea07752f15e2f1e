"""Changes to the page tree that are not content: its order, sections and menus."""

from django.db import transaction

from core.content_version import refresh_public_pages
from pages.models import Page


def page_structure_save(*, page: Page) -> None:
    """Save a page's place in the tree (order, section, menus) without touching its content."""
    with transaction.atomic():
        page.save_published_row()
        if page.live:
            refresh_public_pages()
