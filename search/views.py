"""The site search page."""

from django.core.paginator import Paginator
from django.utils.cache import patch_cache_control
from django.views.generic import TemplateView

from core.errors import too_many_requests
from core.guards import rate_limit
from core.views import breadcrumbs
from search import backends


class SearchView(TemplateView):
    """``/search/?q=``: published pages, operations and news, best first, ten to a page.

    A query over the length limit is refused with 400 and a message; anything else, however
    odd, is searched for. The ways to report are on every state of the page.
    """

    template_name = "search/search.html"
    per_page = 10
    rate_limit_count = 120
    rate_limit_window = 60

    def get(self, request, *args, **kwargs):
        if not rate_limit(request, "search", self.rate_limit_count, self.rate_limit_window):
            return too_many_requests(request, retry_after=self.rate_limit_window, what="searches")
        query = backends.clean_query(request.GET.get("q", ""))
        context = {
            "query": query,
            "max_length": backends.MAX_QUERY_LENGTH,
            "hide_header_search": True,
            "breadcrumbs": breadcrumbs(),
        }
        if len(query) > backends.MAX_QUERY_LENGTH:
            context.update(
                query=query[: backends.MAX_QUERY_LENGTH],
                error=(
                    f"Search for {backends.MAX_QUERY_LENGTH} characters or fewer "
                    f"(you entered {len(query):,})"
                ),
            )
            return self.render_to_response(context, status=400)
        if query:
            hits = backends.find(query)
            page_obj = Paginator(hits, self.per_page).get_page(request.GET.get("page"))
            suggested = backends.suggestion(query) if len(hits) < 3 else None
            context.update(
                count=len(hits),
                page_obj=page_obj,
                results=backends.describe(list(page_obj.object_list), query),
                suggestion=suggested,
                report_first=backends.wants_to_report(query, suggested),
            )
        response = self.render_to_response(context)
        if query:
            # A searched-for phrase may be personal: keep it out of shared caches.
            patch_cache_control(response, private=True)
        return response
