"""Views more than one app uses."""

from django.core import signing
from django.http import Http404
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

# Long enough to read a confirmation and reload it, short enough that old links stop working.
SIGNED_REFERENCE_MAX_AGE = 60 * 60


@method_decorator(never_cache, name="dispatch")
class SignedReferenceView(TemplateView):
    """A confirmation showing a reference carried in a signed, short-lived link (no session).

    The form that made the reference redirects here with ``?ref=`` signed under ``salt``.
    """

    salt: str = ""
    max_age = SIGNED_REFERENCE_MAX_AGE

    @classmethod
    def link_for(cls, url: str, reference: str) -> str:
        """The address of ``url`` carrying ``reference``, signed for this view."""
        return f"{url}?{urlencode({'ref': signing.dumps(reference, salt=cls.salt)})}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["reference"] = signing.loads(
                self.request.GET.get("ref", ""), salt=self.salt, max_age=self.max_age
            )
        except signing.BadSignature:
            raise Http404("No reference") from None
        return context


def breadcrumbs(*trail: tuple[str, str | None]) -> list[dict]:
    """The breadcrumb trail above a page: Home, then each (title, address) given.

    An address may be a URL name ("news:list"), a path ("/contest/") or None for the page
    itself. Every view's breadcrumbs are made here, and rendered by one component.
    """
    crumbs = [{"title": _("Home"), "url": "/"}]
    for title, url in trail:
        if url and not url.startswith("/"):
            url = reverse(url)
        crumbs.append({"title": title, "url": url})
    return crumbs


class BreadcrumbsMixin:
    """Adds ``breadcrumbs`` to a view's context: set ``breadcrumb_trail`` (after Home), or
    override ``get_breadcrumb_trail()``."""

    breadcrumb_trail: tuple[tuple[str, str | None], ...] = ()

    def get_breadcrumb_trail(self):
        return self.breadcrumb_trail

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("breadcrumbs", breadcrumbs(*self.get_breadcrumb_trail()))
        return context
