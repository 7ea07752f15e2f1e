"""The site-wide content version that keys every cached public page.

Publishing, unpublishing, a threat-level change or an incident alert bumps it, so every instance
that shares the cache stops serving the old pages on its next request. Nothing is deleted: old
entries simply stop being asked for and expire.
"""

import time

from django.core.cache import cache

CONTENT_VERSION_KEY = "content-version"


def _fresh_version() -> int:
    # Time-based, so a version made after the key was evicted never repeats an old one.
    return time.time_ns()


def get_content_version() -> int:
    """The current content version, created if the cache has lost it."""
    return cache.get_or_set(CONTENT_VERSION_KEY, _fresh_version, timeout=None)


def bump_content_version() -> int:
    """Make every cached public page stale at once; return the new version."""
    version = _fresh_version()
    cache.set(CONTENT_VERSION_KEY, version, timeout=None)
    return version
