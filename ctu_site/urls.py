"""Root URLs. Each app owns its own namespace; the catch-all page tree comes last."""

from django.contrib import admin
from django.urls import include, path

from ctu_site import views
from ctu_site.sitemaps import sitemaps

handler400 = "core.errors.bad_request"
handler403 = "core.errors.permission_denied"
handler404 = "ctu_site.views.page_not_found"
handler500 = "core.errors.server_error"


urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", views.sitemap_xml, {"sitemaps": sitemaps()}, name="sitemap"),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path("favicon.ico", views.FaviconView.as_view(), name="favicon"),
    path("admin/", admin.site.urls),
    path("", include("alerts.urls")),
    path("news/", include("news.urls")),
    path("search/", include("search.urls")),
    path("operations/", include("operations.urls")),
    # Before contact/: the referral journey lives under the contact page's address.
    path("contact/prevent-referral/", include("referrals.urls")),
    path("contact/", include("contact.urls")),
    path("email-updates/", include("updates.urls")),
    path("files/", include("library.urls")),
    path("", include("pages.urls")),
]
