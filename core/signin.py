"""A ceiling on failed staff sign-ins for one username across every address.

django-axes locks a username out from one client (an address, or an IPv6 /64) after five
failures. Someone guessing from many addresses is met here instead: after SLOW_AFTER failures
for a username within WINDOW seconds, each further attempt must wait SLOW_SECONDS after the
last failure, right password or not (it slows, never locks: the person can always sign in
once they wait), and at ALERT_AT failures the site's administrators are emailed once.
"""

import time

from django.core.cache import cache
from django.core.mail import mail_admins

SLOW_AFTER = 10
ALERT_AT = 20
WINDOW = 60 * 60
SLOW_SECONDS = 60


def _key(username: str) -> str:
    return f"signin-failures:{username.strip().lower()[:150]}"


def failure_record(username: str) -> None:
    """Count one failed sign-in for ``username``, whatever address it came from."""
    if not username:
        return
    key = _key(username)
    entry = cache.get(key) or {"count": 0, "alerted": False}
    entry["count"] += 1
    entry["last"] = time.time()
    if entry["count"] >= ALERT_AT and not entry["alerted"]:
        entry["alerted"] = True
        mail_admins(
            "Many failed staff sign-ins for one username",
            f"There have been {entry['count']} failed sign-ins for the username "
            f"{username!r} in the last hour, from any address. Sign-ins for it are slowed "
            f"to one a minute. Check the audit log and django-axes' access attempts.",
        )
    cache.set(key, entry, WINDOW)


def wait_seconds(username: str) -> int:
    """How long a sign-in for ``username`` must wait now (0: go ahead)."""
    entry = cache.get(_key(username or "")) if username else None
    if not entry or entry["count"] < SLOW_AFTER:
        return 0
    return max(0, int(entry["last"] + SLOW_SECONDS - time.time()))


def failure_received(sender, credentials=None, request=None, **kwargs) -> None:
    """user_login_failed receiver."""
    failure_record((credentials or {}).get("username", ""))
