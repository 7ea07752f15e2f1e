from django.urls import path, re_path

from pages import feeds, views

app_name = "pages"

urlpatterns = [
    path("search/", views.SearchView.as_view(), name="search"),
    path("news/", views.NewsListView.as_view(), name="news"),
    path("news/feed/rss/", feeds.NewsRssFeed(), name="news-rss"),
    path("news/feed/atom/", feeds.NewsAtomFeed(), name="news-atom"),
    path("news/<slug:slug>/", views.NewsDetailView.as_view(), name="news-detail"),
    path("useful-links/", views.UsefulLinksView.as_view(), name="useful-links"),
    # Every other address is looked up in the page tree.
    re_path(r"^(?P<url_path>(?:[-\w]+/)+)$", views.PageView.as_view(), name="page"),
]
