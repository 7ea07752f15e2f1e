"""Staff editing of news, with the shared drafting and publishing workflow."""

from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget

from library.widgets import LeadImageAdminMixin
from news.models import NewsItem
from news.views import news_context
from publishing.admin import PublishableAdmin, PublishStateFilter


@admin.register(NewsItem)
class NewsItemAdmin(LeadImageAdminMixin, PublishableAdmin):
    """News, with the same drafting, review, publishing, history and revert as pages."""

    preview_template = "news/news_detail.html"
    list_display = ("title", "state", "first_published_at", "updated_at")
    search_fields = ("title", "summary", "body")
    date_hierarchy = "first_published_at"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("lead_image",)
    list_filter = (PublishStateFilter, "reporting_restrictions")
    fieldsets = (
        (
            "Reporting restrictions",
            {
                "fields": ("reporting_restrictions",),
                "description": (
                    "News of an arrest or a charge can prejudice a trial: check with the Crown "
                    "Prosecution Service before publishing it."
                ),
            },
        ),
        (None, {"fields": ("title", "summary", "lead_image", "body", "from_organisation")}),
        ("Address", {"fields": ("slug",)}),
        ("Scheduling", {"fields": ("go_live_at", "expire_at"), "classes": ("collapse",)}),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary":
            kwargs["widget"] = AdminTextareaWidget(attrs={"rows": 2})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def preview_context(self, request, obj):
        return news_context(obj)
