"""manage.py check_links against a real local web server: no mocks of the HTTP layer."""

import http.server
import threading
import time

import pytest
from django.core.management import CommandError, call_command

from core.links import SETTINGS_WITH_URLS, outbound_links
from pages.models import UsefulLink

pytestmark = pytest.mark.django_db


class Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self, with_body: bool):
        if self.path == "/slow":
            time.sleep(2)
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


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def local_settings(settings, server):
    """Point the reporting addresses at the local server, so no test reaches the internet."""
    for name in SETTINGS_WITH_URLS:
        setattr(settings, name, f"{server}/ok")


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

    with pytest.raises(CommandError, match="links checked, 2 broken"):
        call_command("check_links", "--timeout", "0.5")
    out = capsys.readouterr().out
    assert f"BROKEN {server}/missing (404)" in out
    assert "    found on: Page /advice/" in out
    assert "    found on: Useful links: Closed" in out
    assert f"BROKEN {server}/slow (timed out after 0.5s)" in out
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
