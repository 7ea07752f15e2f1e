"""Rebuilding the static mirror after a change (``manage.py build_mirror`` does the work).

``refresh_public_pages`` queues one rebuild per committed change when ``MIRROR_ROOT`` is set.
Each task carries the time it was asked for, and the command skips the build if the mirror was
started after it: a burst of publishes makes one or two builds, not one each. The task runs in
the worker (``TASKS_BACKEND=database`` in production), never inside a Publisher's request.
"""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.tasks import task

logger = logging.getLogger(__name__)


@task
def rebuild_mirror(*, requested_at: float) -> str:
    # By name: the command lives in the composition root, which core does not import.
    call_command("build_mirror", if_older_than=requested_at, verbosity=0)
    return "built"


def queue_rebuild() -> None:
    if not settings.MIRROR_ROOT:
        return
    try:
        rebuild_mirror.enqueue(requested_at=time.time())
    except Exception:
        # The change is committed; the mirror's timer will catch up. Never a 500.
        logger.exception("Could not queue a rebuild of the static mirror")
