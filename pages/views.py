"""Public views of the page tree."""

from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.views.generic import DetailView, TemplateView

from core import edge
from core.views import BreadcrumbsMixin, breadcrumbs
from pages.models import Page, Redirect, UsefulLink, section_key

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
    return {
        "page": page,
        "article": page,
        "children": children,
        "section": section,
        "section_pages": section_pages,
        "breadcrumbs": breadcrumbs(*((a.short_title, a.url_path) for a in ancestors)),
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
            redirect = (
                Redirect.objects.filter(old_path=path, page__in=Page.objects.published())
                .select_related("page")
                .first()
            )
            if redirect is not None:
                # Only to a published page: a draft's new address is nobody's business yet.
                return HttpResponsePermanentRedirect(redirect.page.url_path)
            raise Http404("No published page at this address")
        ancestors = [by_path[p] for p in above if p in by_path]
        if len(ancestors) != len(above):
            # A section above it is not on the site (unpublished or expired): neither is this.
            raise Http404("A section above this page is not published")
        context = self.get_context_data(object=self.object)
        context.update(page_context(self.object, ancestors=ancestors, cards=rows))
        section = ancestors[0] if ancestors else self.object
        edge.tag(
            request,
            edge.object_key(self.object),
            *(edge.object_key(a) for a in ancestors),
            section_key(section.pk),
        )
        return self.render_to_response(context)


class UsefulLinksView(BreadcrumbsMixin, TemplateView):
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
        }
