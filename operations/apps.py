from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Case histories of operations the unit has led."""

    name = "operations"

    def ready(self):
        from ctu_site.roles import EDITORS, PUBLISHERS, grant
        from operations.models import Operation
        from pages import search

        search.register(
            search.SearchSource("Operation", Operation.objects.published, title_field="name")
        )

        editing = (
            "operations.add_operation",
            "operations.change_operation",
            "operations.view_operation",
            "pages.view_revision",
        )
        grant(EDITORS, *editing)
        grant(PUBLISHERS, *editing, "operations.publish_operation", "operations.delete_operation")
