"""Site-wide views: the home page, the threat level, and the files machines read."""

import datetime as dt

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, RedirectView, TemplateView

from ctu_site.contest import CONTEST_STRANDS
from ctu_site.models import Incident, ThreatLevel, ThreatLevelChange
from operations.models import Operation


def recent_operations(count: int = 3) -> list[Operation] | None:
    """The newest published operations, or None while the database cannot be asked."""
    try:
        return list(
            Operation.objects.published()
            .newest_first()
            .only("id", "name", "slug", "summary", "conviction_year")[:count]
        )
    except DatabaseError:
        return None


def latest_news(count: int = 3) -> list | None:
    """The newest published news items, or None while the database cannot be asked."""
    from pages.models import NewsItem

    try:
        return list(
            NewsItem.objects.published()
            .newest_first()
            .only("id", "title", "slug", "summary", "first_published_at")[:count]
        )
    except DatabaseError:
        return None


class HomeView(TemplateView):
    """The home page: what the unit is, the CONTEST strands, how to report, recent operations
    and the latest news."""

    template_name = "home.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if None in (
            response.context_data["recent_operations"],
            response.context_data["latest_news"],
        ):
            # The database is down: show the numbers, leave the operations out, and keep this
            # partial page out of the cache so the full one returns with the database.
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["strands"] = CONTEST_STRANDS
        context["recent_operations"] = recent_operations()
        context["latest_news"] = latest_news()
        return context


class ThreatLevelView(TemplateView):
    """The five threat levels explained, the current one marked, and the history of changes."""

    template_name = "threat_level.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        history = list(ThreatLevelChange.objects.select_related("level")[:20])
        context.update(
            {
                "levels": list(ThreatLevel.objects.all()),
                "current_change": history[0] if history else None,
                "history": history,
                "breadcrumbs": [{"title": "Home", "url": "/"}],
            }
        )
        return context


class IncidentListView(ListView):
    """Incident pages, the ongoing ones first."""

    template_name = "incidents/incident_list.html"
    context_object_name = "incidents"
    paginate_by = 20

    def get_queryset(self):
        return (
            Incident.objects.published()
            .order_by("-status", "-updated_at")  # "ongoing" sorts after "ended": reversed.
            .only("title", "slug", "summary", "status", "updated_at")
        )

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "breadcrumbs": [{"title": "Home", "url": "/"}],
        }


class IncidentDetailView(DetailView):
    """One incident: what to do now, then the updates, newest first."""

    template_name = "incidents/incident_detail.html"
    context_object_name = "incident"

    def get_queryset(self):
        return Incident.objects.published().prefetch_related("updates")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            {"title": "Home", "url": "/"},
            {"title": "Incidents", "url": reverse("incidents")},
        ]
        return context


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /preview/",
        "Disallow: /contact/page-feedback/",
        "Disallow: /search/",
        "",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# Started once per process: the default Expires is counted from when the site started.
_STARTED = timezone.now()


def security_txt_expires() -> dt.datetime:
    if settings.SECURITY_TXT_EXPIRES:
        return dt.datetime.fromisoformat(settings.SECURITY_TXT_EXPIRES).replace(tzinfo=dt.UTC)
    return (_STARTED + dt.timedelta(days=180)).replace(microsecond=0)


@require_GET
def security_txt(request):
    """RFC 9116: how to report a security problem in the website."""
    expires = security_txt_expires().astimezone(dt.UTC)
    lines = [
        f"Contact: {settings.SECURITY_TXT_CONTACT}",
        f"Expires: {expires:%Y-%m-%dT%H:%M:%SZ}",
        "Preferred-Languages: en",
        f"Canonical: {settings.SITE_URL}/.well-known/security.txt",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class FaviconView(RedirectView):
    """Browsers ask for /favicon.ico whatever the page says; send them to the real icon."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs):
        return static("images/favicon.png")
