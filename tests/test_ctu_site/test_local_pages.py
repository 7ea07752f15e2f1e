"""While Redis is not answering, public pages are kept in the process for a few seconds, so that
the outage does not mean rendering every request afresh (core.cache.LocalPages)."""

import re
import time

import pytest

from core.cache import BREAKER, LOCAL_PAGES
from core.content_version import refresh_public_pages
from tests.test_core.test_cache_breaker import HungRedis

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


@pytest.fixture
def redis_hangs(settings):
    """The site's cache is a Redis that accepts connections and never answers."""
    server = HungRedis()
    BREAKER.reset()
    LOCAL_PAGES.clear()
    settings.REDIS_BREAKER_SECONDS = 60
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "TIMEOUT": 600,
            "OPTIONS": {
                "CLIENT_CLASS": "core.cache.CircuitBreakerClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.3,
                "SOCKET_TIMEOUT": 0.3,
            },
        },
    }
    yield server
    server.close()
    BREAKER.reset()
    LOCAL_PAGES.clear()


def test_while_redis_hangs_a_page_is_rendered_once_then_kept_in_the_process(
    client, redis_hangs, home_renders, django_assert_num_queries, monkeypatch
):
    # The scheduled-publishing check asks the database once a second per process while the
    # cache is down (publishing/schedule.py): not part of the page, so kept out of the count.
    monkeypatch.setattr("publishing.schedule.CHECK_EVERY", 3600)
    first = client.get("/")
    assert first.status_code == 200
    # One timeout opened the breaker; the rest of the request's cache calls were skipped
    # (counted below: one command ever reached the hung server).
    assert BREAKER.is_open
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second.status_code == 200
    assert second.content == first.content
    assert home_renders == ["/"]
    assert redis_hangs.commands == 1
    # Kept briefly, and the edge is told so: never the shared cache's ten minutes.
    shared = int(re.search(r"s-maxage=(\d+)", second["Cache-Control"]).group(1))
    assert 0 < shared <= 10


def test_a_kept_page_lapses_after_its_few_seconds(client, redis_hangs, home_renders, settings):
    settings.LOCAL_PAGE_CACHE_SECONDS = 1
    client.get("/")
    client.get("/")
    assert home_renders == ["/"]
    time.sleep(1.1)
    client.get("/")
    assert home_renders == ["/", "/"]


def test_a_publish_in_this_process_empties_the_kept_pages(
    client, redis_hangs, home_renders, django_capture_on_commit_callbacks
):
    client.get("/")
    assert len(LOCAL_PAGES) == 1
    with django_capture_on_commit_callbacks(execute=True):
        refresh_public_pages("page:1")
    assert len(LOCAL_PAGES) == 0
    client.get("/")
    assert home_renders == ["/", "/"]


def test_the_kept_pages_are_bounded_in_number(client, redis_hangs, settings):
    settings.LOCAL_PAGE_CACHE_ENTRIES = 2
    for path in ("/", "/contact/", "/news/", "/operations/"):
        assert client.get(path).status_code == 200
    assert len(LOCAL_PAGES) == 2


def test_staff_and_forms_are_never_kept(admin_client, redis_hangs):
    admin_client.get("/")
    admin_client.get("/contact/feedback/")
    assert len(LOCAL_PAGES) == 0


def test_with_redis_answering_nothing_is_kept_in_the_process(client, home_renders):
    BREAKER.reset()
    LOCAL_PAGES.clear()
    client.get("/")
    client.get("/")
    assert home_renders == ["/"]
    assert len(LOCAL_PAGES) == 0
