"""Public views of the page tree."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.views.generic import DetailView

from pages.models import Page, Redirect

CARD_FIELDS = ("id", "parent_id", "title", "summary", "url_path", "sort_order")


def ancestor_paths(url_path: str) -> list[str]:
    """The addresses above a page, top first: /a/b/c/ gives /a/ and /a/b/."""
    parts = url_path.strip("/").split("/")[:-1]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def page_context(page: Page, ancestors: list[Page] | None = None) -> dict:
    """What the page template needs besides the page, in two queries at any depth."""
    if ancestors is None:
        ancestors = list(
            Page.objects.published().filter(url_path__in=ancestor_paths(page.url_path))
        )
    ancestors.sort(key=lambda p: p.depth)
    section = ancestors[0] if ancestors else page
    cards = (
        Page.objects.published()
        .filter(parent_id__in={page.pk, section.pk})
        .only(*CARD_FIELDS)
        .order_by("sort_order", "title")
    )
    children, section_pages = [], []
    for card in cards:
        if card.parent_id == page.pk:
            children.append(card)
        if card.parent_id == section.pk:
            section_pages.append(card)
    breadcrumbs = [{"title": "Home", "url": "/"}]
    breadcrumbs += [{"title": a.title, "url": a.url_path} for a in ancestors]
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
        found = {
            p.url_path: p
            for p in Page.objects.published().filter(url_path__in=[*ancestor_paths(path), path])
        }
        self.object = found.pop(path, None)
        if self.object is None:
            redirect = Redirect.objects.filter(old_path=path).select_related("page").first()
            if redirect is not None:
                return HttpResponsePermanentRedirect(redirect.page.url_path)
            raise Http404("No published page at this address")
        context = self.get_context_data(object=self.object)
        context.update(page_context(self.object, ancestors=list(found.values())))
        return self.render_to_response(context)
