"""Staff editing of operations, with the shared drafting and publishing workflow."""

from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget

from operations.models import Operation
from operations.views import decade_label, operation_context
from publishing.admin import PublishableAdmin, PublishStateFilter


class DecadeFilter(admin.SimpleListFilter):
    """Filter by the decade of conviction or sentence, offering only decades that have one."""

    title = "decade of conviction"
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        years = Operation.objects.exclude(conviction_year=None).values_list(
            "conviction_year", flat=True
        )
        decades = sorted({year // 10 * 10 for year in years}, reverse=True)
        return [(str(decade), decade_label(decade)) for decade in decades]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.in_decade(int(value))
        return queryset


@admin.register(Operation)
class OperationAdmin(PublishableAdmin):
    """Operations with their facts, publishing state and reporting restrictions at a glance."""

    preview_template = "operations/operation_detail.html"
    list_display = (
        "name",
        "conviction_year",
        "outcome",
        "state",
        "reporting_restrictions",
        "facts_last_checked",
        "updated_at",
    )
    list_filter = (
        PublishStateFilter,
        "reporting_restrictions",
        "outcome",
        "strand",
        DecadeFilter,
        "facts_last_checked",
    )
    search_fields = ("name", "summary", "body", "offences", "people_from", "sentences")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("related_operations",)
    # Links to other operations are public as soon as they are saved: a Publisher's change.
    publisher_fields = ("related_operations",)
    fieldsets = (
        (
            "Reporting restrictions",
            {
                "fields": ("reporting_restrictions",),
                "description": (
                    "Check with the Crown Prosecution Service before publishing anything about a "
                    "case that could still come before a court."
                ),
            },
        ),
        (None, {"fields": ("name", "summary", "body")}),
        (
            "Key facts",
            {
                "description": (
                    "Every fact here is shown to the public. Leave a box empty rather than guess."
                ),
                "fields": (
                    ("investigation_start_year", "investigation_end_year"),
                    "conviction_year",
                    "number_convicted",
                    "outcome",
                    "offences",
                    "sentences",
                    "people_from",
                    "strand",
                    "facts_source",
                    "facts_last_checked",
                ),
            },
        ),
        ("Sources (staff only)", {"fields": ("fact_sources",)}),
        ("Links and address", {"fields": ("related_operations", "slug")}),
        ("Scheduling", {"fields": ("go_live_at", "expire_at"), "classes": ("collapse",)}),
    )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "related_operations":
            # An operation is not related to itself: leave it out of the choices.
            object_id = request.resolver_match.kwargs.get("object_id")
            if object_id and str(object_id).isdigit():
                kwargs["queryset"] = Operation.objects.exclude(pk=object_id)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("summary", "offences", "sentences"):
            kwargs["widget"] = AdminTextareaWidget(attrs={"rows": 2})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def preview_context(self, request, obj):
        return operation_context(obj)
