from anymail.signals import tracking
from django.apps import AppConfig

from core import announcements
from core.roles import PUBLISHERS


class UpdatesConfig(AppConfig):
    """Email updates: people subscribe to news, threat-level changes and incident updates."""

    name = "updates"
    verbose_name = "Email updates"
    # Publishers see what each send reached, in counts; addresses are for superusers alone.
    role_permissions = {PUBLISHERS: ("updates.view_mailing",)}

    def ready(self):
        # These read the models, so they are imported once the models are loaded.
        from updates import services, webhooks

        announcements.register_listener(services.announcement_queue)
        tracking.connect(webhooks.provider_event, dispatch_uid="updates.provider_event")
