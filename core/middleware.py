"""Middleware every app relies on: surviving a lost database connection."""

import logging

from core.errors import DATABASE_ERRORS, service_unavailable

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
