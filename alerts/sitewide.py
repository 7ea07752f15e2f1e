"""The threat level and incident alert every page shows, from the cache, never a query per request.

The context is cached under the content version, which every change bumps, and never kept past
the next time an alert starts or ends, so scheduled alerts appear and disappear on time. When
the database cannot be reached, an alert can still come from INCIDENT_ALERT_FILE or the
INCIDENT_ALERT_* environment variables; when set, it wins.
"""

import hashlib
import json
import logging
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone

from alerts.models import IncidentAlert, ThreatLevelChange
from core.content_version import get_content_version
from core.markdown import render_markdown

logger = logging.getLogger(__name__)

# Longest the context is kept even if nothing changes (a safety net, not the refresh mechanism).
MAX_SECONDS = 600


@dataclass(frozen=True)
class Alert:
    headline: str
    message_html: str
    severity: str
    link_url: str = ""
    link_text: str = ""


@dataclass(frozen=True)
class CurrentLevel:
    code: str
    name: str
    meaning: str
    took_effect_on: str  # ISO date


def _from_database(now) -> tuple[dict, float]:
    change = ThreatLevelChange.objects.current()
    level = None
    if change is not None:
        level = CurrentLevel(
            code=change.level.code,
            name=change.level.name,
            meaning=change.level.meaning,
            took_effect_on=change.took_effect_on.isoformat(),
        )
    # Alerts showing now or later, in one query; the next start or end is when this changes.
    current = list(
        IncidentAlert.objects.not_ended(at=now)
        .select_related("incident")
        .order_by("starts_at")[:50]
    )
    active = [a for a in current if a.shows_at(now)]
    active.sort(
        key=lambda a: (a.severity != IncidentAlert.Severity.URGENT, -a.starts_at.timestamp())
    )
    alerts = [alert_for_display(a) for a in active[:3]]
    boundaries = [a.starts_at for a in current if a.starts_at > now]
    boundaries += [a.ends_at for a in active if a.ends_at]
    seconds = MAX_SECONDS
    if boundaries:
        seconds = max(1, min(MAX_SECONDS, int((min(boundaries) - now).total_seconds()) + 1))
    context = {
        "threat_level": asdict(level) if level else None,
        "alerts": [asdict(alert) for alert in alerts],
    }
    return context, seconds


def alert_for_display(alert) -> Alert:
    """An IncidentAlert (saved or not) as every page shows it."""
    return Alert(alert.headline, alert.message_html, alert.severity, *_link(alert, alert.incident))


def _link(alert, incident) -> tuple[str, str]:
    """The address and words of an alert's link: its incident page once published."""
    if incident is not None:
        if not incident.published:
            return "", ""
        return incident.get_absolute_url(), alert.link_text or f"Latest on {incident.title}"
    return alert.link_url, alert.link_text or "Find out more"


def cached_sitewide() -> dict:
    """The threat level and alerts from the database, through the cache. Raises DatabaseError."""
    key = f"sitewide:{get_content_version()}"
    entry = cache.get(key)
    now = time.time()
    if entry is None or entry["expires"] <= now:
        context, seconds = _from_database(timezone.now())
        entry = {"context": context, "expires": now + seconds}
        cache.set(key, entry, seconds)
    return entry


def seconds_until_change() -> int:
    """How long a rendered page may be cached before an alert starts or ends."""
    try:
        entry = cached_sitewide()
    except DatabaseError:
        return MAX_SECONDS
    return max(0, int(entry["expires"] - time.time()))


_file_cache: dict = {}


def _alert_from_file(path: str) -> Alert | None:
    """The alert in INCIDENT_ALERT_FILE, re-read only when the file changes.

    No file is the usual state (no alert) and is not logged; a file that cannot be read or is
    not a JSON object is logged once per version of the file and ignored.
    """
    try:
        stat = Path(path).stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        logger.warning("INCIDENT_ALERT_FILE could not be read: %s", error)
        return None
    key = (path, stat.st_mtime_ns, stat.st_size)
    if _file_cache.get("key") != key:
        alert = None
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("expected a JSON object with a headline")
            alert = _alert_from(data)
        except (OSError, ValueError) as error:
            logger.warning("INCIDENT_ALERT_FILE could not be used: %s", error)
        _file_cache.update(key=key, alert=alert)
    return _file_cache["alert"]


def fallback_alert() -> Alert | None:
    """An alert from the environment or a file, for when staff cannot reach the database."""
    if settings.INCIDENT_ALERT_FILE:
        alert = _alert_from_file(settings.INCIDENT_ALERT_FILE)
        if alert is not None:
            return alert
    if settings.INCIDENT_ALERT_HEADLINE:
        return _alert_from(
            {
                "headline": settings.INCIDENT_ALERT_HEADLINE,
                "message": settings.INCIDENT_ALERT_MESSAGE,
                "severity": settings.INCIDENT_ALERT_SEVERITY,
                "link_url": settings.INCIDENT_ALERT_URL,
            }
        )
    return None


def fallback_fingerprint() -> str:
    """A short digest of the fallback alert, or "" when there is none: part of page cache keys,
    so that switching it on (or off) reaches cached pages on the next request."""
    alert = fallback_alert()
    if alert is None:
        return ""
    return hashlib.sha256(repr(alert).encode()).hexdigest()[:16]


def _alert_from(data: dict) -> Alert | None:
    headline = str(data.get("headline", "")).strip()[:120]
    if not headline:
        return None
    severity = data.get("severity", "urgent")
    link = str(data.get("link_url", "") or "")
    return Alert(
        headline=headline,
        message_html=render_markdown(str(data.get("message", ""))[:1000]),
        severity=severity if severity in ("urgent", "information") else "urgent",
        link_url=link if link.startswith(("https://", "http://", "/")) else "",
        link_text=str(data.get("link_text", "") or "Find out more")[:80],
    )


def sitewide_context(current_path: str = "", *, use_database: bool) -> dict:
    """Template context: ``threat_level`` (or None) and ``alerts`` (a list, maybe empty)."""
    fallback = fallback_alert()
    context = {"threat_level": None, "alerts": []}
    if use_database:
        try:
            context = cached_sitewide()["context"]
        except DatabaseError:
            logger.warning("Database unavailable for the threat level and alerts")
    if fallback is not None:
        context = {**context, "alerts": [asdict(fallback)]}
    return context
