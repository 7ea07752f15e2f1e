from django.apps import AppConfig

from core.registries import SearchSource, register_search_source
from core.roles import EDITORS, PUBLISHERS

EDITING = (
    "news.add_newsitem",
    "news.change_newsitem",
    "news.view_newsitem",
    "publishing.view_revision",
)


class NewsConfig(AppConfig):
    """Dated news items with RSS and Atom feeds."""

    name = "news"
    role_permissions = {
        EDITORS: EDITING,
        PUBLISHERS: (*EDITING, "news.publish_newsitem", "news.delete_newsitem"),
    }

    def ready(self):
        news_items = self.get_model("NewsItem").objects
        register_search_source(SearchSource("News", news_items.published))
