"""Public views of the page tree."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.cache import patch_cache_control
from django.views.generic import DetailView, ListView, TemplateView

from ctu_site.errors import too_many_requests
from ctu_site.protection import rate_limit
from pages import search
from pages.models import NewsItem, Page, Redirect, UsefulLink

CARD_FIELDS = ("id", "parent_id", "title", "menu_title", "summary", "url_path", "sort_order")


def ancestor_paths(url_path: str) -> list[str]:
    """The addresses above a page, top first: /a/b/c/ gives /a/ and /a/b/."""
    parts = url_path.strip("/").split("/")[:-1]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def page_context(
    page: Page, ancestors: list[Page] | None = None, cards: list[Page] | None = None
) -> dict:
    """What the page template needs besides the page, in two queries at any depth (none when
    the caller already has the ancestors and the published pages of the page and its section).
    """
    if ancestors is None:
        ancestors = list(
            Page.objects.published().filter(url_path__in=ancestor_paths(page.url_path))
        )
    ancestors.sort(key=lambda p: p.depth)
    section = ancestors[0] if ancestors else page
    if cards is None:
        cards = (
            Page.objects.published()
            .filter(parent_id__in={page.pk, section.pk})
            .only(*CARD_FIELDS)
            .order_by("sort_order", "title")
        )
    else:
        cards = sorted(cards, key=lambda p: (p.sort_order, p.title))
    children, section_pages = [], []
    for card in cards:
        if card.parent_id == page.pk:
            children.append(card)
        if card.parent_id == section.pk:
            section_pages.append(card)
    breadcrumbs = [{"title": "Home", "url": "/"}]
    breadcrumbs += [{"title": a.short_title, "url": a.url_path} for a in ancestors]
    return {
        "page": page,
        "children": children,
        "section": section,
        "section_pages": section_pages,
        "breadcrumbs": breadcrumbs,
        "related_links": page.parsed_related_links(),
    }


class PageView(DetailView):
    """A published content page, found by its address in the tree."""

    template_name = "pages/page.html"
    context_object_name = "page"

    def get(self, request, *args, **kwargs):
        path = request.path
        above = ancestor_paths(path)
        section_path = above[0] if above else path
        depth = path.count("/") - 1
        # One query: the page, the pages above it, and the pages in it and in its section (the
        # pages one level below an address are those whose address starts with it).
        rows = list(
            Page.objects.published().filter(
                Q(url_path__in=[*above, path])
                | Q(url_path__startswith=path, depth=depth + 1)
                | Q(url_path__startswith=section_path, depth=2)
            )
        )
        by_path = {p.url_path: p for p in rows}
        self.object = by_path.get(path)
        if self.object is None:
            redirect = Redirect.objects.filter(old_path=path).select_related("page").first()
            if redirect is not None:
                return HttpResponsePermanentRedirect(redirect.page.url_path)
            raise Http404("No published page at this address")
        ancestors = [by_path[p] for p in above if p in by_path]
        context = self.get_context_data(object=self.object)
        context.update(page_context(self.object, ancestors=ancestors, cards=rows))
        return self.render_to_response(context)


class SearchView(TemplateView):
    """``/search/?q=``: published pages, operations and news, best first, ten to a page.

    A query over the length limit is refused with 400 and a message; anything else, however
    odd, is searched for. The ways to report are on every state of the page.
    """

    template_name = "pages/search.html"
    per_page = 10
    rate_limit_count = 120
    rate_limit_window = 60

    def get(self, request, *args, **kwargs):
        if not rate_limit(request, "search", self.rate_limit_count, self.rate_limit_window):
            return too_many_requests(request, retry_after=self.rate_limit_window, what="searches")
        query = search.clean_query(request.GET.get("q", ""))
        context = {
            "query": query,
            "max_length": search.MAX_QUERY_LENGTH,
            "hide_header_search": True,
            "breadcrumbs": [{"title": "Home", "url": "/"}],
        }
        if len(query) > search.MAX_QUERY_LENGTH:
            context.update(
                query=query[: search.MAX_QUERY_LENGTH],
                error=(
                    f"Search for {search.MAX_QUERY_LENGTH} characters or fewer "
                    f"(you entered {len(query):,})"
                ),
            )
            return self.render_to_response(context, status=400)
        if query:
            hits = search.find(query)
            page_obj = Paginator(hits, self.per_page).get_page(request.GET.get("page"))
            suggested = search.suggestion(query) if len(hits) < 3 else None
            context.update(
                count=len(hits),
                page_obj=page_obj,
                results=search.describe(list(page_obj.object_list), query),
                suggestion=suggested,
                report_first=search.wants_to_report(query, suggested),
            )
        response = self.render_to_response(context)
        if query:
            # A searched-for phrase may be personal: keep it out of shared caches.
            patch_cache_control(response, private=True)
        return response


class NewsListView(ListView):
    """Published news, newest first, ten to a page."""

    template_name = "news/news_list.html"
    context_object_name = "news_items"
    paginate_by = 10

    def get_queryset(self):
        return (
            NewsItem.objects.published()
            .newest_first()
            .only("title", "slug", "summary", "first_published_at")
        )

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "breadcrumbs": [{"title": "Home", "url": "/"}],
        }


def news_context(item: NewsItem) -> dict:
    """What the news detail template needs besides the item (also used by the admin preview)."""
    return {
        "item": item,
        "breadcrumbs": [{"title": "Home", "url": "/"}, {"title": "News", "url": "/news/"}],
    }


class NewsDetailView(DetailView):
    template_name = "news/news_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return NewsItem.objects.published()

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **news_context(self.object)}


class UsefulLinksView(TemplateView):
    """The directory of other organisations' websites, by category."""

    template_name = "pages/useful_links.html"

    def get_context_data(self, **kwargs):
        # Categories in the order they are declared, each only if it has links.
        groups: dict[str, list[UsefulLink]] = {label: [] for label in UsefulLink.Category.labels}
        for link in UsefulLink.objects.all():
            groups[link.get_category_display()].append(link)
        groups = {label: links for label, links in groups.items() if links}
        return {
            **super().get_context_data(**kwargs),
            "groups": groups,
            "breadcrumbs": [{"title": "Home", "url": "/"}],
        }
