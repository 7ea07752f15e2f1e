from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search over every kind of content registered in core.registries."""

    name = "search"
