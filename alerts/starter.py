"""Starter content for site-wide information: the current national threat level."""

import datetime as dt

from alerts.models import ThreatLevel, ThreatLevelChange

# The UK national threat level has been SUBSTANTIAL since 9 February 2022 (MI5's announcement).
STARTER_LEVEL = ThreatLevel.Code.SUBSTANTIAL
STARTER_DATE = dt.date(2022, 2, 9)


def load() -> int:
    """Record the starter level unless staff have recorded one already."""
    if ThreatLevelChange.objects.exists():
        return 0
    ThreatLevelChange.objects.create(
        level=ThreatLevel.objects.get(code=STARTER_LEVEL),
        took_effect_on=STARTER_DATE,
        note="Starter content: check against MI5's threat level page and confirm.",
        # Nobody has checked it yet, so the admin asks staff to confirm it straight away.
        confirmed_at=dt.datetime.combine(STARTER_DATE, dt.time(), tzinfo=dt.UTC),
    )
    return 1
