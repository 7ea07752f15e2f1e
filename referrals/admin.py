"""Staff screens for Prevent referrals: the Prevent triage group only, every look recorded."""

import csv

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters

from core.roles import PREVENT_TRIAGE
from core.spreadsheets import Echo, csv_cell
from referrals.models import Referral, ReferralAccess


def in_prevent_triage(user) -> bool:
    """Membership of the group itself: superusers are not let in by being superusers."""
    return bool(
        user.is_active and user.is_staff and user.groups.filter(name=PREVENT_TRIAGE).exists()
    )


class PreventTriageOnly:
    def has_module_permission(self, request):
        return in_prevent_triage(request.user)

    def has_view_permission(self, request, obj=None):
        return in_prevent_triage(request.user)

    def has_add_permission(self, request, obj=None):
        return False  # Referrals come only from the public journey.

    def has_delete_permission(self, request, obj=None):
        return False  # `manage.py purge_referrals` deletes them, after the retention period.


def record_access(request, action: str, referrals=(), detail: str = "") -> None:
    user = request.user
    rows = [
        ReferralAccess(
            referral=referral,
            reference=referral.reference,
            user=user,
            username=user.get_username(),
            action=action,
            detail=detail,
        )
        for referral in referrals
    ] or [ReferralAccess(user=user, username=user.get_username(), action=action, detail=detail)]
    ReferralAccess.objects.bulk_create(rows)


REFERRAL_CSV_FIELDS = (
    "reference",
    "created_at",
    "status",
    "referrer_organisation_type",
    *Referral.ENCRYPTED_FIELDS,
)


@admin.action(description=_("Export selected referrals as CSV"), permissions=["view"])
def export_referrals(modeladmin, request, queryset):
    referrals = list(queryset.order_by("created_at"))
    record_access(request, ReferralAccess.Action.EXPORT, referrals, detail="CSV export")
    writer = csv.writer(Echo())
    lines = [
        writer.writerow([Referral._meta.get_field(n).verbose_name for n in REFERRAL_CSV_FIELDS])
    ]
    for referral in referrals:
        lines.append(writer.writerow([csv_cell(getattr(referral, n)) for n in REFERRAL_CSV_FIELDS]))
    response = HttpResponse("".join(lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="prevent-referrals-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    response["Cache-Control"] = "no-store, private"
    return response


@admin.register(Referral)
class ReferralAdmin(PreventTriageOnly, admin.ModelAdmin):
    """Prevent referrals: read, triage and export, by the Prevent triage group alone."""

    list_display = (
        "reference",
        "created_at",
        "status",
        "referrer_organisation_type",
        "assigned_to",
    )
    list_filter = ("status", "referrer_organisation_type", "created_at")
    list_select_related = ("assigned_to",)
    search_fields = ("reference",)  # The rest is encrypted: it cannot be searched.
    search_help_text = _("Search by reference, e.g. PR-7K3M-9QXT-B2.")
    date_hierarchy = "created_at"
    actions = [export_referrals]
    fieldsets = (
        (_("Triage"), {"fields": ("reference", "created_at", "status", "assigned_to", "notes")}),
        (
            _("About the person referring"),
            {
                "fields": (
                    "referrer_name",
                    "referrer_role",
                    "referrer_organisation",
                    "referrer_organisation_type",
                    "referrer_email",
                    "referrer_phone",
                )
            },
        ),
        (
            _("About the person referred"),
            {
                "fields": (
                    "person_name",
                    "person_date_of_birth",
                    "person_age",
                    "person_address",
                    "person_school_or_employer",
                )
            },
        ),
        (_("Concerns"), {"fields": ("concerns", "concerns_since", "immediate_risk")}),
        (_("Consent and sharing"), {"fields": ("person_aware", "sharing_basis")}),
        (_("Other agencies"), {"fields": ("other_agencies",)}),
        (_("Record"), {"fields": ("status_changed_at", "closed_at")}),
    )
    # What the referrer wrote is evidence: staff read it, never change it.
    readonly_fields = (
        "reference",
        "created_at",
        "status_changed_at",
        "closed_at",
        "referrer_organisation_type",
        *(name for name in Referral.ENCRYPTED_FIELDS if name != "notes"),
    )

    def has_change_permission(self, request, obj=None):
        return in_prevent_triage(request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            kwargs["queryset"] = get_user_model().objects.filter(
                is_active=True, groups__name=PREVENT_TRIAGE
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @method_decorator(sensitive_post_parameters())
    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        if request.method == "GET" and getattr(response, "status_code", 0) == 200:
            shown = getattr(response, "context_data", {}).get("cl")
            count = len(shown.result_list) if shown is not None else 0
            record_access(request, ReferralAccess.Action.LIST, detail=f"listed {count} referral(s)")
        return response

    @method_decorator(sensitive_post_parameters())
    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        referral = Referral.objects.filter(pk=object_id).first() if object_id.isdigit() else None
        if referral is not None and self.has_view_permission(request):
            action = (
                ReferralAccess.Action.VIEW
                if request.method == "GET"
                else ReferralAccess.Action.CHANGE
            )
            record_access(request, action, [referral])
        return response

    @method_decorator(sensitive_post_parameters())
    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        referral = Referral.objects.filter(pk=object_id).first() if object_id.isdigit() else None
        if referral is not None and self.has_view_permission(request):
            record_access(request, ReferralAccess.Action.VIEW, [referral], detail="history")
        return response

    def save_model(self, request, obj, form, change):
        obj.set_status(form.cleaned_data["status"])
        super().save_model(request, obj, form, change)


@admin.register(ReferralAccess)
class ReferralAccessAdmin(PreventTriageOnly, admin.ModelAdmin):
    """Who looked at which referral and when: read-only, kept after referrals are purged."""

    list_display = ("at", "username", "action", "reference", "detail")
    list_filter = ("action", "at")
    search_fields = ("reference", "username")
    date_hierarchy = "at"

    def has_change_permission(self, request, obj=None):
        return False
