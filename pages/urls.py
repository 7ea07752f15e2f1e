from django.urls import path, re_path

from pages import views

app_name = "pages"

urlpatterns = [
    path("useful-links/", views.UsefulLinksView.as_view(), name="useful-links"),
    # Every other address is looked up in the page tree.
    re_path(r"^(?P<url_path>(?:[-\w]+/)+)$", views.PageView.as_view(), name="page"),
]
