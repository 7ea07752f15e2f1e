from django.apps import AppConfig


class CtuSiteConfig(AppConfig):
    """Site-wide parts: emergency numbers, error pages, starter content, shared tags."""

    name = "ctu_site"
    verbose_name = "Site"
