from django.apps import AppConfig

from core.registries import register_search_page


class ReferralsConfig(AppConfig):
    """Prevent referrals: a question journey for professionals, encrypted at rest, readable by
    the Prevent triage group alone, with every look recorded."""

    name = "referrals"
    verbose_name = "Prevent referrals"
    # No role_permissions: access is membership of the Prevent triage group itself, checked in
    # referrals/admin.py, so that not even a superuser reads a referral by being a superuser.

    def ready(self):
        # The start page explains the route to professionals: search finds it.
        register_search_page("referrals:start")
