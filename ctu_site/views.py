"""Site-wide views."""

from django.db import DatabaseError
from django.utils.cache import add_never_cache_headers
from django.views.generic import TemplateView

from ctu_site.contest import CONTEST_STRANDS
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


class HomeView(TemplateView):
    """The home page: what the unit is, the CONTEST strands, how to report, recent operations."""

    template_name = "home.html"

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.context_data["recent_operations"] is None:
            # The database is down: show the numbers, leave the operations out, and keep this
            # partial page out of the cache so the full one returns with the database.
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["strands"] = CONTEST_STRANDS
        context["recent_operations"] = recent_operations()
        return context
