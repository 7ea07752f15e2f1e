"""Public views of operations: the filterable list, the timeline and each case."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from core import edge
from core.views import BreadcrumbsMixin, breadcrumbs
from operations.models import Operation, Outcome

CARD_FIELDS = ("id", "name", "slug", "summary", "conviction_year")


# The decade filter's value for operations whose year of conviction is not recorded.
YEAR_NOT_RECORDED = "not-recorded"


def decade_label(decade: int) -> str:
    return f"{decade}s"


def operation_context(operation: Operation) -> dict:
    """What the detail template needs besides the operation (shared with the admin preview)."""
    related = (
        operation.related_operations.published()
        .exclude(pk=operation.pk)  # never itself, however the link was made
        .newest_first()
        .only(*CARD_FIELDS)
        if operation.pk
        else Operation.objects.none()
    )
    return {
        "operation": operation,
        "article": operation,
        "related_operations": list(related),
        "breadcrumbs": breadcrumbs((_("Operations"), "operations:list"), (operation.name, None)),
    }


class OperationListView(BreadcrumbsMixin, ListView):
    """Published operations, newest first, filtered by decade and outcome with plain links.

    Filter values that are unknown, or match nothing published, are ignored rather than refused.
    """

    template_name = "operations/operation_list.html"
    context_object_name = "operations"
    paginate_by = 10

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Which decades and outcomes exist among published operations, in one query.
        facets = Operation.objects.published().values_list("conviction_year", "outcome").distinct()
        self.decades, self.outcomes = set(), set()
        self.some_without_year = False
        for year, outcome in facets:
            if year:
                self.decades.add(year // 10 * 10)
            else:
                self.some_without_year = True
            if outcome:
                self.outcomes.add(outcome)
        self.filters = {}
        decade = request.GET.get("decade", "")
        offered = {decade_label(d) for d in self.decades}
        if self.some_without_year:
            offered.add(YEAR_NOT_RECORDED)
        if decade in offered:
            self.filters["decade"] = decade
        if request.GET.get("outcome") in self.outcomes:
            self.filters["outcome"] = request.GET["outcome"]

    def get_queryset(self):
        edge.tag(self.request, edge.list_key(Operation))
        operations = Operation.objects.published().newest_first().only(*CARD_FIELDS)
        if self.filters.get("decade") == YEAR_NOT_RECORDED:
            operations = operations.filter(conviction_year=None)
        elif "decade" in self.filters:
            operations = operations.in_decade(int(self.filters["decade"][:-1]))
        if "outcome" in self.filters:
            operations = operations.filter(outcome=self.filters["outcome"])
        return operations

    def filter_link(self, name: str, value: str | None) -> str:
        """The list's address with one filter changed (None removes it) and the others kept."""
        query = {**self.filters, name: value}
        query = {key: val for key, val in query.items() if val}
        return reverse("operations:list") + (f"?{urlencode(query)}" if query else "")

    def filter_groups(self) -> list[dict]:
        decades = [(decade_label(d), decade_label(d)) for d in sorted(self.decades, reverse=True)]
        # Every operation falls in some option: those without a year have their own.
        if self.some_without_year:
            decades.append((YEAR_NOT_RECORDED, _("Year not recorded")))
        outcomes = [(value, label) for value, label in Outcome.choices if value in self.outcomes]
        groups = []
        for name, title, options in (
            ("decade", _("Decade of conviction"), decades),
            ("outcome", _("Outcome in court"), outcomes),
        ):
            if not options:
                continue
            current = self.filters.get(name)
            links = [
                {"label": _("All"), "url": self.filter_link(name, None), "current": not current}
            ]
            links += [
                {"label": label, "url": self.filter_link(name, value), "current": current == value}
                for value, label in options
            ]
            groups.append({"name": name, "title": title, "links": links})
        return groups

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        outcome = self.filters.get("outcome")
        decade = self.filters.get("decade")
        context.update(
            {
                "filter_groups": self.filter_groups(),
                "filtered": bool(self.filters),
                "decade": decade if decade != YEAR_NOT_RECORDED else None,
                "without_year": decade == YEAR_NOT_RECORDED,
                "outcome_label": Outcome(outcome).label if outcome else None,
            }
        )
        return context


class OperationTimelineView(BreadcrumbsMixin, ListView):
    """Every published operation grouped by the year of conviction or sentence, oldest first."""

    template_name = "operations/operation_timeline.html"
    context_object_name = "operations"

    breadcrumb_trail = ((_("Operations"), "operations:list"), (_("By year"), None))

    def get_queryset(self):
        edge.tag(self.request, edge.list_key(Operation))
        return Operation.objects.published().chronological().only(*CARD_FIELDS)


class OperationDetailView(DetailView):
    """One published operation: the key facts, the story and related operations."""

    template_name = "operations/operation_detail.html"
    context_object_name = "operation"

    def get_queryset(self):
        return Operation.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(operation_context(self.object))
        edge.tag(
            self.request,
            edge.object_key(self.object),
            *(edge.object_key(o) for o in context.get("related_operations", ())),
        )
        return context
