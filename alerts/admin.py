"""Staff controls for the threat level and incident alerts (Publishers change them)."""

import datetime as dt
from dataclasses import asdict

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.cache import never_cache

from alerts.forms import (
    IncidentAlertForm,
    IncidentForm,
    IncidentUpdateForm,
    ThreatLevelChangeForm,
)
from alerts.models import (
    Incident,
    IncidentAlert,
    IncidentUpdate,
    ThreatLevel,
    ThreatLevelChange,
)
from alerts.sitewide import alert_for_display
from core.announcements import announce
from core.markdown import render_markdown
from library.widgets import LeadImageAdminMixin

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

    form = ThreatLevelChangeForm
    list_display = ("level", "took_effect_on", "confirmed_at", "confirmed_by", "changed_by", "note")
    fields = ("level", "took_effect_on", "note", "email_subscribers")
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
        previous = ThreatLevelChange.objects.current()
        super().save_model(request, obj, form, change)
        if change or not form.cleaned_data.get("email_subscribers"):
            return
        if ThreatLevelChange.objects.current() != obj:
            self.message_user(
                request,
                "Subscribers were not emailed: this is not the latest change of level.",
                messages.WARNING,
            )
        elif previous is not None and previous.level_id == obj.level_id:
            self.message_user(
                request,
                f"Subscribers were not emailed: the level was {obj.level} already.",
                messages.WARNING,
            )
        else:
            # In the admin's transaction: the email goes if and only if the change is saved.
            announce(obj.announcement(previous=previous), by=request.user)
            self.message_user(
                request, "Subscribers to threat-level changes are being emailed.", messages.INFO
            )

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

    form = IncidentAlertForm
    list_display = ("headline", "severity", "starts_at", "ends_at", "showing_now")
    list_filter = ("severity",)
    fields = (
        "headline",
        "message",
        "severity",
        "incident",
        "link_url",
        "link_text",
        "starts_at",
        "ends_at",
    )
    search_fields = ("headline", "message")
    autocomplete_fields = ("incident",)
    change_form_template = "admin/alerts/incidentalert/change_form.html"

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("preview/", wrap(self.preview_view), name="alerts_incidentalert_preview"),
            path(
                "<int:pk>/switch-off/",
                wrap(self.switch_off_view),
                name="alerts_incidentalert_switch_off",
            ),
            *super().get_urls(),
        ]

    @method_decorator(never_cache)
    def preview_view(self, request):
        """The banner exactly as every page would show it, from the form, before anything is
        saved (the form posts here, into a new tab)."""
        if request.method != "POST" or not self.has_add_permission(request):
            raise PermissionDenied
        form = self.get_form(request)(request.POST)
        if not form.is_valid():
            context = {**self.admin_site.each_context(request), "form": form}
            return TemplateResponse(
                request, "admin/alerts/incidentalert/preview_errors.html", context, status=400
            )
        alert = form.save(commit=False)
        alert.message_html = render_markdown(alert.message)
        response = TemplateResponse(
            request,
            "admin/alerts/incidentalert/preview.html",
            {"alerts": [asdict(alert_for_display(alert))], "preview": True},
        )
        response["X-Robots-Tag"] = "noindex"
        return response

    def switch_off_view(self, request, pk):
        """End an alert that is showing, at once (POST only)."""
        alert = get_object_or_404(IncidentAlert, pk=pk)
        if request.method != "POST" or not self.has_change_permission(request, alert):
            raise PermissionDenied
        if alert.is_active:
            alert.ends_at = timezone.now()
            alert.save(update_fields=["ends_at"])
            self.message_user(
                request, f"“{alert}” is switched off and no longer on any page.", messages.SUCCESS
            )
        return HttpResponseRedirect(reverse("admin:alerts_incidentalert_change", args=[pk]))

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


class IncidentUpdateInline(admin.StackedInline):
    model = IncidentUpdate
    form = IncidentUpdateForm
    extra = 1
    fields = ("posted_at", "text")
    verbose_name = "update"
    verbose_name_plural = "Updates (newest first; each is public as soon as you save)"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.base_fields["posted_at"].initial = timezone.now
        return formset


@admin.register(Incident)
class IncidentAdmin(LeadImageAdminMixin, admin.ModelAdmin):
    """Incident pages: a summary that stays, and timestamped updates added as things change."""

    form = IncidentForm
    list_display = ("title", "status", "published", "updated_at", "view_on_site_link")
    list_filter = ("status", "published")
    search_fields = ("title", "summary")
    prepopulated_fields = {"slug": ("title",)}
    fields = (
        "title",
        "slug",
        "summary",
        "lead_image",
        "body",
        "casualty_bureau_number",
        "footage_upload_url",
        "status",
        "published",
        "email_subscribers",
    )
    inlines = [IncidentUpdateInline]
    autocomplete_fields = ("lead_image",)

    @admin.display(description="Public page")
    def view_on_site_link(self, obj):
        if not obj.published:
            return "Not shown"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if obj.published:
            self.message_user(
                request,
                "The incident page is on the site. To show it on every page, link an incident "
                "alert to it.",
                messages.WARNING,
            )

    def save_related(self, request, form, formsets, change):
        """Once the updates are saved too: email subscribers the page, if it has just gone on
        the site, and each update added now (in the admin's transaction, so only what is
        saved is sent)."""
        super().save_related(request, form, formsets, change)
        incident = form.instance
        if not (incident.published and form.cleaned_data.get("email_subscribers")):
            return
        emailed = []
        # The form's initial values are the row as it was before this save.
        if not (change and form.initial.get("published")):
            emailed.append(incident.announcement())
        for formset in formsets:
            if formset.model is IncidentUpdate:
                emailed += [update.announcement() for update in formset.new_objects]
        for announcement in emailed:
            announce(announcement, by=request.user)
        if emailed:
            self.message_user(
                request,
                f"Subscribers to incident updates are being emailed ({len(emailed)} "
                f"{'email' if len(emailed) == 1 else 'emails'}).",
                messages.INFO,
            )


def stale_threat_level_warning(request) -> str:
    """The admin index warning, when the threat level needs confirming."""
    stale = threat_level_needs_confirming()
    if stale is None or not request.user.has_perm("alerts.change_threatlevelchange"):
        return ""
    return format_html(
        '<p class="errornote">The threat level ({}) has not been confirmed for over 30 days. '
        '<a href="{}">Check and confirm it</a>.</p>',
        stale.level,
        reverse("admin:alerts_threatlevelchange_changelist"),
    )
