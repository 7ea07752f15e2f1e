"""URLs for tests that need a view to fail: the site's own URLs plus two that break on purpose."""

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.urls import path

from ctu_site.urls import handler400, handler403, handler404, handler500
from ctu_site.urls import urlpatterns as site_urls

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def boom(request):
    raise RuntimeError("a bug in a view")


def needs_database(request):
    return HttpResponse(f"{get_user_model().objects.count()} users")


urlpatterns = [
    path("test-boom/", boom),
    path("test-database/", needs_database),
    *site_urls,
]
