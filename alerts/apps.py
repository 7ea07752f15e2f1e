from django.apps import AppConfig
from django.db.models.signals import post_migrate

from alerts.threat_levels import ensure_threat_levels
from core.content_version import refresh_when_changed
from core.registries import (
    SearchSource,
    register_search_page,
    register_search_source,
    register_site_context,
)
from core.roles import EDITORS, PUBLISHERS

VIEWING = (
    "alerts.view_threatlevel",
    "alerts.view_threatlevelchange",
    "alerts.view_incidentalert",
    "alerts.view_incident",
    "alerts.view_incidentupdate",
)


class AlertsConfig(AppConfig):
    """The national threat level, site-wide incident alerts and incident pages."""

    name = "alerts"
    verbose_name = "Threat level and incidents"
    role_permissions = {
        EDITORS: VIEWING,
        PUBLISHERS: (
            *VIEWING,
            "alerts.change_threatlevel",
            "alerts.add_threatlevelchange",
            "alerts.change_threatlevelchange",
            "alerts.add_incidentalert",
            "alerts.change_incidentalert",
            "alerts.delete_incidentalert",
            "alerts.add_incident",
            "alerts.change_incident",
            "alerts.add_incidentupdate",
            "alerts.change_incidentupdate",
            "alerts.delete_incidentupdate",
        ),
    }

    def ready(self):
        register_search_page("alerts:threat-level")
        # sitewide reads the models, so it is imported once they are loaded.
        from alerts import sitewide

        post_migrate.connect(ensure_threat_levels, sender=self, dispatch_uid="alerts.levels")
        # Everything here is public as soon as it is saved.
        refresh_when_changed(*self.get_models())
        register_site_context(sitewide.sitewide_context)
        incidents = self.get_model("Incident").objects
        register_search_source(
            SearchSource("Incident", incidents.published, date_field="updated_at")
        )
