"""HTTP caching of public pages: what browsers and an edge cache are told, ETags and 304s, and
bodies compressed once when stored."""

import gzip
import re

import brotli
import pytest

from core.content_version import bump_content_version

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


def directives(response) -> dict[str, str]:
    parts = [p.strip() for p in response["Cache-Control"].split(",")]
    return dict([*p.split("=", 1), ""][:2] for p in parts)


@pytest.mark.parametrize("path", ["/", "/contact/", "/threat-level/", "/operations/", "/news/"])
def test_a_public_page_tells_browsers_and_shared_caches_how_long_to_keep_it(client, settings, path):
    settings.PAGE_CACHE_SECONDS = 600
    response = client.get(path)
    assert response.status_code == 200
    cc = directives(response)
    assert "public" in cc
    assert int(cc["max-age"]) == 60
    assert 590 <= int(cc["s-maxage"]) <= 600
    assert int(cc["stale-while-revalidate"]) == 60
    assert int(cc["stale-if-error"]) == 86400
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])
    assert "Accept-Encoding" in response["Vary"]


def test_the_shared_lifetime_stops_at_the_next_scheduled_change(client, make_page, settings):
    import datetime as dt

    from django.utils import timezone

    from pages.models import Page

    settings.PAGE_CACHE_SECONDS = 600
    page = make_page("soon")
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() + dt.timedelta(seconds=90))
    bump_content_version()
    cc = directives(client.get("/"))
    assert int(cc["s-maxage"]) <= 90
    assert int(cc["max-age"]) <= 60


@pytest.mark.parametrize(
    "path",
    ["/contact/feedback/", "/contact/security-adviser/", "/search/?q=report", "/admin/login/"],
)
def test_forms_search_and_staff_pages_are_never_shared(client, path):
    response = client.get(path)
    assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_staff_visitor_on_a_public_page_gets_a_private_copy(client):
    client.cookies["sessionid"] = "abc"
    response = client.get("/contact/")
    assert "private" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_a_matching_etag_is_answered_with_304_and_no_body(client):
    etag = client.get("/contact/")["ETag"]
    response = client.get("/contact/", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert "public" in response["Cache-Control"]
    # A list of tags, a weak tag, or junk: compared as HTTP says, never an error.
    assert client.get("/contact/", headers={"If-None-Match": f'"x", W/{etag}'}).status_code == 304
    for junk in ("*junk*", '"', "\x7f", "a" * 5000):
        assert client.get("/contact/", headers={"If-None-Match": junk}).status_code == 200


def test_a_changed_page_has_a_new_etag_so_old_copies_are_refetched(client, make_page):
    from pages.models import Page

    page = make_page("changing", title="Before", body="The first text.")
    before = client.get("/changing/")["ETag"]
    Page.objects.filter(pk=page.pk).update(body_html="<p>The second text.</p>")
    bump_content_version()  # as a publish does once it commits
    response = client.get("/changing/", headers={"If-None-Match": before})
    assert response.status_code == 200
    assert b"The second text." in response.content
    assert response["ETag"] != before


def test_one_stored_page_is_served_in_each_encoding_the_visitor_accepts(client):
    plain = client.get("/contact/", headers={"Accept-Encoding": "identity"})
    assert not plain.has_header("Content-Encoding")
    gzipped = client.get("/contact/", headers={"Accept-Encoding": "gzip, deflate"})
    assert gzipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(gzipped.content) == plain.content
    brotlied = client.get("/contact/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert brotlied["Content-Encoding"] == "br"
    assert brotli.decompress(brotlied.content) == plain.content
    assert len(brotlied.content) < len(plain.content) / 3
    assert int(brotlied["Content-Length"]) == len(brotlied.content)
    refused = client.get("/contact/", headers={"Accept-Encoding": "br;q=0, gzip;q=0"})
    assert not refused.has_header("Content-Encoding")
    junk = client.get("/contact/", headers={"Accept-Encoding": "br;q=abc, ;;;, gzip;q="})
    assert junk.status_code == 200


def test_compression_happens_once_when_stored_not_per_request(client, monkeypatch):
    from ctu_site import middleware

    calls = []
    original = middleware.gzip.compress
    monkeypatch.setattr(
        middleware.gzip, "compress", lambda *a, **k: calls.append(1) or original(*a, **k)
    )
    for _ in range(5):
        client.get("/contact/", headers={"Accept-Encoding": "gzip"})
    assert calls == [1]


def test_a_junk_range_header_gets_the_whole_page(client):
    response = client.get("/contact/", headers={"Range": "bytes=junk"})
    assert response.status_code == 200
    assert b"If you have information" in response.content


@pytest.mark.parametrize("path", ["/not-published-yet/", "/news/?page=999"])
def test_a_page_that_is_not_stored_is_not_kept_by_a_shared_cache_either(client, path):
    """A 404 for an address about to be published must not outlive the publish at the edge."""
    response = client.get(path)
    assert response.status_code == 404
    assert re.search(r"no-cache|no-store", response["Cache-Control"])
    assert "public" not in response["Cache-Control"]
