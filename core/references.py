"""Short references the public quote back to us (FB-7K3M9Q, PR-7K3M-9QXT-B2), made unique.

Letters and digits that cannot be mistaken for one another when read over the phone.
"""

import secrets
from collections.abc import Callable

from django.db import IntegrityError, models, transaction

REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
ATTEMPTS = 5


def random_reference(prefix: str, *groups: int) -> str:
    """``prefix`` then random groups of the given lengths, joined by hyphens: ("PR-", 4, 4, 2)."""
    parts = ["".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(n)) for n in groups]
    return prefix + "-".join(parts)


def save_with_unique_reference(
    obj: models.Model, generate: Callable[[], str], *, field: str = "reference"
) -> None:
    """Save ``obj`` with a fresh reference, trying again in the unlikely event it is taken.

    Any other integrity error is raised as it is, never hidden by a retry.
    """
    model = type(obj)
    for attempt in range(ATTEMPTS):
        setattr(obj, field, generate())
        try:
            with transaction.atomic():
                obj.save()
            return
        except IntegrityError:
            taken = model.objects.filter(**{field: getattr(obj, field)}).exists()
            if attempt == ATTEMPTS - 1 or not taken:
                raise
