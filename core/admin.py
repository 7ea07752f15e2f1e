"""The audit log in the admin: django-auditlog's list, with what was done in words and a
filter by person. Read-only (auditlog's admin allows no add, change or delete), and only
superusers have the permission to see it."""

from auditlog.admin import LogEntryAdmin
from auditlog.filters import ResourceTypeFilter
from auditlog.models import LogEntry
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class AuditLogAdmin(LogEntryAdmin):
    """Every staff action: who, when, what, on which object."""

    list_display = ["created", "resource_url", "action", "what", "user_url"]
    list_filter = [
        "action",
        ResourceTypeFilter,
        ("actor", admin.RelatedOnlyFieldListFilter),
        "timestamp",
    ]

    def lookup_allowed(self, lookup, value, request=None):
        # An object's own entries: the change form links here with its id.
        return lookup == "object_pk" or super().lookup_allowed(lookup, value, request)

    @admin.display(description=_("What"))
    def what(self, obj):
        return obj.changes_text or self.msg_short(obj)
