"""Site-wide views: the home page, the threat level, and the files machines read."""

import datetime as dt

from django.conf import settings
from django.http import HttpResponse
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.generic import RedirectView, TemplateView

from ctu_site.contest import CONTEST_STRANDS
from ctu_site.models import ThreatLevel, ThreatLevelChange


class HomeView(TemplateView):
    """The home page: what the unit is, the CONTEST strands and how to report."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["strands"] = CONTEST_STRANDS
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


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /preview/",
        "Disallow: /contact/page-feedback/",
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
