"""The shipped Varnish configuration in front of the live site: Debian's varnishd, really run.

The stack test of issue 16, first part: the site behind deploy/varnish/default.vcl caches public
pages, passes staff, keeps one copy per page whatever Host a client makes up, and a publish is
visible through the edge on the next request because the site bans its keys.
"""

import contextlib
import http.client
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from publishing import services
from tests.factories import make_page

pytestmark = pytest.mark.django_db(transaction=True)

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_varnish(backend_port: int, purgers: str | None = None):
    """Debian's varnishd with the shipped VCL, in front of one backend on loopback; ``purgers``
    replaces the addresses allowed to purge."""
    if not Path(VARNISHD).exists():
        pytest.fail("Varnish is not installed: run scripts/ensure-edge")
    # Readable by the unprivileged user varnishd drops to (pytest's tmp_path is not).
    tmp_path = Path(tempfile.mkdtemp(prefix="ctu-varnish-"))
    tmp_path.chmod(0o755)
    vcl = VCL.read_text()
    if purgers is not None:
        shipped = re.search(r"acl purgers \{[^}]*\}", vcl).group(0)
        vcl = vcl.replace(shipped, f'acl purgers {{ "{purgers}"; }}')
    (tmp_path / "default.vcl").write_text(vcl)
    (tmp_path / "backends.vcl").write_text(
        'probe health { .url = "/robots.txt"; .interval = 1s; .window = 2; .threshold = 1; }\n'
        f'backend app1 {{ .host = "127.0.0.1"; .port = "{backend_port}"; '
        '.host_header = "localhost"; .probe = health; }\n'
        # No mirror in these tests: a port where nothing listens.
        f'backend mirror {{ .host = "127.0.0.1"; .port = "{free_port()}"; }}\n'
        "sub vcl_init { new app = directors.round_robin(); app.add_backend(app1); }\n"
    )
    port = free_port()
    process = subprocess.Popen(
        [
            VARNISHD,
            "-F",
            "-n",
            str(tmp_path / "varnish"),
            "-a",
            f"127.0.0.1:{port}",
            "-p",
            f"vcl_path={tmp_path}",
            "-f",
            str(tmp_path / "default.vcl"),
            "-s",
            "malloc,32m",
            "-p",
            "http_gzip_support=off",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if get(port, "/robots.txt").status == 200:
                break
        except OSError:
            pass
        time.sleep(0.2)
    else:
        process.kill()
        pytest.fail(process.stdout.read().decode()[-2000:])
    try:
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.fixture
def varnish(live_server, settings):
    with running_varnish(int(live_server.url.rsplit(":", 1)[1])) as port:
        settings.EDGE_PURGE_BACKEND = "varnish"
        settings.EDGE_VARNISH_URLS = [f"http://127.0.0.1:{port}/"]
        yield port


class Answer:
    def __init__(self, response):
        self.status = response.status
        self.headers = {k.lower(): v for k, v in response.getheaders()}
        self.body = response.read().decode(errors="replace")


def get(port: int, path: str, headers: dict | None = None) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
    try:
        return Answer(connection.getresponse())
    finally:
        connection.close()


def test_public_pages_are_served_from_the_edge_and_staff_are_passed(varnish):
    make_page("edge-page", title="At the edge", body="First words.")
    first = get(varnish, "/edge-page/")
    second = get(varnish, "/edge-page/")
    assert first.status == second.status == 200
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("MISS", "HIT")
    # The keys are the edge's: never sent on to browsers.
    assert "xkey" not in second.headers and "surrogate-key" not in second.headers
    staff = get(varnish, "/edge-page/", {"Cookie": "sessionid=abc"})
    assert staff.headers["x-cache"] == "MISS"
    assert "private" in staff.headers["cache-control"]


def test_a_made_up_host_is_never_a_cache_entry_of_its_own(varnish):
    make_page("host-page", title="Host page")
    assert get(varnish, "/host-page/").headers["x-cache"] == "MISS"
    crafted = get(varnish, "/host-page/", {"Host": "evil.example", "X-Forwarded-Host": "evil"})
    assert crafted.headers["x-cache"] == "HIT"  # the one copy, from the real host
    assert "evil" not in crafted.body


def test_a_publish_is_visible_through_the_edge_on_the_next_request(varnish):
    page = make_page("changing-edge", title="Before the change", body="Old words.")
    make_page("bystander", title="Not changed")
    for path in ("/changing-edge/", "/bystander/"):
        get(varnish, path)
        assert get(varnish, path).headers["x-cache"] == "HIT"
    page.title = "After the change"
    revision = services.draft_save(obj=page, user=None)
    services.revision_publish(revision=revision, user=None)
    answer = get(varnish, "/changing-edge/")
    assert answer.headers["x-cache"] == "MISS"
    assert "After the change" in answer.body
    # Only the pages that show it were purged: another page is still served by the edge.
    assert get(varnish, "/bystander/").headers["x-cache"] == "HIT"


def test_a_ban_with_keys_that_could_break_the_expression_is_refused(varnish):
    connection = http.client.HTTPConnection("127.0.0.1", varnish, timeout=10)
    connection.request("BAN", "/", headers={"X-Purge-Keys": "a|.*"})
    assert connection.getresponse().status == 400


class BareHandler(BaseHTTPRequestHandler):
    """A backend that says nothing about caching, as a redirect from a middleware does."""

    answered = 0

    def do_GET(self):
        BareHandler.answered += 1
        body = f"answer {BareHandler.answered}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_response_without_cache_control_is_never_kept():
    server = ThreadingHTTPServer(("127.0.0.1", 0), BareHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with running_varnish(server.server_address[1]) as port:
            first, second = get(port, "/anything/"), get(port, "/anything/")
    finally:
        server.shutdown()
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("MISS", "MISS")
    assert first.body != second.body


def test_a_purge_from_outside_the_app_servers_is_refused(live_server):
    # The tests can only send from loopback: so loopback is made "outside" here, by an acl that
    # holds another address, as production's holds the app servers'.
    with running_varnish(int(live_server.url.rsplit(":", 1)[1]), purgers="192.0.2.10") as port:
        make_page("kept-page", title="Kept")
        get(port, "/kept-page/")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("BAN", "/", headers={"X-Purge-Keys": "sitewide"})
        assert connection.getresponse().status == 403
        connection.close()
        assert get(port, "/kept-page/").headers["x-cache"] == "HIT"


def test_a_client_cannot_pass_its_request_off_as_a_mirror_fetch(varnish):
    make_page("not-a-mirror", title="Kept as usual")
    first = get(varnish, "/not-a-mirror/", {"X-Mirror": "1"})
    assert "x-mirror" not in first.headers
    assert get(varnish, "/not-a-mirror/").headers["x-cache"] == "HIT"
