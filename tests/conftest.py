"""Fixtures shared by every test."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start each test with an empty cache, so no page or rate-limit count leaks between tests."""
    cache.clear()
    yield
    cache.clear()
