"""Refresh every cached page when the threat level, an alert or an incident page changes."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from ctu_site.content_version import bump_content_version


def refresh_public_pages(sender, **kwargs):
    transaction.on_commit(bump_content_version)


def connect():
    from ctu_site.models import (
        Incident,
        IncidentAlert,
        IncidentUpdate,
        ThreatLevel,
        ThreatLevelChange,
    )

    for model in (ThreatLevel, ThreatLevelChange, IncidentAlert, Incident, IncidentUpdate):
        post_save.connect(
            refresh_public_pages, sender=model, dispatch_uid=f"refresh-{model.__name__}"
        )
        post_delete.connect(
            refresh_public_pages, sender=model, dispatch_uid=f"refresh-del-{model.__name__}"
        )
