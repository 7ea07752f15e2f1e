"""Public views of news: the list, newest first, and each item."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core import edge
from core.views import BreadcrumbsMixin, breadcrumbs
from news.models import NewsItem


class NewsListView(BreadcrumbsMixin, ListView):
    """Published news, newest first, ten to a page."""

    template_name = "news/news_list.html"
    context_object_name = "documents"
    paginate_by = 10

    def get_queryset(self):
        edge.tag(self.request, edge.list_key(NewsItem))
        return (
            NewsItem.objects.published()
            .newest_first()
            .only("title", "slug", "summary", "first_published_at")
        )


def news_context(item: NewsItem) -> dict:
    """What the news detail template needs besides the item (also used by the admin preview)."""
    return {
        "item": item,
        "article": item,
        "breadcrumbs": breadcrumbs((_("News"), "news:list")),
    }


class NewsDetailView(DetailView):
    template_name = "news/news_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return NewsItem.objects.published().select_related("lead_image")

    def get_context_data(self, **kwargs):
        edge.tag(self.request, edge.object_key(self.object))
        return {**super().get_context_data(**kwargs), **news_context(self.object)}
