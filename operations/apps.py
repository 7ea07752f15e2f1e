from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Case histories of operations the unit has led."""

    name = "operations"
