"""Keep what people write in a Prevent referral out of logs and error reports.

Two guards, both keyed on the request's path (``referral_paths()``: the journey's addresses and
this app's admin pages, read from the URL configuration):

- ``ReferralExceptionReporterFilter`` (``DEFAULT_EXCEPTION_REPORTER_FILTER``): Django's error
  pages and emails show no POST value and no local variable of a referral request, and no
  decrypted field of any frame that holds a referral.
- ``ReferralLogFilter`` (on every log handler): a record about a referral request keeps its
  level, logger and message template, but loses its arguments, its exception text and the
  request object, any of which could carry what was typed.
"""

import logging
from functools import cache

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.views.debug import SafeExceptionReporterFilter

CLEANSED = SafeExceptionReporterFilter.cleansed_substitute
# Used until the URL configuration can be read (a log record while it is being loaded).
FALLBACK_PATHS = ("/contact/prevent-referral/", "/admin/referrals/")


@cache
def _paths_from_urls() -> tuple[str, ...]:
    return (
        reverse("referrals:start"),
        reverse("admin:app_list", kwargs={"app_label": "referrals"}),
    )


def referral_paths() -> tuple[str, ...]:
    """The address prefixes whose requests may carry what someone wrote in a referral."""
    try:
        return _paths_from_urls()
    except (NoReverseMatch, ImportError, RecursionError):
        return FALLBACK_PATHS


def is_referral_path(path: str) -> bool:
    return path.startswith(referral_paths()) or path.startswith(FALLBACK_PATHS)


def _request_path(request) -> str:
    return getattr(request, "path", "") or ""


class ReferralExceptionReporterFilter(SafeExceptionReporterFilter):
    def get_post_parameters(self, request):
        if request is not None and is_referral_path(_request_path(request)):
            return dict.fromkeys(request.POST, CLEANSED)
        return super().get_post_parameters(request)

    def get_traceback_frame_variables(self, request, tb_frame):
        variables = super().get_traceback_frame_variables(request, tb_frame)
        if request is not None and is_referral_path(_request_path(request)):
            return [(name, CLEANSED) for name, _value in variables]
        return [
            (name, CLEANSED if _holds_a_referral(value) else value) for name, value in variables
        ]


def _holds_a_referral(value) -> bool:
    return isinstance(value, apps.get_model("referrals", "Referral"))


class ReferralLogFilter(logging.Filter):
    """Strip the details from log records about referral requests (never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = _request_path(request)
        if not path and isinstance(record.args, tuple):
            path = next((a for a in record.args if isinstance(a, str) and a.startswith("/")), "")
        if path and is_referral_path(path):
            record.msg = f"{record.levelname} on a Prevent referral page (details withheld)"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
            if hasattr(record, "request"):
                record.request = None
        return True
