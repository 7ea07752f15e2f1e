from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CtuSiteConfig(AppConfig):
    """The composition root: settings, URLs, the home page, the page cache, the staff site and
    the checks. It wires the other apps together; none of them imports it."""

    name = "ctu_site"
    verbose_name = "Site"

    def ready(self):
        # Both register themselves: deploy checks, and the main menu on every page.
        from ctu_site import checks, navigation  # noqa: F401


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django admin with our staff site: a one-time code after the password (admin_site.py)."""

    default = False  # named in INSTALLED_APPS; CtuSiteConfig stays this module's default

    default_site = "ctu_site.admin_site.StaffAdminSite"
