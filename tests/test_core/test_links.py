"""manage.py check_links against a real local web server: no mocks of the HTTP layer."""

import http.server
import threading
import time

import pytest
from django.core.management import CommandError, call_command

from core.links import SETTINGS_WITH_URLS, outbound_links
from pages.models import UsefulLink

pytestmark = pytest.mark.django_db


HITS: list[str] = []


class Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self, with_body: bool):
        HITS.append(f"{self.server.server_address[0]}{self.path}")
        if self.path.startswith("/to/"):  # /to/<url-encoded address>: redirect there
            from urllib.parse import unquote

            self.send_response(302)
            self.send_header("Location", unquote(self.path[len("/to/") :]))
            self.end_headers()
            return
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/no-head" and self.command == "HEAD":
            status = 405
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        else:
            status = 404 if self.path == "/missing" else 200
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(with_body=False)

    def do_GET(self):
        self._answer(with_body=True)

    def log_message(self, *args):
        pass


def serve(host):
    httpd = http.server.ThreadingHTTPServer((host, 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture
def server():
    HITS.clear()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def local_settings(settings, server):
    """Point the reporting addresses at the local server, so no test reaches the internet, and
    let the checker treat that one address as the public web."""
    for name in SETTINGS_WITH_URLS:
        setattr(settings, name, f"{server}/ok")
    settings.LINK_CHECK_ALLOWED_NETWORKS = ["127.0.0.1/32"]


def test_broken_links_are_reported_with_where_they_were_found(
    server, local_settings, make_page, make_operation, capsys
):
    make_page(
        "advice",
        body=f"[Fine]({server}/ok) and [gone]({server}/missing) and [moved]({server}/moved).",
        related_links=f"Slow site | {server}/slow",
    )
    make_page("draft", body=f"[Draft only]({server}/missing-draft)", publish=False)
    make_operation("Operation Links", body=f"[No HEAD]({server}/no-head)")
    UsefulLink.objects.create(
        title="Closed", url=f"{server}/missing", description="x", category="government"
    )

    # A second's timeout: long enough for a loaded machine to answer the others at once.
    with pytest.raises(CommandError, match="links checked, 2 broken"):
        call_command("check_links", "--timeout", "1")
    out = capsys.readouterr().out
    assert f"BROKEN {server}/missing (404)" in out
    assert "    found on: Page /advice/" in out
    assert "    found on: Useful links: Closed" in out
    assert f"BROKEN {server}/slow (timed out after 1s)" in out
    assert "    found on: Page /advice/ (related links)" in out
    # Redirects are followed, and a server that refuses HEAD is asked with GET.
    assert f"{server}/moved" not in out
    assert f"{server}/no-head" not in out
    # Drafts are not on the site, so their links are not checked.
    assert "missing-draft" not in out


def test_every_source_is_gathered(server, local_settings, make_page):
    make_page("linked", body=f"[A]({server}/ok?from=page)")
    links = outbound_links()
    assert links[f"{server}/ok?from=page"] == ["Page /linked/"]
    assert sorted(links[f"{server}/ok"]) == sorted(f"setting {n}" for n in SETTINGS_WITH_URLS)


def test_an_unreachable_host_is_broken_not_a_crash(local_settings, make_page, capsys):
    make_page("dead", body="[Dead](http://127.0.0.1:9/nothing-listens-here)")
    with pytest.raises(CommandError, match="1 broken"):
        call_command("check_links", "--timeout", "1")
    assert "could not connect" in capsys.readouterr().out


def test_all_good_links_pass(server, local_settings, make_page, capsys):
    make_page("fine", body=f"[Fine]({server}/ok)")
    call_command("check_links", "--timeout", "1")
    assert "1 link checked, 0 broken." in capsys.readouterr().out


def test_loopback_is_refused_and_never_requested(server, settings, make_page, capsys):
    for name in SETTINGS_WITH_URLS:
        setattr(settings, name, "")
    settings.LINK_CHECK_ALLOWED_NETWORKS = []
    make_page("inward", body=f"[Inside]({server}/ok)")
    with pytest.raises(CommandError, match="1 broken"):
        call_command("check_links", "--timeout", "1")
    assert "is a private, local or reserved address" in capsys.readouterr().out
    assert HITS == []


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00::1]/",
        "http://10.1.2.3/",
        "http://[::ffff:127.0.0.2]/",
    ],
)
def test_a_redirect_to_a_private_or_metadata_address_is_refused(
    server, local_settings, make_page, capsys, target
):
    from urllib.parse import quote

    make_page("bouncing", body=f"[Bounce]({server}/to/{quote(target, safe='')})")
    with pytest.raises(CommandError, match="1 broken"):
        call_command("check_links", "--timeout", "1")
    assert "private, local or reserved address" in capsys.readouterr().out
    assert all(hit.startswith("127.0.0.1/") for hit in HITS)  # nothing else was asked


def test_a_redirect_to_another_loopback_address_is_refused_before_it_is_requested(
    server, local_settings, make_page, capsys
):
    other = serve("127.0.0.2")
    try:
        elsewhere = f"http://127.0.0.2:{other.server_address[1]}/ok"
        make_page("loopback-bounce", body=f"[Bounce]({server}/to/{elsewhere})")
        with pytest.raises(CommandError, match="1 broken"):
            call_command("check_links", "--timeout", "1")
        assert not any(hit.startswith("127.0.0.2") for hit in HITS)
    finally:
        other.shutdown()
        other.server_close()


def test_endless_redirects_are_cut_short(server, local_settings, make_page, capsys):
    make_page("looping", body=f"[Loop]({server}/loop)")
    with pytest.raises(CommandError, match="1 broken"):
        call_command("check_links", "--timeout", "1")
    assert "more than 5 redirects" in capsys.readouterr().out


def test_a_malformed_link_is_reported_broken_where_it_was_found(
    server, local_settings, make_page, capsys
):
    make_page("typo", related_links=f"Spaced | {server}/a page with spaces")
    make_page("fine-too", body=f"[Fine]({server}/ok)")
    with pytest.raises(CommandError, match="broken"):
        call_command("check_links", "--timeout", "1")
    out = capsys.readouterr().out
    assert "not a valid address" in out
    assert "found on: Page /typo/ (related links)" in out
