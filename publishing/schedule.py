"""Time-based publishing that reaches every visitor on time, with no command to run.

Content changes at two kinds of moment: a scheduled revision's go-live time and a live
object's expiry time. ``next_change_at()`` is the soonest of them, cached under the content
version (every publish, schedule or unpublish bumps it, so it is never stale for long) and
never kept past itself. The page cache keeps no page past that moment; and the first request
after a go-live time publishes what is due (``publish_due``), so a visitor never waits for
the every-minute ``publish_scheduled`` job, which stays as a safety net and for
notifications.
"""

import logging
import math
import time

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Subquery
from django.utils import timezone

from core.content_version import get_content_version
from publishing.models import PublishableModel
from publishing.services import publish_scheduled

logger = logging.getLogger(__name__)

# Longest the answer is kept when nothing is scheduled (a safety net).
MAX_SECONDS = 600
LOCK_KEY = "publishing:due-lock"
LOCK_SECONDS = 30
# Each process asks the cache at most this often whether something is due.
CHECK_EVERY = 1.0
_last_check = {"at": 0.0}


def _publishable_models():
    return [model for model in apps.get_models() if issubclass(model, PublishableModel)]


def _from_database(now) -> tuple[float, float]:
    """(next go-live, next expiry) as timestamps, inf where there is none: one query, with a
    subquery for each publishable model (any table with a row can carry them)."""
    moments = {}
    for index, model in enumerate(_publishable_models()):
        scheduled = model.objects.filter(scheduled_revision__isnull=False)
        moments[f"go_live_{index}"] = Subquery(
            scheduled.order_by("scheduled_revision__approved_go_live_at").values(
                "scheduled_revision__approved_go_live_at"
            )[:1]
        )
        expiring = model.objects.filter(live=True, expire_at__gt=now)
        moments[f"expiry_{index}"] = Subquery(
            expiring.order_by("expire_at").values("expire_at")[:1]
        )
    row = ContentType.objects.order_by().annotate(**moments).values(*moments).first() or {}
    go_live = [value for name, value in row.items() if name.startswith("go_live") and value]
    expiry = [value for name, value in row.items() if name.startswith("expiry") and value]
    return (
        min((value.timestamp() for value in go_live), default=math.inf),
        min((value.timestamp() for value in expiry), default=math.inf),
    )


def _key() -> str:
    return f"publishing-next:{get_content_version()}"


def next_changes() -> tuple[float, float]:
    """(next go-live, next expiry) as timestamps, from the cache. Raises DatabaseError.

    Kept until the sooner of them, so that once a moment passes the next one is looked up.
    """
    key = _key()
    entry = cache.get(key)
    if entry is None:
        entry = _from_database(timezone.now())
        now = time.time()
        future = [moment for moment in entry if now < moment < math.inf]
        timeout = MAX_SECONDS
        if future:
            timeout = min(MAX_SECONDS, max(1, math.ceil(min(future) - now)))
        cache.set(key, entry, timeout)
    return entry


def seconds_until_change() -> int:
    """How long a rendered page may be cached before scheduled content changes it."""
    try:
        go_live, expiry = next_changes()
    except DatabaseError:
        return MAX_SECONDS
    now = time.time()
    if go_live <= now:
        return 0  # something is due and not yet published: keep nothing
    future = [moment for moment in (go_live, expiry) if now < moment < math.inf]
    if not future:
        return MAX_SECONDS
    return max(0, min(MAX_SECONDS, math.ceil(min(future) - now)))


def publish_due() -> int:
    """Publish whatever has reached its go-live time, once across every process; return how
    many were published. Cheap when nothing is due: a cached timestamp and a comparison."""
    now = time.time()
    if abs(now - _last_check["at"]) < CHECK_EVERY:  # abs: a clock set back counts as a check
        return 0
    _last_check["at"] = now
    try:
        go_live, _expiry = next_changes()
    except DatabaseError:
        return 0
    if go_live > now or not cache.add(LOCK_KEY, 1, LOCK_SECONDS):
        return 0
    try:
        counts = publish_scheduled()
    except DatabaseError:
        logger.warning("Scheduled publishing could not run: database unavailable")
        return 0
    finally:
        # Look the next moment up afresh: a refused schedule changes no content version.
        cache.delete_many([LOCK_KEY, _key()])
    return counts["published"]


class ScheduledPublishingMiddleware:
    """Publish what is due before answering, so a go-live time is kept to the second."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        publish_due()
        return self.get_response(request)
