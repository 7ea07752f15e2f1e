"""The shared form protection in ctu_site.protection."""

import pytest
from django.core.cache import cache

from core import guards as protection


@pytest.mark.parametrize(
    ("remote_addr", "counted_as"),
    [
        ("192.0.2.7", "192.0.2.7"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("", "unknown"),
        ("not an address", "unknown"),
    ],
)
def test_client_address_counts_ipv6_by_its_64_network(rf, remote_addr, counted_as):
    assert protection.client_address(rf.get("/", REMOTE_ADDR=remote_addr)) == counted_as


def test_rate_limit_allows_up_to_the_limit_then_refuses(rf):
    request = rf.post("/")
    assert [protection.rate_limit(request, "test", 3, 60) for _ in range(4)] == [
        True,
        True,
        True,
        False,
    ]


def test_rate_limit_scopes_are_counted_apart(rf):
    request = rf.post("/")
    protection.rate_limit(request, "one", 1, 60)
    assert protection.rate_limit(request, "two", 1, 60) is True


def test_rate_limit_lets_requests_through_when_the_cache_is_down(rf, monkeypatch):
    monkeypatch.setattr(cache, "add", lambda *a, **k: None)
    monkeypatch.setattr(cache, "incr", lambda *a, **k: None)
    assert all(protection.rate_limit(rf.post("/"), "test", 1, 60) for _ in range(3))


def test_rate_limit_starts_a_new_window_if_the_count_expired_meanwhile(rf, monkeypatch):
    def expired(*args, **kwargs):
        raise ValueError("Key not found")

    monkeypatch.setattr(cache, "incr", expired)
    assert protection.rate_limit(rf.post("/"), "test", 1, 60) is True


@pytest.mark.parametrize(
    ("headers", "same"),
    [
        ({"HTTP_SEC_FETCH_SITE": "same-origin"}, True),
        ({"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "https://evil.example"}, True),
        ({"HTTP_SEC_FETCH_SITE": "cross-site"}, False),
        ({"HTTP_SEC_FETCH_SITE": "same-site"}, False),
        ({"HTTP_SEC_FETCH_SITE": "none"}, False),
        ({"HTTP_ORIGIN": "http://testserver"}, True),
        ({"HTTP_ORIGIN": "https://testserver"}, False),
        ({"HTTP_ORIGIN": "https://evil.example"}, False),
        ({"HTTP_ORIGIN": "null"}, False),
        ({"HTTP_REFERER": "http://testserver/contest/"}, True),
        ({"HTTP_REFERER": "https://evil.example/"}, False),
        ({}, True),
    ],
)
def test_is_same_origin(rf, headers, same):
    assert protection.is_same_origin(rf.post("/", **headers)) is same


def test_trusted_origins_count_as_same_origin(rf, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.ctu.example.org"]
    request = rf.post("/", HTTP_ORIGIN="https://www.ctu.example.org")
    assert protection.is_same_origin(request) is True


def test_undecodable_form_data_is_detected(rf):
    good = rf.post("/", "a=caf%C3%A9", content_type="application/x-www-form-urlencoded")
    bad = rf.post("/", "a=caf%E9", content_type="application/x-www-form-urlencoded")
    raw = rf.post("/", b"a=caf\xe9", content_type="application/x-www-form-urlencoded")
    assert protection.has_undecodable_data(good) is False
    assert protection.has_undecodable_data(bad) is True
    assert protection.has_undecodable_data(raw) is True


def test_rate_limited_decorator_answers_429_with_the_window_as_retry_after(rf):
    @protection.rate_limited(scope="deco", limit=1, window=120)
    def view(request):
        from django.http import HttpResponse

        return HttpResponse("ok")

    assert view(rf.post("/")).status_code == 200
    response = view(rf.post("/"))
    assert response.status_code == 429
    assert response["Retry-After"] == "120"
    assert view(rf.get("/")).status_code == 200


def test_behind_a_proxy_the_address_the_proxy_saw_is_counted(rf, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.4")
    # The left entry is whatever the visitor sent; the right one the proxy wrote.
    assert protection.client_address(request) == "198.51.100.4"


def test_without_trusted_proxies_forwarded_for_is_ignored(rf, settings):
    settings.TRUSTED_PROXY_HOPS = 0
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert protection.client_address(request) == "10.0.0.1"


def test_multipart_form_data_that_is_not_utf8_is_refused_and_nothing_stored(client, db):
    """Browsers post multipart bodies too: bad bytes there are refused as in url-encoded."""
    from contact.models import Feedback

    boundary = "----boundary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\n'.encode()
        + b"Caf\xe9 au lait, not UTF-8\r\n"
        + f"--{boundary}--\r\n".encode()
    )
    response = client.generic(
        "POST",
        "/contact/feedback/",
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 400
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("  =1+1", "  '=1+1"),
        ("\uff1d1+1", "'\uff1d1+1"),  # a full-width equals sign
        ("fine;=cmd|' /C calc'!A0", "fine;'=cmd|' /C calc'!A0"),
        ("line one\n@SUM(A1)", "line one\n'@SUM(A1)"),
        ("well-known and e-mail", "well-known and e-mail"),
    ],
)
def test_csv_cells_are_defused_wherever_a_formula_can_start(value, expected):
    from core.spreadsheets import csv_cell

    assert csv_cell(value) == expected
