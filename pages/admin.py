"""Staff editing of the page tree, its redirects and the useful-links directory."""

from django.contrib import admin
from django.contrib.admin.widgets import AdminTextareaWidget
from django.utils.html import format_html

from pages import services
from pages.models import Page, Redirect, UsefulLink
from pages.views import page_context
from publishing.admin import PublishableAdmin, PublishStateFilter
from publishing.services import can_publish


class ChildInline(admin.TabularInline):
    model = Page
    fk_name = "parent"
    fields = ("title", "slug", "sort_order", "state")
    readonly_fields = ("title", "slug", "state")
    extra = 0
    show_change_link = True
    verbose_name = "page in this section"
    verbose_name_plural = "Pages in this section (change the order numbers to reorder them)"
    can_delete = False

    @admin.display(description="State")
    def state(self, obj):
        return obj.publish_state.label

    def has_add_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        if can_publish(request.user, Page):
            return self.readonly_fields
        return (*self.readonly_fields, "sort_order")


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    """The page tree: indented by depth, in tree order, with each page's publishing state."""

    preview_template = "pages/page.html"
    list_display = (
        "indented_title",
        "url_path",
        "state",
        "show_in_menus",
        "sort_order",
        "updated_at",
    )
    list_editable = ("sort_order",)
    list_filter = (PublishStateFilter, "show_in_menus")
    search_fields = ("title", "summary", "body", "url_path")
    ordering = ("tree_key",)
    list_per_page = 200
    inlines = [ChildInline]
    fieldsets = (
        (None, {"fields": ("title", "summary", "body", "related_links")}),
        (
            "Place in the site",
            {
                "fields": (
                    "parent",
                    "slug",
                    "menu_title",
                    "sort_order",
                    "show_in_menus",
                    "show_exit_button",
                )
            },
        ),
        ("Review", {"fields": ("last_reviewed_on",)}),
        ("Scheduling", {"fields": ("go_live_at", "expire_at"), "classes": ("collapse",)}),
    )
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("parent",)
    # Moving, renaming or reordering a live page changes the public site: a Publisher's call.
    publisher_fields_when_live = ("parent", "slug", "sort_order", "show_in_menus")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "summary":
            kwargs["widget"] = AdminTextareaWidget(attrs={"rows": 2})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="Title", ordering="tree_key")
    def indented_title(self, obj):
        return format_html(
            '<span class="app-tree-depth-{}">{}{}</span>',
            obj.depth,
            "— " * (obj.depth - 1),
            obj.title,
        )

    def save_formset(self, request, form, formset, change):
        # The section's inline list only reorders pages: save each through the tree's service
        # so that its own children follow it.
        for child in formset.save(commit=False):
            services.page_structure_save(page=child)

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not can_publish(request.user, self.model):
            changelist.list_editable = ()
        return changelist

    def preview_context(self, request, obj):
        return page_context(obj)


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    """Old page addresses and the pages they now lead to (made automatically on moves)."""

    list_display = ("old_path", "page", "created_at")
    search_fields = ("old_path", "page__title", "page__url_path")
    autocomplete_fields = ("page",)


@admin.register(UsefulLink)
class UsefulLinkAdmin(admin.ModelAdmin):
    """The directory at /useful-links/: changes show on the site at once, so only Publishers
    make them (Editors may look)."""

    list_display = ("title", "category", "sort_order", "url", "status_note")
    list_editable = ("sort_order",)
    list_filter = ("category",)
    search_fields = ("title", "description", "url", "status_note")
    fields = ("title", "url", "description", "status_note", "category", "sort_order")
