from django.apps import AppConfig

from core.registries import SearchSource, register_search_source
from core.roles import EDITORS, PUBLISHERS

EDITING = (
    "operations.add_operation",
    "operations.change_operation",
    "operations.view_operation",
    "publishing.view_revision",
)


class OperationsConfig(AppConfig):
    """Case histories of operations the unit has led."""

    name = "operations"
    role_permissions = {
        EDITORS: EDITING,
        PUBLISHERS: (*EDITING, "operations.publish_operation", "operations.delete_operation"),
    }

    def ready(self):
        operations = self.get_model("Operation").objects
        register_search_source(SearchSource("Operation", operations.published, title_field="name"))
