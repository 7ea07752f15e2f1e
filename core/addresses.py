"""Which top-level addresses belong to a part of the site, read from the URL configuration.

A top-level page may not take one of them (``/news/`` is the news list, not a page): the list
is derived from the URLs the site really serves, so it cannot drift from them.
"""

import re
from functools import cache

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
