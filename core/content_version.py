"""The site-wide content version that keys every cached public page, and the one way to bump it.

Publishing, unpublishing, a threat-level change or an incident alert bumps it, so every instance
that shares the cache stops serving the old pages on its next request. Nothing is deleted: old
entries simply stop being asked for and expire.

``refresh_public_pages(*keys)`` is the only way code asks for that: it bumps the version once
the current transaction commits (at once outside one), and queues a purge of the pages that show
``keys`` from an edge cache in front of the site (``core.edge``) and a rebuild of the static
mirror (``core.mirror``).
``refresh_when_changed(Model, ...)`` connects it to a model's saves and deletions, for content
that is public as soon as it is saved.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from core import edge, mirror
from core.cache import LOCAL_PAGES

CONTENT_VERSION_KEY = "content-version"
# Every key has a timeout. When this one lapses the next request makes a new version: every
# cached page is rendered afresh once, which is harmless.
VERSION_SECONDS = 30 * 24 * 60 * 60


def _fresh_version() -> int:
    # Time-based, so a version made after the key was evicted never repeats an old one.
    return time.time_ns()


def get_content_version() -> int:
    """The current content version, created if the cache has lost it."""
    return cache.get_or_set(CONTENT_VERSION_KEY, _fresh_version, timeout=VERSION_SECONDS)


def bump_content_version() -> int:
    """Make every cached public page stale at once; return the new version."""
    version = _fresh_version()
    cache.set(CONTENT_VERSION_KEY, version, timeout=VERSION_SECONDS)
    return version


def refresh_public_pages(*keys: str, **_signal_kwargs) -> None:
    """Refresh every cached public page once the current transaction has committed, and purge
    the pages showing ``keys`` from the edge cache (every page when no key is given).

    Also a signal receiver (then with no keys: every page): a rolled-back change refreshes
    nothing.
    """

    def refresh():
        bump_content_version()
        # Pages this process keeps while Redis is down (core.cache.LocalPages) go at once too.
        LOCAL_PAGES.clear()
        edge.queue_purge(set(keys))
        mirror.queue_rebuild()

    transaction.on_commit(refresh)


def refresh_when_changed(*models) -> None:
    """Refresh cached pages after every save or deletion of these models (call from ready())."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(refresh_public_pages, sender=model, dispatch_uid=f"refresh:{label}")
        post_delete.connect(
            refresh_public_pages, sender=model, dispatch_uid=f"refresh-delete:{label}"
        )
