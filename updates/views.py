"""Subscribe, confirm, manage and leave: every step works without JavaScript or signing in,
and no page says whether an address is already subscribed."""

import hashlib
import json

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from core.errors import too_many_requests
from core.guards import GuardedFormMixin, count_attempt
from core.views import BreadcrumbsMixin, breadcrumbs
from updates import services
from updates.forms import ChoicesForm, SubscribeForm
from updates.links import (
    LinkProblem,
    manage_token,
    subscriber_to_confirm,
    subscriber_to_manage,
)
from updates.models import Topic, topic_labels

TRAIL = (("Email updates", None),)


def link_problem(request, problem: LinkProblem) -> HttpResponse:
    """A clear page for a link that cannot be used, with what to do instead."""
    status = 400 if problem.kind == "invalid" else 410
    response = render(
        request,
        "updates/link_problem.html",
        {"kind": problem.kind, "days": settings.UPDATES_CONFIRM_DAYS},
        status=status,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@method_decorator(never_cache, name="dispatch")
class SubscribeView(GuardedFormMixin, BreadcrumbsMixin, FormView):
    template_name = "updates/subscribe.html"
    form_class = SubscribeForm
    rate_limit_scope = "updates-subscribe"
    rate_limit_count = 5
    rate_limit_window = 10 * 60
    breadcrumb_trail = TRAIL

    def get_initial(self):
        # Linked from the news list, the threat-level page, incident pages: that topic ticked.
        topic = self.request.GET.get("topic", "")
        return {"topics": [topic] if topic in Topic.values else []}

    def form_valid(self, form):
        email = services.normalised_email(form.cleaned_data["email"])
        # Many requests for one address, from however many clients: the same page, no email.
        digest = hashlib.sha256(email.encode()).hexdigest()[:32]
        if not count_attempt("updates-address", digest, 5, 60 * 60):
            return too_many_requests(self.request, retry_after=60 * 60)
        services.subscription_request(email=email, choices=form.choices())
        return HttpResponseRedirect(reverse("updates:check-email"), status=303)


@method_decorator(never_cache, name="dispatch")
class CheckEmailView(BreadcrumbsMixin, TemplateView):
    template_name = "updates/check_email.html"
    breadcrumb_trail = TRAIL

    def get_context_data(self, **kwargs):
        return super().get_context_data(days=settings.UPDATES_CONFIRM_DAYS, **kwargs)


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """GET shows a button; only the POST confirms (mail scanners open links, and must not
    subscribe anyone by doing so)."""

    def get(self, request, token):
        try:
            subscriber = subscriber_to_confirm(token)
        except LinkProblem as problem:
            return link_problem(request, problem)
        return render(
            request,
            "updates/confirm.html",
            {
                "topics": topic_labels(subscriber.pending),
                "breadcrumbs": breadcrumbs(*TRAIL),
            },
        )

    def post(self, request, token):
        with transaction.atomic():
            try:
                subscriber = subscriber_to_confirm(token, for_update=True)
            except LinkProblem as problem:
                return link_problem(request, problem)
            services.subscription_confirm(subscriber)
        manage = reverse("updates:manage", args=[manage_token(subscriber)])
        return HttpResponseRedirect(f"{manage}?confirmed=1", status=303)


class SubscriberLinkMixin:
    """For pages reached by a manage or unsubscribe link: ``self.subscriber``, resolved from
    the signed token; an altered link gets a clear 400 page, a dead one (the subscriber has
    left) ``when_not_subscribed()``."""

    def dispatch(self, request, token):
        try:
            self.subscriber = subscriber_to_manage(token)
        except LinkProblem as problem:
            return link_problem(request, problem)
        if self.subscriber is None or not self.subscriber.is_confirmed:
            return self.when_not_subscribed(request)
        return super().dispatch(request, token)

    def when_not_subscribed(self, request):
        return render(request, "updates/not_subscribed.html", status=410)


@method_decorator(never_cache, name="dispatch")
class ManageView(SubscriberLinkMixin, BreadcrumbsMixin, FormView):
    template_name = "updates/manage.html"
    form_class = ChoicesForm
    breadcrumb_trail = TRAIL

    def get_initial(self):
        return self.subscriber.choices()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            subscriber=self.subscriber,
            confirmed="confirmed" in self.request.GET,
            saved="saved" in self.request.GET,
            token=self.kwargs["token"],
            **kwargs,
        )

    def form_valid(self, form):
        with transaction.atomic():
            services.choices_change(self.subscriber, form.choices())
        return HttpResponseRedirect(f"{self.request.path}?saved=1", status=303)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


@method_decorator(never_cache, name="dispatch")
class DataView(SubscriberLinkMixin, View):
    """Everything kept about the subscriber, as a file they can keep (a subject access
    request, answered at once)."""

    def get(self, request, token):
        response = HttpResponse(
            json.dumps(services.subscriber_data(self.subscriber), indent=2),
            content_type="application/json",
        )
        response["Content-Disposition"] = 'attachment; filename="email-updates-data.json"'
        return response


@method_decorator(never_cache, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(SubscriberLinkMixin, View):
    """GET asks; POST leaves. The POST needs no CSRF token: mail programs send it by
    themselves (RFC 8058 one-click, ``List-Unsubscribe=One-Click``), and all it can do is
    remove the address the signed link belongs to."""

    def when_not_subscribed(self, request):
        # Left already (a second click, or the mail program's one-click POST again).
        status = 200 if request.method == "POST" else 410
        return render(request, "updates/unsubscribed.html", {"already": True}, status=status)

    def get(self, request, token):
        return render(request, "updates/unsubscribe.html", {"breadcrumbs": breadcrumbs(*TRAIL)})

    def post(self, request, token):
        services.unsubscribe(self.subscriber)
        return render(request, "updates/unsubscribed.html", {"already": False})
