"""Which addresses belong to a part of the site, read from the URL configuration.

A top-level page may not take one of them (``/news/`` is the news list, not a page), nor an
operation ``/operations/timeline/``, nor a news item ``/news/feed/``: the lists are derived from
the URLs the site really serves, so they cannot drift from them.
"""

import re
from functools import cache
from importlib import import_module

from django.conf import settings
from django.urls import get_resolver
from django.urls.resolvers import URLResolver

# The first segment of a pattern: letters, digits, hyphens, dots and underscores, then a slash.
_SEGMENT = re.compile(r"^\^?(?P<segment>[-\w.]+)/")


def _first_segment(pattern) -> str | None:
    text = str(pattern)  # the route ("news/") or the regular expression ("^(?P<...")
    match = _SEGMENT.match(text)
    return match["segment"] if match else None


@cache
def reserved_top_level_slugs() -> frozenset[str]:
    """Every first address segment a URL pattern serves (admin, news, operations, ...)."""
    segments = {settings.STATIC_URL.strip("/").split("/")[0]}
    entries = list(get_resolver().url_patterns)
    while entries:
        entry = entries.pop()
        segment = _first_segment(entry.pattern)
        if segment:
            segments.add(segment)
        elif isinstance(entry, URLResolver) and not str(entry.pattern).strip("^"):
            entries.extend(entry.url_patterns)  # include() at the root: look inside
    return frozenset(segments)


@cache
def reserved_slugs(urlconf: str) -> frozenset[str]:
    """The fixed first segments of an app's URL patterns ("operations.urls": {"timeline"}), which
    an object whose address is ``<slug>/`` in that app may not take."""
    patterns = import_module(urlconf).urlpatterns
    return frozenset(filter(None, (_first_segment(entry.pattern) for entry in patterns)))
