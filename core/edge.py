"""Surrogate keys and purges for an HTTP cache in front of the site (Varnish, Fastly, Cloudflare).

Every cached public page names what it shows in surrogate keys: ``sitewide`` (the threat level,
the alerts and the menu are on every page) and, added by its view with ``tag(request, ...)``,
the objects and lists on it (``pages.page-12``, ``list:operations.operation``). The page cache
sends them as ``Surrogate-Key`` (Fastly), ``xkey`` (Varnish) and ``Cache-Tag`` (Cloudflare);
the edge strips them before the response leaves it.

When content changes, ``core.content_version.refresh_public_pages(*keys)`` refreshes the site's
own page cache and, once the transaction commits, queues one purge of those keys (all pages,
``sitewide``, when it names none) through ``django.tasks``. A purge that fails is retried a few
times and then logged: it never blocks or fails a publish, and the edge's own short lifetimes
(``s-maxage``) bound how long a missed purge can matter.

The backend is chosen by ``EDGE_PURGE_BACKEND``: ``none`` (the default: no edge), ``varnish``
(a BAN to each of ``EDGE_VARNISH_URLS``, honoured by deploy/varnish/default.vcl only from the app
servers' addresses), ``fastly`` (``EDGE_FASTLY_SERVICE_ID``, ``EDGE_FASTLY_API_TOKEN``) or
``cloudflare`` (``EDGE_CLOUDFLARE_ZONE_ID``, ``EDGE_CLOUDFLARE_API_TOKEN``).
"""

import json
import logging
import re
import urllib.request

from django.conf import settings
from django.tasks import task

logger = logging.getLogger(__name__)

SITEWIDE = "sitewide"
# A key is safe in a header and in a Varnish ban expression: letters, digits and . _ : -
KEY = re.compile(r"[A-Za-z0-9._:-]{1,100}")
ATTEMPTS = 3
TIMEOUT_SECONDS = 5


def object_key(obj) -> str:
    return f"{obj._meta.label_lower}-{obj.pk}"


def list_key(model) -> str:
    return f"list:{model._meta.label_lower}"


def tag(request, *keys: str) -> None:
    """Name what this response shows, so that a change to it purges this page at the edge."""
    request.__dict__.setdefault("surrogate_keys", set()).update(k for k in keys if k)


def response_keys(request) -> list[str]:
    keys = {SITEWIDE, *request.__dict__.get("surrogate_keys", ())}
    return sorted(key for key in keys if KEY.fullmatch(key))


def add_key_headers(response, keys: list[str]) -> None:
    response["Surrogate-Key"] = " ".join(keys)
    response["xkey"] = " ".join(keys)
    response["Cache-Tag"] = ",".join(keys)


# --- Backends --------------------------------------------------------------------------------


def _send(request: urllib.request.Request) -> None:
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
        if response.status >= 300:
            raise OSError(f"purge answered {response.status}")


def purge_varnish(keys: list[str]) -> None:
    """A BAN to every Varnish: the VCL bans objects whose xkey header holds any of the keys."""
    for url in settings.EDGE_VARNISH_URLS:
        request = urllib.request.Request(url, method="BAN")  # noqa: S310 - our own setting
        request.add_header("X-Purge-Keys", " ".join(keys))
        _send(request)


def _post_json(url: str, payload: dict, headers: dict) -> None:
    request = urllib.request.Request(  # noqa: S310 - fixed https addresses of the APIs
        url,
        method="POST",
        data=json.dumps(payload).encode(),
        headers={**headers, "Content-Type": "application/json", "Accept": "application/json"},
    )
    _send(request)


def purge_fastly(keys: list[str]) -> None:
    """Fastly's purge by surrogate key, for a whole list at once."""
    _post_json(
        f"https://api.fastly.com/service/{settings.EDGE_FASTLY_SERVICE_ID}/purge",
        {"surrogate_keys": keys},
        {"Fastly-Key": settings.EDGE_FASTLY_API_TOKEN},
    )


def purge_cloudflare(keys: list[str]) -> None:
    """Cloudflare's purge by cache tag (the Enterprise plan's Cache-Tag header)."""
    _post_json(
        f"https://api.cloudflare.com/client/v4/zones/{settings.EDGE_CLOUDFLARE_ZONE_ID}/purge_cache",
        {"tags": keys},
        {"Authorization": f"Bearer {settings.EDGE_CLOUDFLARE_API_TOKEN}"},
    )


BACKENDS = {
    "none": None,
    "varnish": purge_varnish,
    "fastly": purge_fastly,
    "cloudflare": purge_cloudflare,
}


@task
def purge_edge(*, keys: list[str], attempt: int = 1) -> str:
    """Purge the keys at the edge; on failure, queue another try, up to ATTEMPTS in all."""
    backend = BACKENDS.get(settings.EDGE_PURGE_BACKEND)
    if backend is None:
        return "no edge"
    try:
        backend(keys)
    except OSError as error:
        if attempt < ATTEMPTS:
            logger.warning("Edge purge of %s failed (%s): trying again", keys, error)
            purge_edge.enqueue(keys=keys, attempt=attempt + 1)
            return "retrying"
        logger.error("Edge purge of %s failed %s times: %s", keys, attempt, error)
        return "failed"
    return "purged"


def queue_purge(keys: set[str]) -> None:
    """Queue one purge of these keys (``sitewide`` wins over the rest: it is every page)."""
    if settings.EDGE_PURGE_BACKEND == "none":
        return
    wanted = [SITEWIDE] if SITEWIDE in keys or not keys else sorted(keys)
    try:
        purge_edge.enqueue(keys=[key for key in wanted if KEY.fullmatch(key)])
    except Exception:
        # The change is committed; the edge's short lifetimes will catch up. Never a 500.
        logger.exception("Could not queue an edge purge of %s", wanted)
