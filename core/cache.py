"""A circuit breaker around Redis, so that a hung cache costs one timeout, not one per call.

django-redis turns a failed call into a cache miss (``IGNORE_EXCEPTIONS``), but each call still
waits for its own timeout: a request that makes six cache calls to a Redis that accepts
connections and never answers waits six seconds, and under load every worker does. With the
breaker, the first failure opens it: for ``REDIS_BREAKER_SECONDS`` every call in this process is
a miss at once, without touching the network. Then one call is let through as a trial; if it
succeeds the breaker closes, if it fails it opens again.

What a miss means is each caller's choice, and each chooses the safe side: a page is rendered
afresh, the content version reads as new (so no stale page is served), and rate limits let
requests through (``core.guards.rate_limit``: refusing everyone while the cache is down would
shut the public out of the forms that matter most on the worst day; the forms' other guards,
CSRF, the honeypot and the database's own limits, still apply). So that rendering every page
afresh does not become the next bottleneck, the page cache keeps pages in the process itself for
a few seconds while the breaker is open (``LocalPages``).
"""

import logging
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)

# The calls the site makes through Django's cache API (and django-redis's own extras).
GUARDED_METHODS = (
    "get",
    "get_many",
    "set",
    "set_many",
    "add",
    "delete",
    "delete_many",
    "incr",
    "decr",
    "has_key",
    "touch",
    "ttl",
    "expire",
    "persist",
    "clear",
    "keys",
    "delete_pattern",
)


class Breaker:
    """Closed (calls go through), open (calls fail at once) or half-open (one trial call)."""

    def __init__(self):
        self._lock = threading.Lock()
        self.open_until = 0.0
        self.trial_running = False

    @property
    def seconds(self) -> float:
        return getattr(settings, "REDIS_BREAKER_SECONDS", 5)

    def allow(self) -> bool:
        with self._lock:
            if self.open_until == 0.0:
                return True
            if time.monotonic() < self.open_until or self.trial_running:
                return False
            self.trial_running = True  # half-open: this call is the trial
            return True

    def succeeded(self) -> None:
        with self._lock:
            if self.open_until:
                logger.warning("Redis answers again: the cache is back in use")
            self.open_until = 0.0
            self.trial_running = False

    def failed(self) -> None:
        with self._lock:
            if not self.open_until:
                logger.error(
                    "Redis did not answer: skipping the cache for %s s at a time until it does",
                    self.seconds,
                )
            self.open_until = time.monotonic() + self.seconds
            self.trial_running = False

    @property
    def is_open(self) -> bool:
        """True while calls are being skipped (or one trial call is deciding)."""
        return self.open_until != 0.0

    def reset(self) -> None:
        with self._lock:
            self.open_until = 0.0
            self.trial_running = False


BREAKER = Breaker()


def _guarded(name: str):
    method = getattr(DefaultClient, name)

    def call(self, *args, **kwargs):
        if not BREAKER.allow():
            raise ConnectionInterrupted(connection=None)
        try:
            result = method(self, *args, **kwargs)
        except ConnectionInterrupted:
            BREAKER.failed()
            raise
        BREAKER.succeeded()
        return result

    call.__name__ = name
    call.__doc__ = method.__doc__
    return call


class CircuitBreakerClient(DefaultClient):
    """django-redis's client with every call behind ``BREAKER``."""


for _name in GUARDED_METHODS:
    setattr(CircuitBreakerClient, _name, _guarded(_name))


class LocalPages:
    """A few seconds' worth of pages in this process, used only while Redis is not answering.

    Bounded in number (the oldest goes first) and in age (``LOCAL_PAGE_CACHE_SECONDS``, the
    longest a page can be out of date on one app server during a Redis outage).
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, dict] = OrderedDict()

    def get(self, key: str) -> dict | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry["expires_at"] <= time.time():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry

    def set(self, key: str, entry: dict) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > settings.LOCAL_PAGE_CACHE_ENTRIES:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


LOCAL_PAGES = LocalPages()
