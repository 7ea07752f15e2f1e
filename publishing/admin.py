"""The publishing workflow in the admin, shared by every publishable model's admin.

``PublishableAdmin`` is the base for every publishable model's admin (pages, operations, news):
saving makes a draft revision, Editors can submit for review, only Publishers can publish,
unpublish and schedule (checked on the server), and each object has a preview, a revision
history, a comparison of two revisions and a revert.
"""

import json

from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

from core.content_version import refresh_public_pages
from publishing import compare, services
from publishing.forms import ANNOUNCE_FIELDS, PublishableForm
from publishing.models import PublishState, RemovedAddress, Revision

STATE_TAGS = {
    PublishState.DRAFT: "grey",
    PublishState.IN_REVIEW: "blue",
    PublishState.SCHEDULED: "purple",
    PublishState.LIVE: "green",
    PublishState.LIVE_WITH_CHANGES: "yellow",
    PublishState.EXPIRED: "red",
}


def _revision_number(value) -> int:
    """A revision id from a query string; anything that is not one finds nothing (404)."""
    return int(value) if value and value.isdigit() and len(value) < 19 else 0


def _readable(field, value) -> str:
    """A revision's stored value as staff read it: a time in UK time, a choice by its label."""
    if value in (None, ""):
        return "(none)"
    python = field.to_python(value)
    if hasattr(python, "tzinfo"):
        return f"{timezone.localtime(python):%-d %B %Y %H:%M}"
    if field.choices:
        return str(dict(field.flatchoices).get(python, python))
    return str(python)


