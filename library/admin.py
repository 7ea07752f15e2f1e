"""The media library in the staff site: upload, describe, find, see where each file is used,
and delete only what nothing uses."""

import re

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils.html import format_html, format_html_join

from library import access, renditions, services
from library.forms import DocumentForm, ImageForm
from library.models import Collection, Document, Image

FIELD_ID = re.compile(r"id_[a-z_]{1,40}")


@admin.register(Collection)
class CollectionAdmin(admin.ModelAdmin):
    search_fields = ["name"]


class MediaFileAdmin(admin.ModelAdmin):
    list_filter = ["collection"]
    search_fields = ["title", "original_name"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["reference", "status", "used_on", "details"]
    publish_permission = ""

    class Media:
        css = {"all": ("css/admin.css",)}

    def get_urls(self):
        meta = self.model._meta
        return [
            path(
                "choose/",
                self.admin_site.admin_view(self.choose_view),
                name=f"{meta.app_label}_{meta.model_name}_choose",
            ),
            *super().get_urls(),
        ]

    def choose_view(self, request):
        """Pick a file to put in a page: with JavaScript, Insert writes its reference into the
        field the chooser was opened from; without, staff copy the reference shown."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        field = request.GET.get("field", "")
        field = field if FIELD_ID.fullmatch(field) else "id_body"
        query = request.GET.get("q", "").strip()[:100]
        files = self.get_queryset(request).order_by("-uploaded_at")
        if query:
            files = files.filter(title__icontains=query)
        page = Paginator(files, 30).get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Choose {'an image' if self.model is Image else 'a document'}",
            "page": page,
            "query": query,
            "field": field,
            "is_image": self.model is Image,
            "add_url": reverse(f"admin:library_{self.model._meta.model_name}_add"),
        }
        return TemplateResponse(request, "admin/library/choose.html", context)

    def can_make_public(self, request) -> bool:
        return request.user.has_perm(self.publish_permission)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        can = self.can_make_public(request)

        class WithRole(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, can_make_public=can, **inner)

        return WithRole

    def get_fields(self, request, obj=None):
        fields = [*self.form._meta.fields]
        if self.can_make_public(request):
            fields.append("make_public")
        return [*fields, *(self.readonly_fields if obj else [])]

    def save_model(self, request, obj, form, change):
        if form.checked is not None:
            services.file_store(obj, form.checked, by=request.user)
        else:
            obj.save()
        if change:
            services.file_described(obj)
        if "make_public" in form.cleaned_data:
            services.public_set(obj, form.cleaned_data["make_public"])

    # --- what staff read on the change page ---------------------------------------------------
    @admin.display(description="Reference for a page")
    def reference(self, obj):
        return format_html(
            "<code>{}</code><br>Put this on a line of its own in the body of a page, news "
            "item, operation or incident.",
            obj.reference(),
        )

    @admin.display(description="Who can see it")
    def status(self, obj):
        if obj.made_public_at:
            return "Public: a Publisher made it public."
        if access.in_published_content(obj):
            return "Public: published content shows it."
        return "Staff only, until a published page shows it."

    @admin.display(description="Used on")
    def used_on(self, obj):
        rows = []
        for usage in obj.usages.select_related("content_type"):
            target = usage.content_object
            if target is None:
                continue
            ct = usage.content_type
            try:
                url = reverse(f"admin:{ct.app_label}_{ct.model}_change", args=[usage.object_id])
            except NoReverseMatch:
                url = ""
            where = "in a draft" if usage.in_draft_only else "in its content"
            rows.append((url, target, ct.name, where))
        if not rows:
            return "Nothing uses it."
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", '<li><a href="{}">{}</a> ({}, {})</li>', rows),
        )

    def get_deleted_objects(self, objs, request):
        """Nothing that content shows can be deleted: its usage list is the reason."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for obj in objs:
            for usage in obj.usages.select_related("content_type"):
                if usage.content_object is not None:
                    protected.append(
                        f"{usage.content_type.name.capitalize()}: {usage.content_object} "
                        "(take it out of that content first)"
                    )
        return deleted, model_count, perms_needed, protected


@admin.register(Image)
class ImageAdmin(MediaFileAdmin):
    form = ImageForm
    list_display = ["thumbnail", "title", "collection", "uploaded_at", "uploaded_by"]
    readonly_fields = ["preview", *MediaFileAdmin.readonly_fields]
    publish_permission = "library.publish_image"

    def get_urls(self):
        return [
            path(
                "<int:pk>/thumbnail/",
                self.admin_site.admin_view(self.thumbnail_view),
                name="library_image_thumbnail",
            ),
            *super().get_urls(),
        ]

    def thumbnail_view(self, request, pk):
        """The smallest rendition of an image, for the lead image field's preview."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        image = self.get_queryset(request).filter(pk=pk).first()
        if image is None:
            raise Http404
        return redirect(renditions.thumbnail_url(image))

    @admin.display(description="")
    def thumbnail(self, obj):
        return format_html(
            '<img src="{}" alt="" width="80" loading="lazy">',
            renditions.thumbnail_url(obj),
        )

    @admin.display(description="Image")
    def preview(self, obj):
        return format_html(
            '<img src="{}" alt="{}" width="320">',
            renditions.rendition_url(obj, min(640, obj.width), "webp"),
            obj.alt,
        )

    @admin.display(description="File")
    def details(self, obj):
        return (
            f"{obj.get_format_display()}, {obj.width} x {obj.height} pixels, "
            f"{obj.size:,} bytes; uploaded as “{obj.original_name}”"
        )


@admin.register(Document)
class DocumentAdmin(MediaFileAdmin):
    form = DocumentForm
    list_display = ["title", "file_kind", "pages", "collection", "uploaded_at", "uploaded_by"]
    list_filter = ["file_kind", "collection"]
    publish_permission = "library.publish_document"

    @admin.display(description="File")
    def details(self, obj):
        pages = f", {obj.pages} pages" if obj.pages else ""
        return (
            f"{obj.get_file_kind_display()}{pages}, {obj.size:,} bytes; uploaded as "
            f"“{obj.original_name}”. Open it: {obj.get_absolute_url()}"
        )
