"""The numbers and routes for reporting terrorism: the one place they are written in code.

Every template gets them through the ``site`` context processor or the ``{% tel %}`` tag, so a
number changes here and everywhere at once. They never come from the database, so they render
on error pages and while the database is down.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PhoneNumber:
    """A number the public can call, shown as written and dialled through a tel: link."""

    key: str
    name: str
    number: str
    description: str

    @property
    def tel(self) -> str:
        """The tel: address (RFC 3966), international form for UK numbers that allow it."""
        digits = "".join(ch for ch in self.number if ch.isdigit())
        if len(digits) <= 5:  # 999, 101, text-relay prefixes: dial as they are.
            return f"tel:{digits}"
        return f"tel:+44{digits[1:]}" if digits.startswith("0") else f"tel:{digits}"

    def __str__(self) -> str:
        return self.number


EMERGENCY = PhoneNumber(
    key="emergency",
    name=_("Emergency"),
    number="999",
    description=_("Call 999 if there is an immediate threat to life."),
)
ANTI_TERRORIST_HOTLINE = PhoneNumber(
    key="hotline",
    name=_("Anti-Terrorist Hotline"),
    number="0800 789 321",
    description=_("Free and confidential. You do not have to give your name."),
)
CRIMESTOPPERS = PhoneNumber(
    key="crimestoppers",
    name=_("Crimestoppers"),
    number="0800 555 111",
    description=_("An independent charity. You can stay completely anonymous."),
)
ACT_EARLY = PhoneNumber(
    key="act_early",
    name=_("Act Early support line"),
    number="0800 011 3764",
    description=_("For anyone worried that someone close to them is being radicalised."),
)
NON_EMERGENCY = PhoneNumber(
    key="non_emergency",
    name=_("Police non-emergency number"),
    number="101",
    description=_("For police matters that are not an emergency."),
)
VICTIM_SUPPORT = PhoneNumber(
    key="victim_support",
    name=_("Victim Support"),
    number="08 08 16 89 111",
    description=_(
        "An independent charity: free support, day and night, for anyone affected by a crime "
        "or a major incident."
    ),
)
RELAY_UK_PREFIX = "18001"
# Relay UK's own number for the emergency services: "18001 999" is not how it works.
EMERGENCY_TEXT_RELAY = PhoneNumber(
    key="emergency_relay",
    name=_("Emergency services by text relay"),
    number="18000",
    description=_("Through Relay UK, for people who cannot speak or hear on the phone."),
)

ALL_NUMBERS = (
    EMERGENCY,
    ANTI_TERRORIST_HOTLINE,
    CRIMESTOPPERS,
    ACT_EARLY,
    NON_EMERGENCY,
    VICTIM_SUPPORT,
)


def relay_uk(number: PhoneNumber) -> PhoneNumber:
    """The same number through Relay UK, for people who are deaf or hard of hearing."""
    if number.key == EMERGENCY.key:
        return EMERGENCY_TEXT_RELAY
    return PhoneNumber(
        key=f"{number.key}_relay",
        name=format_lazy(_("{name} by text relay"), name=number.name),
        number=f"{RELAY_UK_PREFIX} {number.number}",
        description=_("Through Relay UK."),
    )


def reporting_context() -> dict:
    """What every template needs to show the ways to report, with no database access."""
    return {
        "emergency": EMERGENCY,
        "hotline": ANTI_TERRORIST_HOTLINE,
        "crimestoppers": CRIMESTOPPERS,
        "act_early": ACT_EARLY,
        "victim_support": VICTIM_SUPPORT,
        "relay_hotline": relay_uk(ANTI_TERRORIST_HOTLINE),
        "relay_emergency": relay_uk(EMERGENCY),
        "emergency_sms_url": settings.EMERGENCY_SMS_URL,
        "bsl_999_url": settings.BSL_999_URL,
        "relay_uk_url": settings.RELAY_UK_URL,
        "major_incident_portal_url": settings.MAJOR_INCIDENT_PORTAL_URL,
        "counter_terrorism_policing_url": settings.COUNTER_TERRORISM_POLICING_URL,
        "report_online_url": settings.ACT_ONLINE_REPORT_URL,
        "mi5_report_url": settings.MI5_REPORT_URL,
        "extremist_material_url": settings.EXTREMIST_MATERIAL_REPORT_URL,
    }


# Placeholders that starter content (and any text written outside the admin) uses instead of
# typing a number out: "Call {{ hotline }}" becomes a tel: link to the hotline.
PLACEHOLDERS = {
    "emergency": EMERGENCY,
    "hotline": ANTI_TERRORIST_HOTLINE,
    "crimestoppers": CRIMESTOPPERS,
    "act_early": ACT_EARLY,
    "victim_support": VICTIM_SUPPORT,
    "non_emergency": NON_EMERGENCY,
    "relay_hotline": relay_uk(ANTI_TERRORIST_HOTLINE),
    "relay_emergency": relay_uk(EMERGENCY),
}
PLACEHOLDER = re.compile(r"\{\{\s*(?P<name>\w+)\s*\}\}")


def fill_numbers(text: str, *, links: bool = True) -> str:
    """Put the numbers in for ``{{ hotline }}``-style placeholders: Markdown tel: links, or
    the number as written when ``links`` is false (plain text such as a summary).

    An unknown placeholder raises ValueError, so a typo never reaches the public as braces.
    """

    def number_for(match: re.Match) -> str:
        name = match["name"]
        if name not in PLACEHOLDERS:
            known = ", ".join(sorted(PLACEHOLDERS))
            raise ValueError(f"Unknown number placeholder {{{{ {name} }}}} (known: {known})")
        number = PLACEHOLDERS[name]
        return f"[{number.number}]({number.tel})" if links else number.number

    return PLACEHOLDER.sub(number_for, text)
