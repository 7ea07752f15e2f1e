"""Staff controls for the threat level and incident alerts (Publishers change them)."""

import datetime as dt

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html

from ctu_site.models import IncidentAlert, ThreatLevel, ThreatLevelChange

CONFIRM_EVERY = dt.timedelta(days=30)


def threat_level_needs_confirming() -> ThreatLevelChange | None:
    """The current level if nobody has confirmed it for 30 days."""
    current = ThreatLevelChange.objects.current()
    if current is not None and timezone.now() - current.confirmed_at > CONFIRM_EVERY:
        return current
    return None


@admin.register(ThreatLevelChange)
class ThreatLevelChangeAdmin(admin.ModelAdmin):
    """Set the national threat level (a new row each time), and confirm it is still current."""

    list_display = ("level", "took_effect_on", "confirmed_at", "confirmed_by", "changed_by", "note")
    fields = ("level", "took_effect_on", "note")
    actions = ["confirm_current"]
    date_hierarchy = "took_effect_on"

    def changelist_view(self, request, extra_context=None):
        stale = threat_level_needs_confirming()
        if stale is not None:
            self.message_user(
                request,
                f"The threat level ({stale.level}) has not been confirmed since "
                f"{timezone.localtime(stale.confirmed_at):%-d %B %Y}. Check MI5's threat level "
                "page, then select it and choose 'Confirm it is still the current level'.",
                messages.WARNING,
            )
        return super().changelist_view(request, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.changed_by = obj.confirmed_by = request.user
            obj.confirmed_at = timezone.now()
        super().save_model(request, obj, form, change)

    def has_change_permission(self, request, obj=None):
        # A change is a record: set a new level instead of rewriting an old one.
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Confirm it is still the current level", permissions=["change"])
    def confirm_current(self, request, queryset):
        current = ThreatLevelChange.objects.current()
        if current is None or current not in queryset:
            self.message_user(request, "Select the current level to confirm it.", messages.ERROR)
            return
        current.confirmed_at = timezone.now()
        current.confirmed_by = request.user
        current.save(update_fields=["confirmed_at", "confirmed_by"])
        self.message_user(
            request, f"Confirmed: the threat level is still {current.level}.", messages.SUCCESS
        )


@admin.register(ThreatLevel)
class ThreatLevelAdmin(admin.ModelAdmin):
    """The wording of the five levels; the levels themselves are fixed."""

    list_display = ("__str__", "meaning")
    fields = ("meaning", "public_advice")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(IncidentAlert)
class IncidentAlertAdmin(admin.ModelAdmin):
    """Switch on a site-wide alert during a major incident; it shows on every page at once."""

    list_display = ("headline", "severity", "starts_at", "ends_at", "showing_now")
    list_filter = ("severity",)
    fields = ("headline", "message", "severity", "link_url", "link_text", "starts_at", "ends_at")
    search_fields = ("headline", "message")

    @admin.display(description="Showing now", boolean=True)
    def showing_now(self, obj):
        return obj.is_active

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if obj.is_active:
            self.message_user(request, "The alert is showing on every page now.", messages.WARNING)

    def get_changeform_initial_data(self, request):
        return {"starts_at": timezone.now(), **super().get_changeform_initial_data(request)}


def stale_threat_level_warning(request) -> str:
    """The admin index warning, when the threat level needs confirming."""
    stale = threat_level_needs_confirming()
    if stale is None or not request.user.has_perm("ctu_site.change_threatlevelchange"):
        return ""
    return format_html(
        '<p class="errornote">The threat level ({}) has not been confirmed for over 30 days. '
        '<a href="/admin/ctu_site/threatlevelchange/">Check and confirm it</a>.</p>',
        stale.level,
    )
