"""Every outbound link on the public site, and a checker for them (``manage.py check_links``).

Links are gathered from a registry of sources (``core.registries.register_link_source``), each a
function yielding (url, where found): here, the sanitised HTML of everything search can find and
the reporting addresses in settings; the apps add their own (page related links, the useful-links
directory, the contact page's organisations).
"""

import html
import http.client
import ipaddress
import re
import socket
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from core.registries import link_sources, register_link_source, search_sources

USER_AGENT = "ctu-site-link-checker/1.0 (+{site}; checks the links on our pages)"
HREF = re.compile(r'href="(https?://[^"]+)"')
SETTINGS_WITH_URLS = (
    "ACT_ONLINE_REPORT_URL",
    "MI5_REPORT_URL",
    "EXTREMIST_MATERIAL_REPORT_URL",
    "MI5_THREAT_LEVEL_URL",
    "EXIT_THIS_PAGE_URL",
)


def published_content():
    """Links in the sanitised HTML of everything search can find."""
    for source in search_sources():
        for obj in source.queryset():
            for url in HREF.findall(getattr(obj, source.body_html_field)):
                yield html.unescape(url), f"{source.label} {obj.get_absolute_url()}"


def reporting_settings():
    for name in SETTINGS_WITH_URLS:
        if url := getattr(settings, name, ""):
            yield url, f"setting {name}"


def register_site_links() -> None:
    """Register the link sources that are not any one app's (called by core's ready())."""
    register_link_source(published_content)
    register_link_source(reporting_settings)


def outbound_links() -> dict[str, list[str]]:
    """Each outbound address, with everywhere it was found."""
    found: dict[str, list[str]] = defaultdict(list)
    for source in link_sources():
        for url, where in source():
            found[url].append(where)
    return dict(found)


@dataclass(frozen=True)
class LinkResult:
    url: str
    ok: bool
    detail: str  # "200", "404 Not Found", "timed out after 10s", ...


# The outbound-request policy: the checker reads other organisations' public websites and
# nothing else, whatever a link (or a redirect) points at.
MAX_REDIRECTS = 5
MAX_BODY_BYTES = 64 * 1024


class Refused(Exception):
    """An address the checker will not request, with the reason in words."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by hand, so that each new address is checked first."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def _allowed_networks():
    return [ipaddress.ip_network(net) for net in settings.LINK_CHECK_ALLOWED_NETWORKS]


def _check_address(url: str) -> None:
    """Raise Refused unless ``url`` is http(s) to a host whose every address is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise Refused(f"not a web address ({parts.scheme or 'no'} scheme)")
    host = parts.hostname
    if not host or any(ch.isspace() for ch in url) or any(ch in url for ch in '<>"\\'):
        raise Refused("not a valid address")
    try:
        port = parts.port
        infos = socket.getaddrinfo(host, port or (443 if parts.scheme == "https" else 80))
    except (ValueError, UnicodeError):
        raise Refused("not a valid address") from None
    except socket.gaierror:
        raise Refused(f"could not connect: no such host {host}") from None
    allowed = _allowed_networks()
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if address.version == 6 and address.ipv4_mapped:
            address = address.ipv4_mapped
        if any(address in network for network in allowed):
            continue
        if not address.is_global or address.is_multicast:
            raise Refused(f"refused: {host} is a private, local or reserved address ({address})")


def _request(url: str, method: str, timeout: float) -> int:
    """One request to a checked address; returns the status, raising Refused on a redirect
    to an address the policy refuses, or after too many redirects."""
    for _hop in range(MAX_REDIRECTS + 1):
        _check_address(url)
        request = urllib.request.Request(  # noqa: S310 - the address was checked just above
            url, method=method, headers={"User-Agent": USER_AGENT.format(site=settings.SITE_URL)}
        )
        try:
            with _OPENER.open(request, timeout=timeout) as response:
                response.read(MAX_BODY_BYTES if method == "GET" else 0)
                return response.status
        except urllib.error.HTTPError as error:
            location = error.headers.get("Location") if 300 <= error.code < 400 else None
            if not location:
                return error.code
            url = urljoin(url, location)
    raise Refused(f"more than {MAX_REDIRECTS} redirects")


def check_link(url: str, *, timeout: float) -> LinkResult:
    """HEAD the address (following redirects, each checked against the policy); if the server
    refuses HEAD, GET it instead. Any problem is a broken link with its reason, never a crash."""
    try:
        status = _request(url, "HEAD", timeout)
        if status >= 400:  # Many servers answer HEAD wrongly (405, 501, even 403/404).
            status = _request(url, "GET", timeout)
    except Refused as refused:
        return LinkResult(url, False, str(refused))
    except TimeoutError:
        return LinkResult(url, False, f"timed out after {timeout:g}s")
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            return LinkResult(url, False, f"timed out after {timeout:g}s")
        return LinkResult(url, False, f"could not connect: {reason}")
    return LinkResult(url, status < 400, str(status))


def check_links(urls: Iterable[str], *, timeout: float, workers: int = 8) -> list[LinkResult]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda url: check_link(url, timeout=timeout), urls))