class PublishStateFilter(admin.SimpleListFilter):
    """Filter by the publishing state staff see in the list, not by the flags behind it."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return PublishState.choices

    def queryset(self, request, queryset):
        if self.value() in PublishState.values:
            return queryset.in_publish_state(self.value())
        return queryset


class PublishableAdmin(admin.ModelAdmin):
    """Draft, review, publish, schedule, preview, compare and revert, for any PublishableModel."""

    form = PublishableForm
    change_form_template = "admin/publishable/change_form.html"
    preview_template: str = ""
    # Fields that change the public site's addresses or structure once the object is live:
    # only a Publisher may change them then.
    publisher_fields_when_live: tuple[str, ...] = ("slug",)
    # Fields that are public the moment they are saved, live or not (links to other objects):
    # only a Publisher may change them.
    publisher_fields: tuple[str, ...] = ()

    class Media:
        css = {"all": ("css/admin.css",)}

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.model.announces or (obj is not None and obj.announcement_topic() is None):
            return fieldsets
        return [
            *fieldsets,
            (
                "Email to subscribers",
                {
                    "fields": ANNOUNCE_FIELDS,
                    "description": (
                        "News, and pages in Advice for businesses, are emailed to the people "
                        "who subscribed to them when they are first published, and after a "
                        "major change. Use “Preview the email” above to see it, or to send "
                        "yourself a test."
                    ),
                },
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        if services.can_publish(request.user, self.model):
            return ()
        if obj is not None and obj.live:
            return (*self.publisher_fields_when_live, *self.publisher_fields)
        return self.publisher_fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if "slug" in self.get_readonly_fields(request, obj) else self.prepopulated_fields

    # --- what the public side needs to render a preview --------------------------------------
    def preview_context(self, request, obj) -> dict:
        return {"object": obj}

    # --- list ----------------------------------------------------------------------------------
    @admin.display(description="State")
    def state(self, obj):
        state = obj.publish_state
        when = ""
        if state == PublishState.SCHEDULED and obj.scheduled_revision:
            go_live = timezone.localtime(obj.scheduled_revision.approved_go_live_at)
            when = f" for {go_live:%d %b %Y %H:%M}"
        return format_html(
            '<span class="app-state app-state--{}">{}{}</span>',
            STATE_TAGS[state],
            state.label,
            when,
        )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("latest_revision", "scheduled_revision")

    # --- the change form ------------------------------------------------------------------------
    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        return services.draft_object(obj) if obj is not None else None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            {
                "can_publish": services.can_publish(request.user, self.model),
                "publish_state": obj.publish_state if obj else None,
                "history_url": self._url("revisions", obj) if obj else None,
                "preview_url": self._url("preview", obj) if obj else None,
                "unpublish_url": self._url("unpublish", obj) if obj else None,
                "publish_blockers": obj.publish_blockers() if obj else [],
                "audit_url": self._audit_url(request, obj),
                "email_preview_url": self._email_preview_url(obj),
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    @staticmethod
    def _email_preview_url(obj) -> str:
        """The updates app's preview of the email this would send (when that app is there)."""
        if obj is None or obj.announcement_topic() is None:
            return ""
        content_type = ContentType.objects.get_for_model(obj)
        try:
            return reverse("admin:updates_mailing_preview", args=[content_type.pk, obj.pk])
        except NoReverseMatch:
            return ""

    @staticmethod
    def _audit_url(request, obj) -> str:
        """This object's entries in the audit log, for those who may read it (superusers)."""
        if obj is None or not request.user.has_perm("auditlog.view_logentry"):
            return ""
        content_type = ContentType.objects.get_for_model(obj)
        query = urlencode({"resource_type": content_type.pk, "object_pk": obj.pk})
        return f"{reverse('admin:auditlog_logentry_changelist')}?{query}"

    def save_model(self, request, obj, form, change):
        publish = "_publish" in request.POST
        if publish and not services.can_publish(request.user, obj):
            raise PermissionDenied("Only Publishers can publish.")
        was_live = obj.live
        revision = services.draft_save(
            obj=obj,
            user=request.user,
            submit="_submit" in request.POST,
            # The list's inline sort-order form has no such choice.
            notify=getattr(form, "notify_subscribers", None),
            change_note=form.cleaned_data.get("change_note") or "",
        )
        if was_live and not obj.live:
            self.message_user(
                request,
                f"Taken off the public site: {' '.join(obj.publish_blockers())} "
                "A Publisher can publish it again once that has changed.",
                messages.WARNING,
            )
        if publish:
            try:
                published = services.revision_publish(revision=revision, user=request.user)
            except services.PublishingRefused as refused:
                # Keep staff on the form with the reason, not Django's "changed successfully".
                request._publish_refused = True
                self.message_user(
                    request,
                    f"Not published: {' '.join(refused.messages)} "
                    "Your changes are saved as a draft.",
                    messages.ERROR,
                )
                return
            if published.scheduled_revision_id:
                when = timezone.localtime(published.go_live_at)
                self.message_user(
                    request, f"Scheduled to go live at {when:%H:%M on %d %B %Y} (UK time)."
                )
            else:
                self.message_user(
                    request, "Published. The public site shows it now.", messages.SUCCESS
                )
        elif "_submit" in request.POST:
            self.message_user(request, "Submitted for review. A Publisher can now publish it.")
        elif obj.live:
            changed_structure = set(form.changed_data) & {
                *self.publisher_fields_when_live,
                *self.publisher_fields,
            }
            if changed_structure:
                names = ", ".join(
                    str(self.model._meta.get_field(name).verbose_name) for name in changed_structure
                )
                self.message_user(
                    request,
                    f"Saved. The change to {names} is on the public site now; other changes "
                    "are a draft until they are published.",
                    messages.WARNING,
                )
            else:
                self.message_user(
                    request, "Draft saved. The public still sees the published version."
                )

    def construct_change_message(self, request, form, formsets, add=False):
        """Django's object history says what was done, not only which fields changed."""
        message = super().construct_change_message(request, form, formsets, add)
        action = {"_publish": "Published.", "_submit": "Submitted for review."}
        done = next((words for key, words in action.items() if key in request.POST), "")
        if not done:
            return message
        fields = LogEntry(change_message=json.dumps(message)).get_change_message()
        return f"{fields} {done}".strip() if fields != "No fields changed." else done

    def response_add(self, request, obj, post_url_continue=None):
        if getattr(request, "_publish_refused", False):
            return HttpResponseRedirect(self._url("change", obj))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "_publish_refused", False):
            return HttpResponseRedirect(self._url("change", obj))
        return super().response_change(request, obj)

    def get_deleted_objects(self, objs, request):
        """What a delete takes with it, for the confirmation page. Revisions go with their
        object (their own admin is read-only, so Django would otherwise refuse the delete)."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        perms_needed.discard(Revision._meta.verbose_name)
        return deleted, model_count, perms_needed, protected

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        refresh_public_pages()

    # --- extra views -----------------------------------------------------------------------------
    def _url(self, name, obj, *args):
        meta = self.model._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_{name}", args=[obj.pk, *args])

    def get_urls(self):
        meta = self.model._meta
        prefix = f"{meta.app_label}_{meta.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("<int:pk>/preview/", wrap(self.preview_view), name=f"{prefix}_preview"),
            path("<int:pk>/revisions/", wrap(self.revisions_view), name=f"{prefix}_revisions"),
            path("<int:pk>/revisions/compare/", wrap(self.compare_view), name=f"{prefix}_compare"),
            path(
                "<int:pk>/revisions/<int:revision_id>/revert/",
                wrap(self.revert_view),
                name=f"{prefix}_revert",
            ),
            path("<int:pk>/unpublish/", wrap(self.unpublish_view), name=f"{prefix}_unpublish"),
            *super().get_urls(),
        ]

    def _get_or_deny(self, request, pk, *, change=False):
        obj = get_object_or_404(self.model, pk=pk)
        allowed = (
            self.has_change_permission(request, obj)
            if change
            else self.has_view_or_change_permission(request, obj)
        )
        if not allowed:
            raise PermissionDenied
        return obj

    @method_decorator(never_cache)
    def preview_view(self, request, pk):
        """The draft exactly as the public will see it, under a 'not published' banner."""
        obj = services.draft_object(self._get_or_deny(request, pk))
        revision_id = request.GET.get("revision")
        if revision_id and revision_id.isdigit():
            revision = get_object_or_404(services.object_revisions(obj), pk=revision_id)
            obj.apply_revision_content(revision.content)
        context = {**self.preview_context(request, obj), "preview": True}
        response = TemplateResponse(request, self.preview_template, context)
        response["Cache-Control"] = "no-store, private"
        response["X-Robots-Tag"] = "noindex"
        return response

    def revisions_view(self, request, pk):
        obj = self._get_or_deny(request, pk)
        revisions = list(services.object_revisions(obj))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": f"History of “{obj}”",
            "revisions": revisions,
            "live_revision_id": obj.live_revision_id,
            "can_change": self.has_change_permission(request, obj),
        }
        return TemplateResponse(request, "admin/publishable/revisions.html", context)

    def compare_view(self, request, pk):
        obj = self._get_or_deny(request, pk)
        revisions = services.object_revisions(obj)
        older = get_object_or_404(revisions, pk=_revision_number(request.GET.get("a")))
        newer = get_object_or_404(revisions, pk=_revision_number(request.GET.get("b")))
        changes = []
        for name in self.model.draft_fields():
            before, after = older.content.get(name), newer.content.get(name)
            if before == after:
                continue
            field = self.model._meta.get_field(name)
            change = {"field": field.verbose_name}
            if name in self.form.markdown_fields:
                change["parts"] = compare.markdown_changes(before or "", after or "")
            else:
                change["text"] = compare.text_change(
                    _readable(field, before), _readable(field, after)
                )
            changes.append(change)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": f"Compare revisions of “{obj}”",
            "older": older,
            "newer": newer,
            "changes": changes,
            "preview_url": self._url("preview", obj) + f"?revision={newer.pk}",
        }
        return TemplateResponse(request, "admin/publishable/compare.html", context)

    def revert_view(self, request, pk, revision_id):
        obj = self._get_or_deny(request, pk, change=True)
        revision = get_object_or_404(services.object_revisions(obj), pk=revision_id)
        if request.method != "POST":
            return HttpResponseRedirect(self._url("revisions", obj))
        services.revision_revert(obj=obj, revision=revision, user=request.user)
        self.log_change(request, obj, f"Reverted to the revision of {revision}.")
        self.message_user(
            request,
            "A new draft was made from that revision. Publish it to change the public page.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self._url("change", obj))

    def unpublish_view(self, request, pk):
        obj = self._get_or_deny(request, pk, change=True)
        if not services.can_publish(request.user, obj):
            raise PermissionDenied("Only Publishers can unpublish.")
        if request.method == "POST":
            services.object_unpublish(obj=obj, user=request.user)
            self.log_change(request, obj, "Unpublished.")
            self.message_user(
                request, f"“{obj}” is no longer on the public site.", messages.SUCCESS
            )
            return HttpResponseRedirect(self._url("change", obj))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": f"Unpublish “{obj}”?",
            "goes_with_it": obj.goes_with_it(),
        }
        return TemplateResponse(request, "admin/publishable/unpublish.html", context)


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    """Read-only list of every revision, for audit."""

    list_display = (
        "content_object",
        "content_type",
        "created_at",
        "user",
        "message",
        "submitted_for_review",
    )
    list_filter = ("content_type", "submitted_for_review")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RemovedAddress)
class RemovedAddressAdmin(admin.ModelAdmin):
    """Addresses whose content was deleted: they answer 410 Gone. Delete one to make the
    address an ordinary 404 again (or publish something there: that answers first)."""

    list_display = ("path", "title", "removed_at")
    search_fields = ("path", "title")
    date_hierarchy = "removed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
