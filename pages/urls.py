from django.urls import path, re_path

from pages import views

app_name = "pages"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    # Every other address is looked up in the page tree.
    re_path(r"^(?P<url_path>(?:[-\w]+/)+)$", views.PageView.as_view(), name="page"),
]
