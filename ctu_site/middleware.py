"""Middleware for serving public pages from the cache and for surviving a database outage."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db.utils import InterfaceError, OperationalError

from ctu_site.content_version import get_content_version
from ctu_site.errors import service_unavailable
from ctu_site.sitewide import fallback_fingerprint, seconds_until_change

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)


class PublicPageCacheMiddleware:
    """Answer anonymous GETs of public pages from the shared cache.

    Sits early in the chain so that a hit costs little more than a static file: no session, no
    database, no template. Keys carry the content version, so a publish shows everywhere at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded_prefixes = tuple(settings.PAGE_CACHE_EXCLUDED_PREFIXES)

    def __call__(self, request):
        if not self.request_is_cacheable(request):
            return self.get_response(request)
        key = self.cache_key(request)
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if self.response_is_cacheable(response):
            # Never keep a page past the moment an incident alert starts or ends.
            timeout = min(settings.PAGE_CACHE_SECONDS, seconds_until_change())
            if timeout > 0:
                cache.set(key, response, timeout)
        return response

    def request_is_cacheable(self, request) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(self.excluded_prefixes):
            return False
        # Staff (and anyone with a session or CSRF cookie) always get a fresh page.
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or settings.CSRF_COOKIE_NAME in cookies:
            return False
        # Only the query parameters public pages use: anything else (a search, made-up
        # parameters) is rendered afresh rather than filling the cache with copies.
        if not set(request.GET).issubset(settings.PAGE_CACHE_QUERY_PARAMETERS):
            return False
        return len(request.get_full_path()) <= 512

    @staticmethod
    def response_is_cacheable(response) -> bool:
        if response.status_code != 200 or getattr(response, "streaming", False):
            return False
        if response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in ("private", "no-store", "no-cache"))

    @staticmethod
    def cache_key(request) -> str:
        address = f"{request.method}:{request.get_host()}:{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"page:{get_content_version()}:{fallback_fingerprint()}:{digest}"


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection in a view into a branded 503 with the numbers.

    Django closes a broken connection at the end of the request and opens a new one on the next,
    so the site recovers by itself when the database comes back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning(
                "Database unavailable for %s: %s", request.path, type(exception).__name__
            )
            return service_unavailable(request)
        return None
