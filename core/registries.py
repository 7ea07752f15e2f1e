"""Where apps that must know of each other meet, without importing each other.

Each app fills these in its AppConfig's ``ready()``; whoever needs the whole list (search, the
sitemap, the link checker, every page's context) reads it here.

- ``search_sources``: each kind of published content that search finds and the sitemap lists.
- ``search_pages``: the URL names of pages that are views, not content, for search to index.
- ``link_sources``: functions yielding every outbound link on the public site, for the checker.
- ``site_context_providers``: functions adding to the context every page and error page gets.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class SearchSource:
    """One kind of searchable content and how to read it."""

    label: str  # What a result is, as the public reads it: "Page", "Operation", "News".
    queryset: Callable[[], models.QuerySet]  # The published objects, and only those.
    title_field: str = "title"
    summary_field: str = "summary"
    body_field: str = "body"  # Markdown, for matching.
    body_html_field: str = "body_html"  # Sanitised HTML, for snippets and the link checker.
    date_field: str = "last_published_at"

    @property
    def key(self) -> str:
        return self.label.lower()


_SEARCH_SOURCES: dict[str, SearchSource] = {}


def register_search_source(source: SearchSource) -> None:
    _SEARCH_SOURCES[source.key] = source


def search_sources() -> list[SearchSource]:
    return list(_SEARCH_SOURCES.values())


def search_source(key: str) -> SearchSource:
    return _SEARCH_SOURCES[key]


# Pages that are views rather than content (the threat level, contact, the referral start):
# search renders each by its URL name and indexes what the public reads there.
_SEARCH_PAGES: list[str] = []


def register_search_page(url_name: str) -> None:
    if url_name not in _SEARCH_PAGES:
        _SEARCH_PAGES.append(url_name)


def search_pages() -> list[str]:
    return list(_SEARCH_PAGES)


LinkSource = Callable[[], Iterable[tuple[str, str]]]
_LINK_SOURCES: dict[str, LinkSource] = {}


def register_link_source(function: LinkSource) -> LinkSource:
    """Register a function yielding (url, where it was found); usable as a decorator."""
    _LINK_SOURCES[f"{function.__module__}.{function.__qualname__}"] = function
    return function


def link_sources() -> list[LinkSource]:
    return list(_LINK_SOURCES.values())


# A provider takes the current path and whether it may use the database, and returns context.
SiteContextProvider = Callable[..., dict]
_SITE_CONTEXT_PROVIDERS: dict[str, SiteContextProvider] = {}


def register_site_context(function: SiteContextProvider) -> SiteContextProvider:
    """Register ``function(current_path, *, use_database) -> dict``; usable as a decorator.

    With ``use_database`` false the provider must not touch the database: error pages and
    outages use that.
    """
    _SITE_CONTEXT_PROVIDERS[f"{function.__module__}.{function.__qualname__}"] = function
    return function


def site_context_providers() -> list[SiteContextProvider]:
    return list(_SITE_CONTEXT_PROVIDERS.values())
