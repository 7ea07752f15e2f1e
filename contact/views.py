"""The contact page, general feedback and the page-feedback endpoint."""

import logging

from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from contact import services
from contact.forms import FeedbackForm, PageFeedbackForm, SecurityAdviceForm
from contact.models import Organisation
from core.errors import permission_denied
from core.guards import GuardedFormMixin, is_same_origin
from core.views import SignedReferenceView

logger = logging.getLogger(__name__)


def local_path(request, path: str) -> str:
    """``path`` if it is an address on this site, else the home page: never a link elsewhere."""
    if path.startswith("/") and url_has_allowed_host_and_scheme(
        path, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return path
    return "/"


class ContactView(TemplateView):
    """Every way to reach the unit, numbers first. Served even when the database is down."""

    template_name = "contact/contact.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["organisations"] = list(Organisation.objects.all())
            self.organisations_missing = False
        except DatabaseError:
            # The numbers matter more than the list: leave it out and say nothing is wrong.
            logger.warning("Contact page served without the organisations: database unavailable")
            context["organisations"] = []
            self.organisations_missing = True
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.organisations_missing:
            # Do not keep the shortened page in the cache once the database is back.
            add_never_cache_headers(response)
        return response


@method_decorator(never_cache, name="dispatch")
class FeedbackView(GuardedFormMixin, FormView):
    """General feedback about the website or the unit's work. Never cached: it holds a CSRF
    token."""

    template_name = "contact/feedback_form.html"
    form_class = FeedbackForm
    rate_limit_scope = "feedback"
    rate_limit_count = 5
    rate_limit_window = 10 * 60

    def form_valid(self, form):
        feedback = services.feedback_submit(
            message=form.cleaned_data["message"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            may_reply=form.cleaned_data["may_reply"],
        )
        sent = FeedbackSentView.link_for(reverse("contact:feedback-sent"), feedback.reference)
        return HttpResponseRedirect(sent, status=303)


@method_decorator(never_cache, name="dispatch")
class SecurityAdviceView(GuardedFormMixin, FormView):
    """A request for a Counter Terrorism Security Adviser, for the Protect team. Same guards
    as feedback: rate limit, honeypot, CSRF, and a reference only once it is stored."""

    template_name = "contact/security_advice_form.html"
    form_class = SecurityAdviceForm
    rate_limit_scope = "security-advice"
    rate_limit_count = 5
    rate_limit_window = 10 * 60

    def form_valid(self, form):
        request = services.security_advice_request(
            message=form.cleaned_data["message"],
            organisation=form.cleaned_data["organisation"],
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            phone=form.cleaned_data["phone"],
        )
        sent = SecurityAdviceSentView.link_for(
            reverse("contact:security-advice-sent"), request.reference
        )
        return HttpResponseRedirect(sent, status=303)


class SecurityAdviceSentView(SignedReferenceView):
    template_name = "contact/security_advice_sent.html"
    salt = "contact.security-advice-sent"


class FeedbackSentView(SignedReferenceView):
    """Feedback received: its reference, from the signed link the form redirected to."""

    template_name = "contact/feedback_sent.html"
    salt = "contact.feedback-sent"


@method_decorator(csrf_exempt, name="dispatch")
class PageFeedbackView(GuardedFormMixin, FormView):
    """Where the page-feedback form at the foot of content pages posts.

    The pages stay cacheable, so their HTML has no CSRF token: this endpoint is csrf-exempt and
    refuses posts from other sites by their Origin or Sec-Fetch-Site header instead. On errors it
    shows the form again on a page of its own.
    """

    template_name = "contact/page_feedback_form.html"
    form_class = PageFeedbackForm
    rate_limit_scope = "page-feedback"
    rate_limit_count = 10
    rate_limit_window = 10 * 60

    def get_initial(self):
        return {"page_path": local_path(self.request, self.request.GET.get("page", "/"))}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        path = form.data.get("page_path") if form.is_bound else form.initial.get("page_path")
        context["back_path"] = local_path(self.request, path or "/")
        return context

    def post(self, request, *args, **kwargs):
        if not is_same_origin(request):
            return permission_denied(request)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        response = super().form_invalid(form)
        add_never_cache_headers(response)
        return response

    def form_valid(self, form):
        services.page_feedback_submit(
            page_path=form.cleaned_data["page_path"],
            found_what_looking_for=form.cleaned_data["found_what_looking_for"],
            rating=form.cleaned_data["rating"],
            comment=form.cleaned_data["comment"],
        )
        thanks = reverse("contact:page-feedback-thanks")
        query = urlencode({"next": form.cleaned_data["page_path"]})
        return HttpResponseRedirect(f"{thanks}?{query}", status=303)


class PageFeedbackThanksView(TemplateView):
    """Thanks for page feedback, with a link back to the page it was about."""

    template_name = "contact/page_feedback_thanks.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next_path"] = local_path(self.request, self.request.GET.get("next", "/"))
        return context
