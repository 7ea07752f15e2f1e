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


@pytest.fixture(autouse=True)
def _staff_code_only_when_asked(request, settings):
    """Sign staff in with the password alone unless a test is about the second step (mark: otp).

    Admin tests sign in with `force_login`, which cannot present a one-time code; the second step
    itself is tested in tests/test_ctu_site/test_staff_signin.py and in the browser.
    """
    if request.node.get_closest_marker("otp") is None:
        settings.STAFF_OTP_REQUIRED = False
