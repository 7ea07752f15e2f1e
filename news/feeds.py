"""RSS and Atom feeds of published news, linked from every page's head.

Addresses are absolute on SITE_URL, whatever host the request came in on, so a feed reader
always links back to the public site.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from core import edge
from news.models import NewsItem

FEED_ITEMS = 20


class NewsRssFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        # Named at the edge, so that publishing news purges the feeds.
        edge.tag(request, edge.list_key(NewsItem), "index")
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"News from the {settings.UNIT_NAME}"

    def description(self):
        return f"News from the {settings.UNIT_NAME}, {settings.FORCE_NAME}."

    def link(self):
        return settings.SITE_URL + reverse("news:list")

    def feed_url(self):
        return settings.SITE_URL + reverse("news:rss")

    def items(self):
        return NewsItem.objects.published().newest_first()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()

    def feed_url(self):
        return settings.SITE_URL + reverse("news:atom")
