"""Public views of the page tree."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.views.generic import DetailView

from pages.models import Page, Redirect


def page_context(page: Page) -> dict:
    """What the page template needs besides the page: a fixed handful of queries at any depth."""
    prefixes = []
    path = "/"
    for part in page.url_path.strip("/").split("/")[:-1]:
        path += f"{part}/"
        prefixes.append(path)
    ancestors = (
        list(Page.objects.filter(url_path__in=prefixes).order_by("depth")) if prefixes else []
    )
    section = ancestors[0] if ancestors else page
    children = list(page.children.published().order_by("sort_order", "title"))
    section_pages = list(section.children.published().order_by("sort_order", "title"))
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
        try:
            self.object = self.get_object()
        except Http404:
            redirect = Redirect.objects.filter(old_path=request.path).select_related("page").first()
            if redirect is not None:
                return HttpResponsePermanentRedirect(redirect.page.url_path)
            raise
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_object(self, queryset=None):
        try:
            return Page.objects.published().get(url_path=self.request.path)
        except Page.DoesNotExist:
            raise Http404("No published page at this address") from None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_context(self.object))
        return context
