"""Encryption at rest for Prevent referrals: Fernet tokens under keys from the environment.

``PREVENT_ENCRYPTION_KEYS`` holds one or more Fernet keys, newest first. Everything is
encrypted with the newest and can be read with any of them (``MultiFernet``), so a key is
rotated by putting a new one first, running ``manage.py rotate_referral_keys``, and then
removing the old one.
"""

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@cache
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.strip()) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            "PREVENT_ENCRYPTION_KEYS holds a value that is not a Fernet key "
            "(32 url-safe base64-encoded bytes)."
        ) from error


def fernet() -> MultiFernet:
    return _fernet_for(tuple(settings.PREVENT_ENCRYPTION_KEYS))


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    return fernet().decrypt(token.encode("ascii")).decode("utf-8")


def rotate(token: str) -> str:
    """The same text, encrypted again under the newest key."""
    return fernet().rotate(token.encode("ascii")).decode("ascii")


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token; Python code only ever sees the plain text.

    Empty text is stored as an empty string, so that "not given" stays visible without a key.
    It cannot be searched, filtered or ordered by in the database: that is the point.
    """

    description = "Text encrypted at rest"

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(value)

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        try:
            return decrypt(value)
        except InvalidToken as error:
            raise ImproperlyConfigured(
                "A Prevent referral could not be decrypted: is the key it was written with "
                "still in PREVENT_ENCRYPTION_KEYS?"
            ) from error
