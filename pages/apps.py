from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Content pages in a tree: CONTEST strands, business advice, the unit's story."""

    name = "pages"
