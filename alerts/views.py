"""Public views: the threat level explained, and incident pages."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from alerts.models import Incident, ThreatLevel, ThreatLevelChange
from core.views import BreadcrumbsMixin


class ThreatLevelView(BreadcrumbsMixin, TemplateView):
    """The five threat levels explained, the current one marked, and the history of changes."""

    template_name = "alerts/threat_level.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        history = list(ThreatLevelChange.objects.select_related("level")[:20])
        context.update(
            {
                "levels": list(ThreatLevel.objects.all()),
                "current_change": history[0] if history else None,
                "history": history,
            }
        )
        return context


class IncidentListView(BreadcrumbsMixin, ListView):
    """Incident pages, the ongoing ones first."""

    template_name = "alerts/incident_list.html"
    context_object_name = "documents"
    paginate_by = 20

    def get_queryset(self):
        return (
            Incident.objects.published()
            .order_by("-status", "-updated_at")  # "ongoing" sorts after "ended": reversed.
            .only("title", "slug", "summary", "status", "updated_at")
        )


class IncidentDetailView(BreadcrumbsMixin, DetailView):
    """One incident: what to do now, then the updates, newest first."""

    template_name = "alerts/incident_detail.html"
    context_object_name = "incident"
    breadcrumb_trail = ((_("Incidents"), "alerts:incidents"),)

    def get_queryset(self):
        return Incident.objects.published().select_related("lead_image").prefetch_related("updates")
