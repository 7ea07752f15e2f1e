"""Root URLs. Each app owns its own namespace; the catch-all page tree comes last."""

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from ctu_site import views
from ctu_site.sitemaps import sitemaps

handler400 = "ctu_site.errors.bad_request"
handler403 = "ctu_site.errors.permission_denied"
handler404 = "ctu_site.errors.page_not_found"
handler500 = "ctu_site.errors.server_error"


urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("threat-level/", views.ThreatLevelView.as_view(), name="threat-level"),
    path("incidents/", views.IncidentListView.as_view(), name="incidents"),
    path("incidents/<slug:slug>/", views.IncidentDetailView.as_view(), name="incident"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps()}, name="sitemap"),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path("favicon.ico", views.FaviconView.as_view(), name="favicon"),
    path("admin/", admin.site.urls),
    path("operations/", include("operations.urls")),
    path("contact/", include("contact.urls")),
    path("", include("pages.urls")),
]
