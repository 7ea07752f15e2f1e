from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class CtuSiteConfig(AppConfig):
    """Site-wide parts: emergency numbers, error pages, roles, starter content, shared tags."""

    name = "ctu_site"
    verbose_name = "Site"

    def ready(self):
        from ctu_site import checks, signals  # noqa: F401  (checks registers itself)
        from ctu_site.models import Incident
        from ctu_site.roles import EDITORS, PUBLISHERS, grant, sync_role_permissions
        from ctu_site.threat_levels import ensure_threat_levels
        from pages import search

        post_migrate.connect(sync_role_permissions, dispatch_uid="ctu_site.sync_role_permissions")
        post_migrate.connect(
            ensure_threat_levels, sender=self, dispatch_uid="ctu_site.threat_levels"
        )
        signals.connect()
        viewing = (
            "ctu_site.view_threatlevel",
            "ctu_site.view_threatlevelchange",
            "ctu_site.view_incidentalert",
            "ctu_site.view_incident",
            "ctu_site.view_incidentupdate",
        )
        grant(EDITORS, *viewing)
        grant(
            PUBLISHERS,
            *viewing,
            "ctu_site.change_threatlevel",
            "ctu_site.add_threatlevelchange",
            "ctu_site.change_threatlevelchange",
            "ctu_site.add_incidentalert",
            "ctu_site.change_incidentalert",
            "ctu_site.delete_incidentalert",
            "ctu_site.add_incident",
            "ctu_site.change_incident",
            "ctu_site.add_incidentupdate",
            "ctu_site.change_incidentupdate",
            "ctu_site.delete_incidentupdate",
        )
        search.register(
            search.SearchSource("Incident", Incident.objects.published, date_field="updated_at")
        )


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django admin with our staff site: a one-time code after the password (admin_site.py)."""

    default = False  # named in INSTALLED_APPS; CtuSiteConfig stays this module's default

    default_site = "ctu_site.admin_site.StaffAdminSite"
