"""Anonymous GETs of public pages are answered from the shared cache, keyed by content version."""

import pytest
from django.test import Client

from core.content_version import bump_content_version, get_content_version

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


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


@pytest.mark.parametrize(
    "query",
    ["page=02", "page=0", "page=1&page=1", "page=99999", "page=abc", "decade=19x0s", "outcome=A"],
)
def test_made_up_values_of_known_parameters_are_never_stored(client, home_renders, query):
    """A flood of '?page=<random>' must not grow the cache: only one form of each value is kept."""
    from django.core.cache import cache

    client.get("/")  # the page itself and the site-wide parts, stored once
    keys_before = len(cache._cache)
    for _ in range(3):
        client.get(f"/?{query}")
    assert home_renders == ["/"] * 4
    assert len(cache._cache) == keys_before


def test_a_list_page_past_the_last_is_a_404_and_never_stored(client):
    from django.core.cache import cache

    client.get("/news/")
    client.get("/operations/")
    keys_before = len(cache._cache)
    for path in ("/news/?page=999", "/operations/?page=999"):
        assert client.get(path).status_code == 404
    assert len(cache._cache) == keys_before


def test_every_key_the_public_side_stores_has_a_timeout(client, make_page):
    """Locmem keeps each key's expiry: none may be 'never' (None), so nothing lingers."""
    from django.core.cache import cache

    make_page("timed", title="Timed")
    for path in ("/", "/timed/", "/news/", "/operations/", "/contact/", "/threat-level/"):
        assert client.get(path).status_code == 200
    assert cache._expire_info
    assert all(expiry is not None for expiry in cache._expire_info.values())
