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
        # services reads the models, so it is imported once they are loaded.
        from updates import services

        announcements.register_listener(services.announcement_queue)
