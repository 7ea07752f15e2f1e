"""Site-wide views."""

from django.views.generic import TemplateView

from ctu_site.contest import CONTEST_STRANDS


class HomeView(TemplateView):
    """The home page: what the unit is, the CONTEST strands and how to report."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["strands"] = CONTEST_STRANDS
        return context
