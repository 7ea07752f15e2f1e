"""Every outbound link on the public site, and a checker for them (``manage.py check_links``).

Links are gathered from a registry of sources (``core.registries.register_link_source``), each a
function yielding (url, where found): here, the sanitised HTML of everything search can find and
the reporting addresses in settings; the apps add their own (page related links, the useful-links
directory, the contact page's organisations).
"""

import html
import re
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

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


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(  # noqa: S310 - only http(s) addresses are gathered
        url, method=method, headers={"User-Agent": USER_AGENT.format(site=settings.SITE_URL)}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def check_link(url: str, *, timeout: float) -> LinkResult:
    """HEAD the address (following redirects); if the server refuses HEAD, GET it instead."""
    try:
        status = _request(url, "HEAD", timeout)
        if status >= 400:  # Many servers answer HEAD wrongly (405, 501, even 403/404).
            status = _request(url, "GET", timeout)
    except TimeoutError:
        return LinkResult(url, False, f"timed out after {timeout:g}s")
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            return LinkResult(url, False, f"timed out after {timeout:g}s")
        return LinkResult(url, False, f"could not connect: {reason}")
    return LinkResult(url, status < 400, str(status))


def check_links(urls: Iterable[str], *, timeout: float, workers: int = 8) -> list[LinkResult]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda url: check_link(url, timeout=timeout), urls))
