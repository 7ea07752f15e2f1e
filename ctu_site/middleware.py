"""The public page cache: anonymous GETs of public pages answered from the shared cache."""

import gzip
import hashlib
import re
import time
from functools import cache as once

import brotli
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils.cache import patch_cache_control

from alerts.sitewide import fallback_fingerprint
from alerts.sitewide import seconds_until_change as seconds_until_alerts_change
from core import edge
from core.cache import BREAKER, LOCAL_PAGES
from core.content_version import get_content_version
from publishing.schedule import seconds_until_change as seconds_until_publishing_change
from referrals.redaction import referral_paths


@once
def uncached_prefixes() -> tuple[str, ...]:
    """Addresses never served from (or stored in) the page cache: the staff site and the
    Prevent referral journey, read from the URL configuration."""
    return (reverse("admin:index"), *referral_paths())


class PublicPageCacheMiddleware:
    """Answer anonymous GETs of public pages from the shared cache, with HTTP caching headers.

    Sits early in the chain so that a hit costs little more than a static file: no session, no
    database, no template. Keys carry the content version, so a publish shows everywhere at once.

    A page is stored once, with its body gzip- and brotli-compressed at that moment, and an ETag;
    each hit picks the encoding the visitor accepts (never compressing per request) and answers
    a matching ``If-None-Match`` with 304. Cached pages say ``Cache-Control: public`` with a short
    browser ``max-age``, an ``s-maxage`` for shared caches (never past the next scheduled change)
    and ``stale-while-revalidate``/``stale-if-error``; everything else a visitor with a session
    sees is ``private``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.request_is_cacheable(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                # A page rendered for staff (or anyone with a session) is theirs alone.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        entry = None
        if not BREAKER.is_open:
            key = self.cache_key(request)
            entry = cache.get(key)
        # While Redis is not answering (the breaker is open, perhaps since the calls just made),
        # pages are kept in this process for a few seconds instead, so that the outage does not
        # mean rendering every request afresh.
        if BREAKER.is_open:
            key = self.local_key(request)
            entry = LOCAL_PAGES.get(key)
        if entry is None:
            response = self.get_response(request)
            if not self.response_is_cacheable(response):
                if not response.has_header("Cache-Control"):
                    # Not stored here, so not at the edge either: a 404 for an address about to
                    # be published must not outlive the publish in a shared cache.
                    patch_cache_control(response, no_cache=True)
                return response
            local = BREAKER.is_open
            if local:
                key = self.local_key(request)
            # Never keep a page past the moment an incident alert starts or ends, or scheduled
            # content goes live or expires.
            timeout = min(
                settings.LOCAL_PAGE_CACHE_SECONDS if local else settings.PAGE_CACHE_SECONDS,
                seconds_until_alerts_change(),
                seconds_until_publishing_change(),
            )
            if timeout <= 0:
                patch_cache_control(response, no_cache=True)
                return response
            entry = stored_page(
                response, expires_at=time.time() + timeout, keys=edge.response_keys(request)
            )
            if local:
                LOCAL_PAGES.set(key, entry)
            else:
                cache.set(key, entry, timeout)
            # The response just rendered is answered itself (tests and tools can still read its
            # context), dressed as a hit would be.
            return answer_from(entry, request, rendered=response)
        return answer_from(entry, request)

    def request_is_cacheable(self, request) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith(uncached_prefixes()):
            return False
        # Staff (and anyone with a session or CSRF cookie) always get a fresh page.
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or settings.CSRF_COOKIE_NAME in cookies:
            return False
        # Only the query parameters public pages use, once each, in their one valid form:
        # anything else (a search, made-up parameters or values) is rendered afresh rather than
        # filling the cache with copies. A page number past the last is a 404, never stored.
        allowed = settings.PAGE_CACHE_QUERY_PARAMETERS
        for name, values in request.GET.lists():
            if name not in allowed or len(values) != 1:
                return False
            if not re.fullmatch(allowed[name], values[0]):
                return False
        return len(request.get_full_path()) <= 512

    @staticmethod
    def response_is_cacheable(response) -> bool:
        if response.status_code != 200 or getattr(response, "streaming", False):
            return False
        if response.cookies or response.has_header("Content-Encoding"):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        # Belt and braces: a page with a CSRF token is never shared, whatever its headers say.
        return b'name="csrfmiddlewaretoken"' not in response.content

    @staticmethod
    def address_digest(request) -> str:
        address = f"{request.method}:{request.get_host()}:{request.get_full_path()}"
        return hashlib.sha256(address.encode()).hexdigest()

    def cache_key(self, request) -> str:
        return (
            f"page:{get_content_version()}:{fallback_fingerprint()}:{self.address_digest(request)}"
        )

    def local_key(self, request) -> str:
        # No content version: it lives in the cache that is not answering. A publish in this
        # process empties LOCAL_PAGES; one in another reaches here when the entry lapses.
        return f"{fallback_fingerprint()}:{self.address_digest(request)}"


# Headers the stored page sets for itself on every answer.
OWN_HEADERS = {
    "content-length",
    "content-encoding",
    "etag",
    "cache-control",
    "vary",
    "expires",
    "surrogate-key",
    "xkey",
    "cache-tag",
}
# Smaller bodies are not worth compressing (and cost more in headers than they save).
COMPRESS_FROM_BYTES = 500


def stored_page(response, *, expires_at: float, keys: list[str]) -> dict:
    """What the cache keeps of a page: its headers, its body in each encoding, its ETag."""
    body = response.content
    bodies = {"identity": body}
    if len(body) >= COMPRESS_FROM_BYTES:
        bodies["gzip"] = gzip.compress(body, compresslevel=6, mtime=0)
        bodies["br"] = brotli.compress(body, quality=9)
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    return {
        "status": response.status_code,
        "headers": [(k, v) for k, v in response.items() if k.lower() not in OWN_HEADERS],
        "vary": [*vary, "Accept-Encoding"]
        if "accept-encoding" not in map(str.lower, vary)
        else vary,
        "bodies": bodies,
        "etag": f'"{hashlib.sha256(body).hexdigest()[:32]}"',
        "expires_at": expires_at,
        "keys": keys,
    }


def chosen_encoding(accept_encoding: str, available) -> str:
    """The best encoding of a stored page the visitor accepts: brotli, then gzip, else none."""
    accepted = {}
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        match = re.search(r"q=([0-9.]+)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                quality = 0.0
        accepted[name.strip().lower()] = quality
    for encoding in ("br", "gzip"):
        if encoding in available and accepted.get(encoding, accepted.get("*", 0)) > 0:
            return encoding
    return "identity"


def _cache_control(entry: dict) -> str:
    # The edge may keep it until the page's own cache entry lapses, never past it.
    shared = max(0, int(entry["expires_at"] - time.time()))
    return (
        f"public, max-age={min(settings.PAGE_BROWSER_MAX_AGE, shared)}, s-maxage={shared}, "
        f"stale-while-revalidate={settings.PAGE_STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={settings.PAGE_STALE_IF_ERROR}"
    )


def answer_from(entry: dict, request, rendered=None) -> HttpResponse:
    """The response for one request from a stored page: 304, or the body it can read."""
    etag = entry["etag"]
    if_none_match = request.headers.get("If-None-Match", "")
    if etag in [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]:
        response = HttpResponseNotModified()
    else:
        encoding = chosen_encoding(request.headers.get("Accept-Encoding", ""), entry["bodies"])
        if rendered is not None:
            response = rendered
            response.content = entry["bodies"][encoding]
        else:
            response = HttpResponse(entry["bodies"][encoding], status=entry["status"])
            for name, value in entry["headers"]:
                response[name] = value
        if encoding != "identity":
            response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(entry["bodies"][encoding]))
    response["ETag"] = etag
    response["Cache-Control"] = _cache_control(entry)
    response["Vary"] = ", ".join(entry["vary"])
    edge.add_key_headers(response, entry["keys"])
    return response
