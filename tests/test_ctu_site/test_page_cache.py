"""Anonymous GETs of public pages are answered from the shared cache, keyed by content version."""

import pytest
from django.test import Client

from core.content_version import bump_content_version, get_content_version
from ctu_site import views

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


@pytest.fixture
def home_renders(monkeypatch):
    """The list of times the home page view actually ran (a cache hit does not run it)."""
    calls = []
    original = views.HomeView.get

    def counting_get(self, request, *args, **kwargs):
        calls.append(request.path)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(views.HomeView, "get", counting_get)
    return calls


def test_second_anonymous_view_is_served_from_the_cache(client, home_renders):
    first = client.get("/")
    second = client.get("/")
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert home_renders == ["/"]


def test_bumping_the_content_version_renders_the_page_again(client, home_renders):
    client.get("/")
    before = get_content_version()
    assert bump_content_version() != before
    client.get("/")
    assert home_renders == ["/", "/"]


def test_visitors_with_a_session_cookie_always_get_a_fresh_page(home_renders):
    staff = Client()
    staff.cookies["sessionid"] = "abc"
    staff.get("/")
    staff.get("/")
    assert home_renders == ["/", "/"]


def test_posts_are_never_answered_from_the_cache(client, home_renders):
    client.get("/")
    assert client.post("/").status_code == 405
    assert home_renders == ["/"]


def test_unknown_query_parameters_are_not_cached(client, home_renders):
    client.get("/", {"x": "1"})
    client.get("/", {"x": "1"})
    assert home_renders == ["/", "/"]


def test_known_query_parameters_are_cached_per_value(client, home_renders):
    client.get("/", {"page": "2"})
    client.get("/", {"page": "2"})
    client.get("/", {"page": "3"})
    assert home_renders == ["/", "/"]
