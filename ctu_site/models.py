"""Staff accounts: the invitation a new member of staff enrols their authenticator app with."""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

VALID_FOR = dt.timedelta(hours=48)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class EnrolmentInvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())

    def for_token(self, token: str):
        """The usable invitation behind a link's token, or None."""
        return self.usable().filter(token_digest=_digest(token or "")).first()


class EnrolmentInvitation(models.Model):
    """A single-use, expiring link a superuser gives one person, in person or by a channel they
    trust, so that they can set up their authenticator app. Without one, a password alone
    never leads to the set-up key: whoever knows a password cannot enrol a device of their own.
    Only the token's digest is stored; the link is shown once, when it is made."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    objects = EnrolmentInvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("enrolment invitation")

    def __str__(self):
        return f"Invitation for {self.user}"

    @classmethod
    def issue(cls, *, user, by) -> tuple["EnrolmentInvitation", str]:
        """A new invitation for ``user`` (earlier unused ones stop working) and its token."""
        cls.objects.filter(user=user, used_at__isnull=True).delete()
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            user=user,
            token_digest=_digest(token),
            created_by=by,
            expires_at=timezone.now() + VALID_FOR,
        )
        return invitation, token
