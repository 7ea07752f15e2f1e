"""Staff screens: the feedback inbox (Feedback triage only), the organisations list, and Prevent
referrals (Prevent triage only)."""

import csv

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters

from contact.models import Feedback, Organisation, Referral, ReferralAccess
from ctu_site.roles import FEEDBACK_TRIAGE, PREVENT_TRIAGE

# Cells a spreadsheet would run as a formula; the public wrote these, so defuse them.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

CSV_COLUMNS = (
    ("reference", _("Reference")),
    ("created_at", _("Received")),
    ("kind", _("Kind")),
    ("status", _("Status")),
    ("assignee", _("Assigned to")),
    ("page_path", _("Page")),
    ("found_what_looking_for", _("Found what they were looking for")),
    ("rating", _("Rating")),
    ("comment", _("Comment")),
    ("message", _("Message")),
    ("name", _("Name")),
    ("email", _("Email address")),
    ("may_reply", _("May reply")),
    ("notes", _("Internal notes")),
)


def csv_cell(value) -> str:
    """One value as spreadsheet-safe text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose write() hands the line back, for streaming csv.writer output."""

    def write(self, value):
        return value


def feedback_csv_rows(queryset):
    """The header and one row per feedback, produced lazily so a large export streams."""
    writer = csv.writer(_Echo())
    yield writer.writerow([str(label) for _name, label in CSV_COLUMNS])
    for feedback in queryset.select_related("assignee").iterator(chunk_size=500):
        row = []
        for name, _label in CSV_COLUMNS:
            value = getattr(feedback, name)
            if name == "assignee" and value is not None:
                value = value.get_username()
            row.append(csv_cell(value))
        yield writer.writerow(row)


@admin.action(description=_("Export selected feedback as CSV"), permissions=["view"])
def export_csv(modeladmin, request, queryset):
    filename = f"feedback-{timezone.localdate():%Y-%m-%d}.csv"
    response = StreamingHttpResponse(
        feedback_csv_rows(queryset.order_by("created_at")), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """The feedback inbox: general and page feedback, triaged by status and assignee."""

    list_display = [
        "reference",
        "kind",
        "status",
        "page_path",
        "rating",
        "found_what_looking_for",
        "assignee",
        "created_at",
    ]
    list_filter = ["kind", "status", "rating", "found_what_looking_for", "created_at"]
    list_select_related = ["assignee"]
    search_fields = ["reference", "page_path", "message", "comment", "name", "email", "notes"]
    date_hierarchy = "created_at"
    actions = [export_csv]
    # The public's words are evidence of what was sent: staff read them, never change them.
    readonly_fields = [
        "reference",
        "kind",
        "created_at",
        "page_path",
        "found_what_looking_for",
        "rating",
        "comment",
        "message",
        "name",
        "email",
        "may_reply",
    ]
    fieldsets = [
        (
            _("What was sent"),
            {
                "fields": [
                    "reference",
                    "kind",
                    "created_at",
                    "page_path",
                    "found_what_looking_for",
                    "rating",
                    "comment",
                    "message",
                ]
            },
        ),
        (_("Who sent it"), {"fields": ["name", "email", "may_reply"]}),
        (_("Triage"), {"fields": ["status", "assignee", "notes"]}),
    ]
    change_list_template = "admin/contact/feedback/change_list.html"

    def has_add_permission(self, request):
        # Feedback only ever comes from the public forms.
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(is_active=True, is_staff=True)
                .filter(Q(is_superuser=True) | Q(groups__name=FEEDBACK_TRIAGE))
                .distinct()
                .order_by("username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_urls(self):
        summary = path(
            "summary/",
            self.admin_site.admin_view(self.summary_view),
            name="contact_feedback_summary",
        )
        return [summary, *super().get_urls()]

    def summary_view(self, request):
        """Per page: responses, average rating and how many found what they were looking for."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = []
        for row in Feedback.objects.page_summary():
            answered = row["answered"]
            rows.append(
                {
                    **row,
                    "found_percent": round(100 * row["found"] / answered) if answered else None,
                    "changelist_url": reverse("admin:contact_feedback_changelist")
                    + "?"
                    + urlencode({"kind__exact": Feedback.Kind.PAGE, "q": row["page_path"]}),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Page feedback by page"),
            "opts": self.model._meta,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/contact/feedback/summary.html", context)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """The independent organisations listed on the contact page."""

    list_display = ["name", "phone", "website", "sort_order"]
    list_editable = ["sort_order"]
    search_fields = ["name", "description"]


# --- Prevent referrals: the Prevent triage group only, every look recorded -------------------


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
    writer = csv.writer(_Echo())
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
