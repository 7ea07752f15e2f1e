"""Staff screens: the feedback inbox (Feedback triage only) and the organisations list."""

import csv

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from contact.models import Feedback, Organisation
from core.roles import FEEDBACK_TRIAGE
from core.spreadsheets import Echo, csv_cell

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
    ("organisation", _("Organisation")),
    ("name", _("Name")),
    ("email", _("Email address")),
    ("phone", _("Phone number")),
    ("may_reply", _("May reply")),
    ("notes", _("Internal notes")),
)


def feedback_csv_rows(queryset):
    """The header and one row per feedback, produced lazily so a large export streams."""
    writer = csv.writer(Echo())
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


WHAT_WAS_SENT = [
    "reference",
    "kind",
    "created_at",
    "page_path",
    "found_what_looking_for",
    "rating",
    "comment",
    "message",
]
WHO_SENT_IT = ["organisation", "name", "email", "phone", "may_reply"]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """The feedback inbox: general and page feedback and requests for a security adviser,
    triaged by status and assignee (filter by kind for the Protect team's requests)."""

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
    search_fields = [
        "reference",
        "page_path",
        "message",
        "comment",
        "organisation",
        "name",
        "email",
        "notes",
    ]
    date_hierarchy = "created_at"
    actions = [export_csv]
    fieldsets = [
        (_("What was sent"), {"fields": WHAT_WAS_SENT}),
        (_("Who sent it"), {"fields": WHO_SENT_IT}),
        (_("Triage"), {"fields": ["status", "assignee", "notes"]}),
    ]
    # The public's words are evidence of what was sent: staff read them, never change them.
    readonly_fields = [*WHAT_WAS_SENT, *WHO_SENT_IT]
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
