"""The Prevent referral journey: start, five question pages, check your answers, confirmation.

Answers in progress live in the session, encrypted with the referral keys, and are wiped on
submit or after 30 minutes without a step being saved. Every page is ``no-store``, its POST
data is hidden from error reports, and nothing of its content is logged.
"""

import json
import time

from cryptography.fernet import InvalidToken
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.generic import TemplateView

from core.guards import refused_post
from core.views import SignedReferenceView, breadcrumbs
from referrals import services
from referrals.encryption import decrypt, encrypt
from referrals.forms import SHARING_BASES, STEP_FORMS, STEPS, SubmitForm

SESSION_KEY = "prevent_referral"
EXPIRES_AFTER = 30 * 60
SENT_SALT = "referrals.sent"
# Every POST of the journey counts: enough for a person correcting mistakes, not for a flood.
STEP_LIMIT, STEP_WINDOW = 60, 10 * 60
SEND_LIMIT, SEND_WINDOW = 5, 60 * 60


def restart(reason: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("referrals:start") + "?" + urlencode({"restart": reason}))


class Journey:
    """The answers so far, encrypted in the session."""

    def __init__(self, request):
        self.request = request
        self.expired = False
        self.answers: dict[str, dict[str, str]] = {}
        token = request.session.get(SESSION_KEY)
        if token:
            try:
                state = json.loads(decrypt(token))
            except (InvalidToken, ValueError, TypeError):  # Written under a retired key.
                state = {"touched": 0}
            if time.time() - state["touched"] > EXPIRES_AFTER:
                self.expired = True
                self.wipe()
            else:
                self.answers = state["answers"]

    @sensitive_variables("answers")
    def save_step(self, step: str, answers: dict[str, str]) -> None:
        self.answers[step] = answers
        state = {"touched": time.time(), "answers": self.answers}
        self.request.session[SESSION_KEY] = encrypt(json.dumps(state))
        # The session ends an hour after the answers expire (long enough to tell the person why
        # they must start again), so that `clearsessions` deletes abandoned ones.
        self.request.session.set_expiry(EXPIRES_AFTER + 60 * 60)

    def wipe(self) -> None:
        self.answers = {}
        self.request.session.pop(SESSION_KEY, None)

    def completed(self, step: str) -> bool:
        return step in self.answers

    def first_missing(self) -> str | None:
        return next((slug for slug, _form in STEPS if slug not in self.answers), None)

    def flat(self) -> dict[str, str]:
        flat = {}
        for answers in self.answers.values():
            flat.update(answers)
        return flat


private = [never_cache, sensitive_post_parameters()]


@method_decorator(private, name="dispatch")
class ReferralStartView(TemplateView):
    template_name = "referrals/start.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["restart"] = self.request.GET.get("restart")
        context["first_step"] = reverse("referrals:step", args=[STEPS[0][0]])
        context["breadcrumbs"] = breadcrumbs((_("Contact"), "contact:contact"))
        return context


@method_decorator(private, name="dispatch")
class ReferralStepView(TemplateView):
    template_name = "referrals/step.html"

    def dispatch(self, request, *args, step, **kwargs):
        if step not in STEP_FORMS:
            raise Http404("No such question")
        self.step = step
        self.form_class = STEP_FORMS[step]
        self.journey = Journey(request)
        if self.journey.expired:
            return restart("expired")
        index = [slug for slug, _form in STEPS].index(step)
        earlier = [slug for slug, _form in STEPS[:index]]
        if not all(self.journey.completed(slug) for slug in earlier):
            return restart("order")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = self.form_class(initial=self.journey.answers.get(self.step, {}))
        if self.step == "about-the-person":
            born = self.journey.answers.get(self.step, {}).get("person_date_of_birth")
            if born:
                year, month, day = born.split("-")
                form.initial["person_date_of_birth"] = [day, month, year]
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        refused = refused_post(request, scope="referral-step", limit=STEP_LIMIT, window=STEP_WINDOW)
        if refused is not None:
            return refused
        form = self.form_class(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        self.journey.save_step(self.step, form.answers())
        next_step = self.journey.first_missing()
        if next_step is None or request.GET.get("change"):
            return HttpResponseRedirect(reverse("referrals:check"), status=303)
        return HttpResponseRedirect(reverse("referrals:step", args=[next_step]), status=303)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        slugs = [slug for slug, _form in STEPS]
        index = slugs.index(self.step)
        back = (
            reverse("referrals:step", args=[slugs[index - 1]])
            if index
            else reverse("referrals:start")
        )
        if self.request.GET.get("change"):
            back = reverse("referrals:check")
        context.update(
            title=self.form_class.title,
            step_number=index + 1,
            step_count=len(STEPS),
            back_url=back,
        )
        return context


def answer_rows(journey: Journey) -> list[dict]:
    """Check-your-answers sections: each question's label, the answer as read, a change link."""
    sections = []
    for slug, form_class in STEPS:
        answers = journey.answers.get(slug, {})
        form = form_class()
        rows = []
        for name, field in form.fields.items():
            if name == "website":
                continue
            value = answers.get(name, "")
            choices = dict(getattr(field, "choices", []) or [])
            if value in choices:
                value = choices[value]
            if name == "person_date_of_birth" and value:
                year, month, day = value.split("-")
                value = f"{int(day)} {MONTHS[int(month) - 1]} {year}"
            rows.append(
                {
                    "label": str(field.label).removesuffix(" (optional)"),
                    "value": value or "Not given",
                    "change_url": reverse("referrals:step", args=[slug]) + "?change=1#id_" + name,
                }
            )
        sections.append({"title": form_class.title, "rows": rows})
    return sections


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def referral_answers(journey: Journey) -> dict[str, str]:
    """The journey's answers as the referral stores them: choices in words."""
    flat = journey.flat()
    aware = dict(STEP_FORMS["sharing"]().fields["person_aware"].choices)
    basis = dict(SHARING_BASES)[flat.get("sharing_basis", "")] if flat.get("sharing_basis") else ""
    details = flat.pop("sharing_details", "")
    flat["person_aware"] = aware.get(flat.get("person_aware", ""), "")
    flat["sharing_basis"] = f"{basis}. {details}".strip() if details else basis
    return flat


@method_decorator(private, name="dispatch")
class ReferralCheckView(TemplateView):
    template_name = "referrals/check.html"

    def dispatch(self, request, *args, **kwargs):
        self.journey = Journey(request)
        if self.journey.expired:
            return restart("expired")
        if self.journey.first_missing() is not None:
            return restart("order")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = answer_rows(self.journey)
        context["form"] = kwargs.get("form") or SubmitForm()
        context["back_url"] = reverse("referrals:step", args=[STEPS[-1][0]])
        return context

    def post(self, request, *args, **kwargs):
        refused = refused_post(request, scope="referral", limit=SEND_LIMIT, window=SEND_WINDOW)
        if refused is not None:
            return refused
        referral = services.referral_submit(answers=referral_answers(self.journey))
        # Only now that it is stored: wipe the answers and say it was received.
        self.journey.wipe()
        sent = ReferralSentView.link_for(reverse("referrals:sent"), referral.reference)
        return HttpResponseRedirect(sent, status=303)


@method_decorator(sensitive_post_parameters(), name="dispatch")
class ReferralSentView(SignedReferenceView):
    template_name = "referrals/sent.html"
    salt = SENT_SALT
