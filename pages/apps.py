from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Content pages in a tree: CONTEST strands, business advice, the unit's story."""

    name = "pages"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from ctu_site.roles import EDITORS, PUBLISHERS, grant
        from ctu_site.signals import refresh_public_pages
        from pages import search
        from pages.models import NewsItem, Page, UsefulLink

        search.register(search.SearchSource("Page", Page.objects.published))
        search.register(search.SearchSource("News", NewsItem.objects.published))
        # Useful links are not drafted: a change is public at once, cached pages included.
        post_save.connect(refresh_public_pages, sender=UsefulLink, dispatch_uid="refresh-links")
        post_delete.connect(
            refresh_public_pages, sender=UsefulLink, dispatch_uid="refresh-links-del"
        )

        editing = (
            "pages.add_page",
            "pages.change_page",
            "pages.view_page",
            "pages.view_redirect",
            "pages.view_revision",
            "pages.add_newsitem",
            "pages.change_newsitem",
            "pages.view_newsitem",
            "pages.add_usefullink",
            "pages.change_usefullink",
            "pages.view_usefullink",
        )
        grant(EDITORS, *editing)
        grant(
            PUBLISHERS,
            *editing,
            "pages.publish_page",
            "pages.delete_page",
            "pages.publish_newsitem",
            "pages.delete_newsitem",
            "pages.delete_usefullink",
            "pages.add_redirect",
            "pages.change_redirect",
            "pages.delete_redirect",
        )
