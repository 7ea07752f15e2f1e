"""``/sitemap.xml``: the site's fixed addresses and every published item search knows about.

The content comes from the search registry (``core.registries.search_sources()``), so a kind of
content that can be searched is also listed here, with the same rule for what is published.
Addresses are absolute on ``SITE_URL``, whatever host the request came in on.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.registries import SearchSource, search_sources


class SiteUrlSitemap(Sitemap):
    """Builds addresses on SITE_URL rather than on the request's host."""

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme


class FixedPagesSitemap(SiteUrlSitemap):
    """Pages that are views rather than content: home, the threat level, lists, contact, the
    start of the referral journey (its question pages are not for search engines)."""

    names = (
        "home",
        "alerts:threat-level",
        "alerts:incidents",
        "news:list",
        "operations:list",
        "operations:timeline",
        "pages:useful-links",
        "contact:contact",
        "contact:feedback",
        "referrals:start",
    )

    def items(self):
        return list(self.names)

    def location(self, item):
        return reverse(item)


class ContentSitemap(SiteUrlSitemap):
    """The published items of one searchable kind of content, with when each last changed."""

    def __init__(self, source: SearchSource):
        self.source = source

    def items(self):
        return self.source.queryset().order_by("pk")

    def lastmod(self, item):
        return getattr(item, self.source.date_field)


def sitemaps() -> dict[str, Sitemap]:
    return {
        "fixed": FixedPagesSitemap(),
        **{source.key: ContentSitemap(source) for source in search_sources()},
    }
