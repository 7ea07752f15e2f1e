"""Site-wide views: the home page and the files machines read."""

import datetime as dt

from django.conf import settings
from django.contrib.sitemaps import views as sitemaps_views
from django.db import DatabaseError
from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET
from django.views.generic import RedirectView, TemplateView

from core import edge, errors
from core.contest import CONTEST_STRANDS
from news.models import NewsItem
from operations.models import Operation
from publishing.models import RemovedAddress


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
    try:
        return list(
            NewsItem.objects.published()
            .newest_first()
            .only("id", "title", "slug", "summary", "first_published_at")[:count]
        )
    except DatabaseError:
        return None


class HomeView(TemplateView):
    """The home page: what the unit is, the CONTEST strands, how to report, past operations
    and the latest news."""

    template_name = "home.html"

    def get(self, request, *args, **kwargs):
        edge.tag(request, edge.list_key(Operation), edge.list_key(NewsItem))
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


@require_GET
def robots_txt(request):
    # Staff pages, form endpoints and searches: nothing a search engine should list.
    private = (reverse("admin:index"), reverse("contact:page-feedback"), reverse("search:search"))
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in private),
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


def page_not_found(request, exception=None):
    """handler404: an address whose content a Publisher deleted answers 410 Gone; any other
    missing address, the 404 page."""
    try:
        removed = RemovedAddress.objects.filter(path=request.path).first()
    except DatabaseError:
        removed = None
    if removed is not None:
        return errors.gone(request, title=removed.title)
    return errors.page_not_found(request, exception)


def sitemap_xml(request, **kwargs):
    """``/sitemap.xml``, named at the edge as the index every publish changes."""
    edge.tag(request, "index")
    return sitemaps_views.sitemap(request, **kwargs)
