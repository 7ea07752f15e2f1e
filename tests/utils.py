"""Small helpers for reading what a visitor sees in a response."""

import re

HOTLINE_TEL = "tel:+44800789321"
EMERGENCY_TEL = "tel:999"


def tel_links(html: str) -> set[str]:
    """Every tel: address linked in the HTML."""
    return set(re.findall(r'href="(tel:[^"]+)"', html))


def text_of(response) -> str:
    return response.content.decode()


# Queries every page makes on a cold cache for its shared context (the main menu, the threat
# level, the incident alerts, the next scheduled publishing change); after that they come from
# the cache. Page budgets add this.
SITE_CONTEXT_QUERIES = 4
