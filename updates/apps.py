from django.apps import AppConfig


class UpdatesConfig(AppConfig):
    """Email updates: people subscribe to news, threat-level changes and incident updates."""

    name = "updates"
    verbose_name = "Email updates"
