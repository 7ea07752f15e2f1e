"""Starter organisations for "If you would rather not contact the police". Safe to run again.

The source material's list (a 2006 London report) was not copied: one body on it was abolished in
2007, one phone number is cut short, others have no website or no description of what they do,
and none could be checked. A wrong number on this page would send someone with information about
terrorism to a dead end. Crimestoppers, the national independent route, is written into the page
from core.emergency.py instead, so it shows even with the database down. Add an entry here
only when every detail has been checked with the organisation.
"""

from contact.models import Organisation

# (name, what they do, phone, website, order). Deliberately empty: see the module docstring.
ORGANISATIONS: tuple[dict, ...] = ()


def load() -> int:
    """Create each starter organisation that is not there yet (by name); return how many."""
    created = 0
    for spec in ORGANISATIONS:
        _organisation, was_created = Organisation.objects.get_or_create(
            name=spec["name"],
            defaults={
                "description": spec["description"],
                "phone": spec.get("phone", ""),
                "website": spec.get("website", ""),
                "sort_order": spec.get("sort_order", 100),
            },
        )
        created += was_created
    return created
