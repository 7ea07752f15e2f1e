"""The five UK national threat levels with the wording MI5 uses: the data staff start from.

Created by a data migration, and again after every migrate if missing (tests that flush the
database remove migration data).
"""

from django.apps import apps as global_apps

from core.emergency import fill_numbers

LEVELS = [
    (
        "low",
        1,
        "an attack is highly unlikely",
        "There is no need to do anything different. "
        "Stay alert to anything that does not feel right.",
    ),
    (
        "moderate",
        2,
        "an attack is possible but not likely",
        "Carry on as normal, and report anything that does not feel right.",
    ),
    (
        "substantial",
        3,
        "an attack is likely",
        "Carry on as normal, stay alert, and report anything suspicious to {{ emergency }} in an "
        "emergency or the Anti-Terrorist Hotline on {{ hotline }}.",
    ),
    (
        "severe",
        4,
        "an attack is highly likely",
        "Expect to see more police in public places. Stay alert, follow any advice from "
        "the police, and report anything suspicious at once.",
    ),
    (
        "critical",
        5,
        "an attack is highly likely in the near future",
        "Follow the advice of the police and the authorities. Expect extra security and possible "
        "disruption. Call {{ emergency }} if you see anything that could be an immediate threat.",
    ),
]


def ensure_threat_levels(apps=None, **kwargs) -> None:
    """Create any missing level; never overwrite wording staff have edited."""
    ThreatLevel = (apps or global_apps).get_model("alerts", "ThreatLevel")
    for code, rank, meaning, advice in LEVELS:
        ThreatLevel.objects.get_or_create(
            code=code,
            defaults={
                "rank": rank,
                "meaning": meaning,
                "public_advice": fill_numbers(advice, links=False),
            },
        )
