from django.apps import AppConfig, apps
from django.db.models.signals import pre_delete

from core.roles import EDITORS, PUBLISHERS


class PublishingConfig(AppConfig):
    """The publishing engine that pages, news and operations share; it knows none of them."""

    name = "publishing"
    role_permissions = {
        EDITORS: ("publishing.view_removedaddress",),
        PUBLISHERS: ("publishing.view_removedaddress", "publishing.delete_removedaddress"),
    }

    def ready(self):
        from publishing import services
        from publishing.models import PublishableModel

        # However an object is deleted (one, in bulk, or with the section it is in), its
        # address is recorded as removed and cached pages are refreshed.
        for model in apps.get_models():
            if issubclass(model, PublishableModel):
                pre_delete.connect(
                    services.object_deleted,
                    sender=model,
                    dispatch_uid=f"publishing.deleted.{model._meta.label_lower}",
                )
