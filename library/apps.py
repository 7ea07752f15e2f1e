from django.apps import AppConfig

from core.roles import EDITORS, PUBLISHERS

EDITING = (
    "library.add_image",
    "library.change_image",
    "library.view_image",
    "library.add_document",
    "library.change_document",
    "library.view_document",
    "library.view_collection",
)


class LibraryConfig(AppConfig):
    """The media library: images and documents staff publish with their content, each served
    to the public only while published content uses it (or a Publisher has made it public)."""

    name = "library"
    verbose_name = "Media library"
    role_permissions = {
        EDITORS: EDITING,
        PUBLISHERS: (
            *EDITING,
            "library.delete_image",
            "library.delete_document",
            "library.publish_image",
            "library.publish_document",
            "library.add_collection",
            "library.change_collection",
        ),
    }

    def ready(self):
        # These read the models, so they are imported once the models are loaded.
        from library import embeds, usage

        embeds.register()
        usage.connect()
