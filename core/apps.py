from django.apps import AppConfig
from django.db.models.signals import post_migrate

from core import links
from core.roles import sync_role_permissions


class CoreConfig(AppConfig):
    """What every app shares: emergency numbers, Markdown, roles, form guards, error pages and
    the registries apps meet through. Imports no other app of the site."""

    name = "core"
    verbose_name = "Site-wide parts"

    def ready(self):
        links.register_site_links()
        post_migrate.connect(sync_role_permissions, dispatch_uid="core.sync_role_permissions")
