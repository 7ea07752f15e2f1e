from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Content pages in a tree: CONTEST strands, business advice, the unit's story."""

    name = "pages"

    def ready(self):
        from ctu_site.roles import EDITORS, PUBLISHERS, grant
        from pages import search
        from pages.models import Page

        search.register(search.SearchSource("Page", Page.objects.published))

        editing = (
            "pages.add_page",
            "pages.change_page",
            "pages.view_page",
            "pages.view_redirect",
            "pages.view_revision",
        )
        grant(EDITORS, *editing)
        grant(
            PUBLISHERS,
            *editing,
            "pages.publish_page",
            "pages.delete_page",
            "pages.add_redirect",
            "pages.change_redirect",
            "pages.delete_redirect",
        )
