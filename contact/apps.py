from django.apps import AppConfig


class ContactConfig(AppConfig):
    """Ways to reach the unit, and the feedback the public sends it."""

    name = "contact"
