"""The public page cache: anonymous GETs of public pages answered from the shared cache."""

import hashlib
from functools import cache as once

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from alerts.sitewide import fallback_fingerprint
from alerts.sitewide import seconds_until_change as seconds_until_alerts_change
from core.content_version import get_content_version
from publishing.schedule import seconds_until_change as seconds_until_publishing_change
from referrals.redaction import referral_paths


@once
def uncached_prefixes() -> tuple[str, ...]:
    """Addresses never served from (or stored in) the page cache: the staff site and the
    Prevent referral journey, read from the URL configuration."""
    return (reverse("admin:index"), *referral_paths())


class PublicPageCacheMiddleware:
    """Answer anonymous GETs of public pages from the shared cache.

    Sits early in the chain so that a hit costs little more than a static file: no session, no
    database, no template. Keys carry the content version, so a publish shows everywhere at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.request_is_cacheable(request):
            return self.get_response(request)
        key = self.cache_key(request)
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if self.response_is_cacheable(response):
            # Never keep a page past the moment an incident alert starts or ends, or scheduled
            # content goes live or expires.
            timeout = min(
                settings.PAGE_CACHE_SECONDS,
                seconds_until_alerts_change(),
                seconds_until_publishing_change(),
            )
            if timeout > 0:
                cache.set(key, response, timeout)
        return response

    def request_is_cacheable(self, request) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(uncached_prefixes()):
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
