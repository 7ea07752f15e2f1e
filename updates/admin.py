"""Subscribers in the staff site: superusers only, for answering a data-protection request.

Other staff never see an address: what they need (how many people receive each kind of update,
and what each send reached) is counts, shown with the sends.
"""

import csv
import smtplib

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from core.announcements import Announcement
from core.markdown import sanitise_html
from publishing.models import PublishableModel
from publishing.services import draft_object
from updates import services, tasks
from updates.models import Delivery, Mailing, Subscriber, Topic

# An email rendered in the staff site keeps its inline styles (email clients need them) and
# can run nothing: this policy is for those previews alone.
EMAIL_PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'"
)


def preview_announcement(obj) -> Announcement | None:
    """What subscribers would be emailed about ``obj``: for drafted content, its latest draft."""
    if isinstance(obj, PublishableModel):
        obj = draft_object(obj)
        return obj.announcement(obj.latest_revision)
    announcement = getattr(obj, "announcement", None)
    return announcement() if announcement else None


def preview_mailing(announcement: Announcement, *, by=None) -> Mailing:
    """The mailing an announcement would make, unsaved."""
    fields = services.announcement_mailing(announcement)
    fields.pop("about")
    mailing = Mailing(**fields, created_by=by)
    mailing.html = sanitise_html(mailing.html)
    return mailing


def preview_subscriber(email: str) -> Subscriber:
    """Nobody: the manage and unsubscribe links in a preview or a test lead nowhere."""
    return Subscriber(email=email, key="preview")


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "confirmed_at", "topic_list", "news_frequency", "suspended_at"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter), "suspended_at"]
    # Exact address only: a request names the address; browsing the list is not the point.
    search_fields = ["=email"]
    readonly_fields = ["email", "created_at", "confirmed_at", "pending", "confirmations_sent"]
    fields = [
        "email",
        *Topic.values,
        "news_frequency",
        "created_at",
        "confirmed_at",
        "suspended_at",
        "suspended_reason",
    ]
    actions = ["export"]

    @admin.display(description="Subscribed to")
    def topic_list(self, obj):
        return ", ".join(str(label) for label in obj.topic_labels()) or "-"

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    has_change_permission = has_view_permission
    has_delete_permission = has_view_permission

    def has_add_permission(self, request):
        return False  # Only the owner of an address can subscribe it.

    @admin.action(description="Export the selected subscribers (CSV)")
    def export(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="subscribers.csv"'
        response["Cache-Control"] = "private, no-store"
        writer = csv.writer(response)
        writer.writerow(["email", "subscribed to", "news", "asked", "confirmed", "suspended"])
        for subscriber in queryset:
            writer.writerow(
                [
                    subscriber.email,
                    " ".join(subscriber.topics),
                    subscriber.news_frequency,
                    subscriber.created_at.isoformat(),
                    subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
                    subscriber.suspended_at.isoformat() if subscriber.suspended_at else "",
                ]
            )
        return response


@admin.register(Mailing)
class MailingAdmin(admin.ModelAdmin):
    """What each send reached, in counts: Publishers see this, never who."""

    list_display = ["subject", "topic", "created_at", "queued", "sent", "failed", "left"]
    list_filter = ["topic", "weekly"]
    fields = [
        "subject",
        "topic",
        "weekly",
        "path",
        "urgent",
        "created_at",
        "created_by",
        "queued",
        "sent",
        "failed",
    ]
    readonly_fields = fields
    change_list_template = "admin/updates/mailing/change_list.html"

    def get_queryset(self, request):
        # One query for the list, not one per row.
        left = Count("deliveries", filter=Q(deliveries__status=Delivery.Status.LEFT))
        return super().get_queryset(request).annotate(left_count=left)

    @admin.display(description="Left before it reached them", ordering="left_count")
    def left(self, obj):
        return obj.left_count

    # --- preview and test: before the real send, from the content's own change page ---------
    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "preview/<int:content_type_id>/<int:object_id>/",
                wrap(self.preview_view),
                name="updates_mailing_preview",
            ),
            path(
                "preview/<int:content_type_id>/<int:object_id>/email.html",
                wrap(self.preview_html_view),
                name="updates_mailing_preview_html",
            ),
            *super().get_urls(),
        ]

    def _previewed(self, request, content_type_id: int, object_id: int):
        """The object and its announcement; 404 for nothing there, 403 for staff who may not
        change it."""
        content_type = get_object_or_404(ContentType, pk=content_type_id)
        model = content_type.model_class()
        if model is None:
            raise Http404
        obj = get_object_or_404(model, pk=object_id)
        meta = model._meta
        if not request.user.has_perm(f"{meta.app_label}.change_{meta.model_name}"):
            raise PermissionDenied
        return obj, preview_announcement(obj)

    @method_decorator(never_cache)
    def preview_view(self, request, content_type_id, object_id):
        obj, announcement = self._previewed(request, content_type_id, object_id)
        meta = type(obj)._meta
        back = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
        if request.method == "POST" and announcement is not None:
            self._send_test(request, announcement)
            return HttpResponseRedirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Preview the email about “{obj}”",
            "object": obj,
            "back_url": back,
            "announcement": announcement,
        }
        if announcement is not None:
            mailing = preview_mailing(announcement, by=request.user)
            message = tasks.mailing_message(mailing, preview_subscriber(request.user.email))
            context |= {
                "mailing": mailing,
                "text": message.body,
                "receiving": services.receiving_count(announcement.topic),
                "topic": Topic(announcement.topic).label,
                "html_url": reverse(
                    "admin:updates_mailing_preview_html", args=[content_type_id, object_id]
                ),
            }
        return TemplateResponse(request, "admin/updates/mailing/preview.html", context)

    @method_decorator(never_cache)
    def preview_html_view(self, request, content_type_id, object_id):
        """The HTML part, as an email client would show it."""
        _obj, announcement = self._previewed(request, content_type_id, object_id)
        if announcement is None:
            raise Http404
        message = tasks.mailing_message(
            preview_mailing(announcement), preview_subscriber(request.user.email)
        )
        html, _type = message.alternatives[0]
        response = HttpResponse(html)
        response["Content-Security-Policy"] = EMAIL_PREVIEW_CSP
        response["X-Robots-Tag"] = "noindex"
        return response

    def _send_test(self, request, announcement: Announcement) -> None:
        """A copy to the signed-in member of staff alone, marked as a test."""
        email = request.user.email
        if not email:
            self.message_user(
                request,
                "Your account has no email address: ask a superuser to add one, then try again.",
                messages.ERROR,
            )
            return
        message = tasks.mailing_message(
            preview_mailing(announcement, by=request.user), preview_subscriber(email)
        )
        message.subject = f"[Test] {message.subject}"
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            self.message_user(
                request,
                f"The test could not be sent ({tasks.failure_kind(error)}). Nothing went to "
                "subscribers. Try again in a few minutes.",
                messages.ERROR,
            )
            return
        self.message_user(
            request,
            f"A test was sent to {email}. Nothing went to subscribers.",
            messages.SUCCESS,
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        receiving = [
            (label, Subscriber.objects.receiving(value).count()) for value, label in Topic.choices
        ]
        return super().changelist_view(request, {"receiving": receiving, **(extra_context or {})})
