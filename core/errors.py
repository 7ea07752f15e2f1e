"""Error pages in the site's layout, rendered without touching the database.

They are rendered without a RequestContext, so no context processor (and so no session, user or
database query) runs: the 500 and 503 pages must work while the database is down.
"""

import sys

from django.conf import settings
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from core.context_processors import static_site_context

RETRY_AFTER_SECONDS = 30
# A lost database connection: an outage (503), not a bug (500).
DATABASE_ERRORS = (OperationalError, InterfaceError)

HEADINGS = {
    400: _("Sorry, there is a problem with that request"),
    403: _("You cannot see this page"),
    404: _("Page not found"),
    410: _("This page has been removed"),
    429: _("Too many attempts"),
    500: _("Sorry, there is a problem with the website"),
    503: _("Sorry, the service is unavailable"),
}


def render_error(
    request, status: int, template: str, *, use_database=False, **extra
) -> HttpResponse:
    """Render an error template with the site context, with no database unless asked."""
    path = getattr(request, "path", "")
    context = {
        **static_site_context(path, use_database=use_database),
        "status": status,
        "heading": HEADINGS[status],
        **extra,
    }
    response = HttpResponse(render_to_string(template, context), status=status)
    # An error page must never be kept as if it were the page asked for.
    response["Cache-Control"] = "no-store"
    return response


def service_unavailable(request) -> HttpResponse:
    """The 503 page: the database (or another part) is unreachable; try again shortly."""
    response = render_error(request, 503, "errors/503.html")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def bad_request(request, exception=None):
    return render_error(request, 400, "errors/400.html")


def permission_denied(request, exception=None):
    return render_error(request, 403, "errors/403.html")


def csrf_failure(request, reason=""):
    """A missing or wrong CSRF token: the branded 403, which says the form was not received."""
    return render_error(request, 403, "errors/403.html")


def page_not_found(request, exception=None):
    # A missing page is not an outage: show the menu and threat level as on any page (both
    # come from the cache, and are left out if the database cannot be reached).
    return render_error(request, 404, "errors/404.html", use_database=True)


def gone(request, *, title: str = "") -> HttpResponse:
    """410 Gone: content staff removed on purpose, with the menu as on a 404."""
    return render_error(request, 410, "errors/410.html", use_database=True, removed_title=title)


def too_many_requests(request, *, retry_after: int = 600, what: str = "forms") -> HttpResponse:
    """The 429 page for rate-limited forms (or searches); it always shows the hotline."""
    response = render_error(
        request,
        429,
        "errors/429.html",
        retry_after_minutes=max(1, retry_after // 60),
        what=what,
    )
    response["Retry-After"] = str(retry_after)
    return response


def staff_locked_out(request, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE): our 429 page, with when to retry."""
    retry_after = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render_error(
        request,
        429,
        "errors/locked_out.html",
        cooloff_minutes=max(1, retry_after // 60),
    )
    response["Retry-After"] = str(retry_after)
    return response


def server_error(request):
    # A lost database connection that escaped the views is an outage, not a bug.
    if isinstance(sys.exception(), DATABASE_ERRORS):
        return service_unavailable(request)
    return render_error(request, 500, "errors/500.html")
