"""Middleware every app relies on: surviving a lost database connection, refusing what the
database cannot take, and a security header Django does not set."""

import logging
from functools import cache

from django.urls import reverse

from core.errors import DATABASE_ERRORS, bad_request, service_unavailable

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection in a view into a branded 503 with the numbers.

    Django closes a broken connection at the end of the request and opens a new one on the next,
    so the site recovers by itself when the database comes back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.warning(
                "Database unavailable for %s: %s", request.path, type(exception).__name__
            )
            return service_unavailable(request)
        return None


class CrossOriginResourcePolicyMiddleware:
    """Cross-Origin-Resource-Policy on every response (Django sets COOP but not CORP): other
    sites may not embed our pages, images or files. Outermost, so static files get it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


@cache
def _staff_prefix() -> str:
    return reverse("admin:index")


class NulInQueryMiddleware:
    """A staff page's query string holding a NUL character is refused with the 400 page:
    PostgreSQL cannot compare one, so admin searches and autocomplete would otherwise reach a
    500. (The public views clean their own parameters: search drops control characters.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(_staff_prefix()):
            return self.get_response(request)
        if any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return bad_request(request)
        return self.get_response(request)
