"""Fixtures shared by every test."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start each test with an empty cache, so no page or rate-limit count leaks between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _page_cache_only_when_asked(request, settings):
    """Keep public pages out of the cache unless a test is about the cache (mark: page_cache).

    Publishing refreshes cached pages after the transaction commits, and most tests run inside a
    transaction that never commits; tests of the cache itself commit their callbacks explicitly.
    """
    if (
        request.node.get_closest_marker("page_cache") is None
        and "live_server" not in request.fixturenames
    ):
        settings.PAGE_CACHE_SECONDS = 0
