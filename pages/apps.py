from django.apps import AppConfig
from django.db.models.signals import pre_delete

from core.content_version import refresh_when_changed
from core.registries import (
    SearchSource,
    register_link_source,
    register_search_page,
    register_search_source,
)
from core.roles import EDITORS, PUBLISHERS

EDITING = (
    "pages.add_page",
    "pages.change_page",
    "pages.view_page",
    "pages.view_redirect",
    "publishing.view_revision",
    # The directory is public as soon as it is saved, so Editors only look at it.
    "pages.view_usefullink",
)


class PagesConfig(AppConfig):
    """Content pages in a tree: CONTEST strands, business advice, the unit's story."""

    name = "pages"
    role_permissions = {
        EDITORS: EDITING,
        PUBLISHERS: (
            *EDITING,
            "pages.publish_page",
            "pages.delete_page",
            "pages.add_usefullink",
            "pages.change_usefullink",
            "pages.delete_usefullink",
            "pages.add_redirect",
            "pages.change_redirect",
            "pages.delete_redirect",
        ),
    }

    def ready(self):
        from publishing.services import address_remove

        Page, UsefulLink = self.get_model("Page"), self.get_model("UsefulLink")
        register_search_source(SearchSource("Page", Page.objects.published))
        register_search_page("pages:useful-links")
        # Useful links are not drafted: a change is public at once, cached pages included.
        refresh_when_changed(UsefulLink)

        # An old address that led to a deleted page is gone too, not missing.
        def redirect_deleted(sender, instance, **kwargs):
            address_remove(path=instance.old_path, title=f"Old address of {instance.page}")

        pre_delete.connect(
            redirect_deleted,
            sender=self.get_model("Redirect"),
            weak=False,  # a function made here: keep it alive
            dispatch_uid="pages.redirect",
        )

        @register_link_source
        def page_related_links():
            for page in Page.objects.published().exclude(related_links=""):
                for link in page.parsed_related_links():
                    if link["url"].startswith(("https://", "http://")):
                        yield link["url"], f"Page {page.url_path} (related links)"

        @register_link_source
        def useful_links():
            for link in UsefulLink.objects.exclude(url=""):
                yield link.url, f"Useful links: {link.title}"
