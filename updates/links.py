"""The signed links in updates emails: confirm (expires, works once), manage and unsubscribe
(no expiry, so that a link in an old email still lets someone leave; dead once they have)."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

from updates.models import Subscriber

CONFIRM_SALT = "updates.confirm"
MANAGE_SALT = "updates.manage"


class LinkProblem(Exception):
    """Why a link cannot be used, in words for the page that says so."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind  # "invalid", "expired" or "used"


def confirm_token(subscriber: Subscriber) -> str:
    return signing.dumps({"s": subscriber.pk, "n": subscriber.confirm_nonce}, salt=CONFIRM_SALT)


def manage_token(subscriber: Subscriber) -> str:
    return signing.dumps({"s": subscriber.pk, "k": subscriber.key}, salt=MANAGE_SALT)


def absolute(url_name: str, token: str) -> str:
    return settings.SITE_URL + reverse(url_name, args=[token])


@dataclass(frozen=True)
class Links:
    manage: str
    unsubscribe: str

    @classmethod
    def for_subscriber(cls, subscriber: Subscriber) -> "Links":
        token = manage_token(subscriber)
        return cls(
            manage=absolute("updates:manage", token),
            unsubscribe=absolute("updates:unsubscribe", token),
        )


def subscriber_to_confirm(token: str, *, for_update: bool = False) -> Subscriber:
    """The subscriber a confirmation link is for; LinkProblem if it is altered, too old or used."""
    max_age = settings.UPDATES_CONFIRM_DAYS * 24 * 60 * 60
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkProblem("expired") from None
    except signing.BadSignature:
        raise LinkProblem("invalid") from None
    queryset = Subscriber.objects.select_for_update() if for_update else Subscriber.objects
    subscriber = queryset.filter(pk=data.get("s")).first()
    nonce = data.get("n")
    if subscriber is None or not nonce or subscriber.confirm_nonce != nonce:
        # Used already, replaced by a newer email, or the address was deleted since.
        raise LinkProblem("used")
    return subscriber


def subscriber_to_manage(token: str) -> Subscriber | None:
    """The subscriber a manage or unsubscribe link is for; None once they have left;
    LinkProblem("invalid") if the link was altered."""
    try:
        data = signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature:
        raise LinkProblem("invalid") from None
    return Subscriber.objects.filter(pk=data.get("s"), key=data.get("k")).first()
