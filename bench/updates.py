"""Queueing and sending one mailing to 100,000 subscribers (issue 19), in one run.

Run on an otherwise idle machine: .venv/bin/python bench/updates.py   (SUBSCRIBERS=100000)

It makes a throwaway SQLite database (bench/throwaway.py) with SUBSCRIBERS confirmed
subscribers to threat-level changes, starts aiosmtpd's discarding Sink as a separate process on
a free loopback port, points the site's mail at it, and queues one threat-level mailing through
``updates.services.mailing_queue``, as a Publisher's change does. The tasks run in this
process (the immediate backend), so the fan-out and every batch of UPDATES_BATCH_SIZE run one
after another, each over one SMTP connection, exactly the code db_worker runs in production.

Targets: everyone is sent to (queued = sent = SUBSCRIBERS, none failed), and time and memory
stay flat per message: the last tenth of the batches take no more than 1.5 times as long per
message as the first tenth, and the process grows by less than 32 MB from the end of the first
tenth to the end. Prints messages a second. Exits non-zero when a target is missed.
"""

import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

SUBSCRIBERS = int(os.environ.get("SUBSCRIBERS", "100000"))
SLOWER_AT_MOST = 1.5
GROWTH_MB_AT_MOST = 32
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise SystemExit(f"the SMTP sink did not start on port {port}")


def rss_mb() -> float:
    """This process's resident memory now (not its peak)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


PORT = free_port()
sink = subprocess.Popen(
    [
        sys.executable,
        "-m",
        "aiosmtpd",
        "-n",
        "-c",
        "aiosmtpd.handlers.Sink",
        "-l",
        f"127.0.0.1:{PORT}",
    ],
    stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
)
os.environ["EMAIL_URL"] = f"smtp://127.0.0.1:{PORT}"
os.environ["TASKS_BACKEND"] = "immediate"

import throwaway  # noqa: E402, F401 - Django on a throwaway database
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.tasks.signals import task_finished  # noqa: E402
from django.utils import timezone  # noqa: E402

from updates import services  # noqa: E402
from updates.models import Mailing, Subscriber  # noqa: E402

batches: list[tuple[float, int, float]] = []  # (seconds, messages, RSS after) per batch
_started = [time.perf_counter()]


def batch_done(sender, task_result, **kwargs) -> None:
    if task_result.task.name != "send_batch":
        return
    now = time.perf_counter()
    value = task_result.return_value or {}
    batches.append((now - _started[0], value.get("sent", 0), rss_mb()))
    _started[0] = now


def main() -> int:
    wait_for(PORT)
    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    now = timezone.now()
    for first in range(0, SUBSCRIBERS, 10_000):
        Subscriber.objects.bulk_create(
            Subscriber(
                email=f"subscriber{n}@example.org",
                threat_level=True,
                confirmed_at=now,
            )
            for n in range(first, min(first + 10_000, SUBSCRIBERS))
        )
    print(f"{SUBSCRIBERS:,} subscribers made in {time.perf_counter() - began:.1f} s")

    task_finished.connect(batch_done)
    began = time.perf_counter()
    _started[0] = began
    services.mailing_queue(
        topic="threat_level",
        source="bench:threat-level",
        subject="The UK national threat level has been raised to severe",
        path="/threat-level/",
        text="From today the national threat level is SEVERE: an attack is highly likely.",
        html="<p>From today the national threat level is <strong>SEVERE</strong>.</p>",
        urgent=True,
    )
    elapsed = time.perf_counter() - began
    mailing = Mailing.objects.get(source="bench:threat-level")
    tenth = max(1, len(batches) // 10)
    per_message = [seconds / sent * 1000 for seconds, sent, _ in batches if sent]
    first_ms = statistics.median(per_message[:tenth])
    last_ms = statistics.median(per_message[-tenth:])
    growth = batches[-1][2] - batches[tenth - 1][2]

    print(
        f"queued {mailing.queued:,}, sent {mailing.sent:,}, failed {mailing.failed:,} "
        f"in {elapsed:.1f} s: {mailing.sent / elapsed:,.0f} emails a second, "
        f"{len(batches)} batches of {settings.UPDATES_BATCH_SIZE}"
    )
    print(
        f"per email: first tenth {first_ms:.2f} ms, last tenth {last_ms:.2f} ms "
        f"({last_ms / first_ms:.2f}x; target at most {SLOWER_AT_MOST}x)"
    )
    print(
        f"memory: {batches[tenth - 1][2]:.0f} MB after the first tenth, {batches[-1][2]:.0f} MB "
        f"at the end (+{growth:.1f} MB; target under {GROWTH_MB_AT_MOST} MB)"
    )
    failures = []
    if not (mailing.queued == mailing.sent == SUBSCRIBERS and mailing.failed == 0):
        failures.append("not everyone was sent to")
    if last_ms > first_ms * SLOWER_AT_MOST:
        failures.append("sending slowed down")
    if growth >= GROWTH_MB_AT_MOST:
        failures.append("memory grew")
    for failure in failures:
        print("TARGET MISSED:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        sink.terminate()
        sink.wait()
