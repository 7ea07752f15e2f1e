from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CtuSiteConfig(AppConfig):
    """Site-wide parts: emergency numbers, error pages, roles, starter content, shared tags."""

    name = "ctu_site"
    verbose_name = "Site"

    def ready(self):
        from ctu_site.roles import sync_role_permissions

        post_migrate.connect(sync_role_permissions, dispatch_uid="ctu_site.sync_role_permissions")
