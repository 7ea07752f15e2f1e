"""The site search page."""

from django.core.paginator import Paginator
from django.utils.cache import patch_cache_control
from django.views.generic import TemplateView

from core.errors import too_many_requests
from core.guards import rate_limit
from core.views import breadcrumbs
from search import backends


class SearchView(TemplateView):
    """``/search/?q=``: everything the public can read, best first, ten to a page; staff's best
    bets above, and the results for the corrected spelling when the typed one finds nothing
    (``spelling=exact`` searches for what was typed after all).

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
            exact = request.GET.get("spelling") == "exact"
            outcome = backends.search(query, exact=exact)
            page_obj = Paginator(outcome.hits, self.per_page).get_page(request.GET.get("page"))
            shown_for = outcome.corrected or query
            context.update(
                count=len(outcome.hits),
                page_obj=page_obj,
                results=[
                    {
                        "label": hit.document.label,
                        "title": hit.document.title,
                        "url": hit.document.url,
                        "summary": hit.document.summary,
                        "snippet": backends.snippet(hit.document, shown_for),
                    }
                    for hit in page_obj.object_list
                ],
                best_bets=outcome.best_bets if page_obj.number == 1 else [],
                corrected=outcome.corrected,
                suggestion=outcome.suggestion,
                partial=outcome.partial,
                exact=exact,
                report_first=backends.wants_to_report(query, outcome.corrected),
            )
        response = self.render_to_response(context)
        if query:
            # A searched-for phrase may be personal: keep it out of shared caches.
            patch_cache_control(response, private=True)
        return response
