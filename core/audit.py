"""The audit log of staff actions (django-auditlog), and the one way code adds to it.

Saves and deletions of the models in AUDITLOG_INCLUDE_TRACKING_MODELS are recorded by
auditlog itself; ``record()`` adds the actions that are not a plain save: published,
unpublished, scheduled, submitted for review, reverted, taken off the site; and staff sign-ins,
successful and failed.
"""

from auditlog.middleware import AuditlogMiddleware
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model

from core.guards import client_ip


def record(obj, event: str, *, actor=None, detail: str = "") -> None:
    """Add ``event`` ("Published", "Unpublished", ...) about ``obj`` to the audit log."""
    LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        changes_text=f"{event}: {detail}" if detail else event,
        actor=actor if actor is not None and actor.is_authenticated else None,
        additional_data={"event": event},
    )


class AuditActorMiddleware(AuditlogMiddleware):
    """auditlog's middleware, with the client address read the way the rate limits read it
    (TRUSTED_PROXY_HOPS), not from a forgeable first X-Forwarded-For entry."""

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request)


def signed_in(sender, request, user, **kwargs) -> None:
    """user_logged_in receiver: a staff sign-in is a staff action."""
    record(user, "Signed in", actor=user)


def sign_in_failed(sender, credentials, request=None, **kwargs) -> None:
    """user_login_failed receiver: recorded against the account when it exists (attempts on
    names that do not exist are in django-axes' access attempts)."""
    model = get_user_model()
    username = (credentials or {}).get(model.USERNAME_FIELD, "")
    user = model.objects.filter(**{model.USERNAME_FIELD: username}).first() if username else None
    if user is not None:
        record(user, "Failed sign-in")
