"""Subscribers in the staff site: superusers only, for answering a data-protection request.

Other staff never see an address: what they need (how many people receive each kind of update,
and what each send reached) is counts, shown with the sends.
"""

import csv

from django.contrib import admin
from django.http import HttpResponse

from updates.models import Delivery, Mailing, Subscriber, Topic


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
    list_filter = ["topic"]
    fields = ["subject", "topic", "path", "urgent", "created_at", "created_by", "queued", "sent"]
    readonly_fields = fields
    change_list_template = "admin/updates/mailing/change_list.html"

    @admin.display(description="Left before it reached them")
    def left(self, obj):
        return obj.deliveries.filter(status=Delivery.Status.LEFT).count()

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
