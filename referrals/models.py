"""Prevent referrals from professionals, encrypted at rest, and the record of who read them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.references import random_reference
from referrals.encryption import EncryptedTextField


def new_referral_reference() -> str:
    """A reference like PR-7K3M-9QXT-B2: 30**10 (about 6 x 10**14) possibilities, unguessable."""
    return random_reference("PR-", 4, 4, 2)


class Referral(models.Model):
    """A Prevent referral from a professional. Every personal and concern field is encrypted.

    Only the Prevent triage group can read one (see referrals/admin.py), and every time anyone
    does, a ReferralAccess row records it.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ASSESSING = "assessing", _("Assessing")
        CHANNEL = "channel", _("Passed to the Channel panel")
        NO_FURTHER_ACTION = "nfa", _("No further action")
        CLOSED = "closed", _("Closed")

    class OrganisationType(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", _("Local authority")
        EDUCATION = "education", _("School, college or university")
        HEALTH = "health", _("Health")
        CHARITY = "charity", _("Charity or voluntary organisation")
        COMMUNITY = "community", _("Community or faith group")
        OTHER = "other", _("Other")

    reference = models.CharField(max_length=20, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.RECEIVED)
    status_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The member of the Prevent team dealing with it."),
    )
    # Not personal: kept in the clear so that the list can be filtered by it.
    referrer_organisation_type = models.CharField(
        _("organisation type"), max_length=30, choices=OrganisationType.choices
    )

    # About the person referring (encrypted).
    referrer_name = EncryptedTextField(_("referrer's name"))
    referrer_role = EncryptedTextField(_("referrer's role"))
    referrer_organisation = EncryptedTextField(_("referrer's organisation"))
    referrer_email = EncryptedTextField(_("referrer's work email"))
    referrer_phone = EncryptedTextField(_("referrer's phone"))
    # About the person referred (encrypted).
    person_name = EncryptedTextField(_("name"))
    person_date_of_birth = EncryptedTextField(_("date of birth"), blank=True)
    person_age = EncryptedTextField(_("approximate age"), blank=True)
    person_address = EncryptedTextField(_("address or area"))
    person_school_or_employer = EncryptedTextField(_("school or employer"), blank=True)
    # The concerns (encrypted).
    concerns = EncryptedTextField(_("what has been seen or heard"))
    concerns_since = EncryptedTextField(_("since when"))
    immediate_risk = EncryptedTextField(_("anything suggesting an immediate risk"), blank=True)
    person_aware = EncryptedTextField(_("does the person know about the referral"))
    sharing_basis = EncryptedTextField(_("basis for sharing"))
    other_agencies = EncryptedTextField(_("other agencies involved"), blank=True)
    # Triage (encrypted: notes about a person are as sensitive as the referral).
    notes = EncryptedTextField(
        _("internal notes"), blank=True, help_text=_("For the Prevent team only.")
    )

    class Meta:
        ordering = ["-created_at"]
        permissions = [("export_referral", "Can export referrals")]

    def __str__(self):
        return self.reference

    ENCRYPTED_FIELDS = (
        "referrer_name",
        "referrer_role",
        "referrer_organisation",
        "referrer_email",
        "referrer_phone",
        "person_name",
        "person_date_of_birth",
        "person_age",
        "person_address",
        "person_school_or_employer",
        "concerns",
        "concerns_since",
        "immediate_risk",
        "person_aware",
        "sharing_basis",
        "other_agencies",
        "notes",
    )

    def set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            self.status_changed_at = timezone.now()
        self.closed_at = self.status_changed_at if status == self.Status.CLOSED else None


class ReferralAccess(models.Model):
    """Who looked at which referral, when, and how: kept after the referral is purged."""

    class Action(models.TextChoices):
        LIST = "list", _("Listed")
        VIEW = "view", _("Opened")
        CHANGE = "change", _("Changed")
        EXPORT = "export", _("Exported")

    referral = models.ForeignKey(
        Referral, null=True, blank=True, on_delete=models.SET_NULL, related_name="accesses"
    )
    reference = models.CharField(max_length=20, blank=True, help_text=_("Kept after a purge."))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150)
    action = models.CharField(max_length=10, choices=Action.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = "referral access record"

    def __str__(self):
        return f"{self.username} {self.get_action_display().lower()} {self.reference or 'list'}"
