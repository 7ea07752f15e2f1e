from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_migrate

from core import links, signin
from core.roles import sync_role_permissions


class CoreConfig(AppConfig):
    """What every app shares: emergency numbers, Markdown, roles, form guards, error pages and
    the registries apps meet through. Imports no other app of the site."""

    name = "core"
    verbose_name = "Site-wide parts"

    def ready(self):
        from core import audit

        links.register_site_links()
        user_logged_in.connect(audit.signed_in, dispatch_uid="core.audit.signed_in")
        user_login_failed.connect(audit.sign_in_failed, dispatch_uid="core.audit.sign_in_failed")
        user_login_failed.connect(signin.failure_received, dispatch_uid="core.signin.failures")
        post_migrate.connect(sync_role_permissions, dispatch_uid="core.sync_role_permissions")
