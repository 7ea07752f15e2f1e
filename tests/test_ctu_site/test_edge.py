"""The edge cache's side of the site: the surrogate keys a page names, and the purge a change
queues (a BAN to Varnish, the Fastly and Cloudflare APIs), which never fails a publish."""

import http.server
import threading

import pytest

from core import edge
from publishing import services
from tests.factories import make_operation, make_page

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """Stands for a Varnish here: records each BAN and answers with the next queued status.
    (The real Varnish, with the shipped VCL, is the stack test's.)"""

    received: list[dict] = []
    statuses: list[int] = []

    def do_BAN(self):
        PurgeRecorder.received.append(
            {"path": self.path, "keys": self.headers.get("X-Purge-Keys", "")}
        )
        status = PurgeRecorder.statuses.pop(0) if PurgeRecorder.statuses else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish(settings):
    PurgeRecorder.received, PurgeRecorder.statuses = [], []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.EDGE_PURGE_BACKEND = "varnish"
    settings.EDGE_VARNISH_URLS = [f"http://127.0.0.1:{server.server_port}/"]
    yield PurgeRecorder
    server.shutdown()


def keys_of(response) -> set[str]:
    return set(response["Surrogate-Key"].split())


def test_a_page_names_itself_what_is_above_it_and_its_section(client):
    section = make_page("section-a", title="Section A")
    child = make_page("child-b", parent=section, title="Child B")
    response = client.get("/section-a/child-b/")
    assert keys_of(response) == {
        "sitewide",
        f"pages.page-{child.pk}",
        f"pages.page-{section.pk}",
        f"pages.section-{section.pk}",
    }
    # The same keys for Varnish (xkey) and Cloudflare (Cache-Tag).
    assert set(response["xkey"].split()) == keys_of(response)
    assert set(response["Cache-Tag"].split(",")) == keys_of(response)


def test_an_operation_page_names_the_operations_it_shows(client):
    main = make_operation("Operation Main")
    other = make_operation("Operation Other")
    main.related_operations.add(other)
    response = client.get("/operations/main/")
    assert keys_of(response) == {
        "sitewide",
        f"operations.operation-{main.pk}",
        f"operations.operation-{other.pk}",
    }
    assert keys_of(client.get("/operations/")) == {"sitewide", "list:operations.operation"}
    assert keys_of(client.get("/")) >= {"list:operations.operation", "list:news.newsitem"}
    assert "index" in keys_of(client.get("/sitemap.xml"))


def test_a_publish_queues_one_purge_of_exactly_what_it_changes(
    varnish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        operation = make_operation("Operation Purged", publish=False)
    assert varnish.received == []  # a draft changes nothing public
    with django_capture_on_commit_callbacks(execute=True):
        services.object_publish(obj=operation, user=None)
    assert varnish.received == [
        {
            "path": "/",
            "keys": f"index list:operations.operation operations.operation-{operation.pk}",
        }
    ]


def test_a_page_in_the_menu_purges_every_page(varnish, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_page("in-menu", title="In the menu", show_in_menus=True)
    assert varnish.received[-1]["keys"] == "sitewide"


def test_a_threat_level_change_purges_every_page(varnish, django_capture_on_commit_callbacks):
    from alerts.models import ThreatLevel

    with django_capture_on_commit_callbacks(execute=True):
        level = ThreatLevel.objects.first()
        level.save()
    assert varnish.received[-1]["keys"] == "sitewide"


def test_a_failed_purge_is_retried_and_never_fails_the_publish(
    varnish, django_capture_on_commit_callbacks, caplog
):
    varnish.statuses = [500, 503, 500]
    operation = make_operation("Operation Unlucky", publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.object_publish(obj=operation, user=None)
    operation.refresh_from_db()
    assert operation.live
    assert len(varnish.received) == edge.ATTEMPTS
    assert "failed 3 times" in caplog.text


def test_a_purge_to_an_edge_that_is_down_never_fails_the_publish(
    settings, django_capture_on_commit_callbacks
):
    settings.EDGE_PURGE_BACKEND = "varnish"
    settings.EDGE_VARNISH_URLS = ["http://127.0.0.1:9/"]  # nothing listens on the discard port
    operation = make_operation("Operation Offline", publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.object_publish(obj=operation, user=None)
    operation.refresh_from_db()
    assert operation.live


@pytest.mark.parametrize(
    ("backend", "address", "body"),
    [
        ("fastly", "https://api.fastly.com/service/SVC/purge", b'{"surrogate_keys": ["a", "b"]}'),
        (
            "cloudflare",
            "https://api.cloudflare.com/client/v4/zones/ZONE/purge_cache",
            b'{"tags": ["a", "b"]}',
        ),
    ],
)
def test_fastly_and_cloudflare_are_asked_as_their_apis_document(
    settings, monkeypatch, backend, address, body
):
    settings.EDGE_PURGE_BACKEND = backend
    settings.EDGE_FASTLY_SERVICE_ID, settings.EDGE_FASTLY_API_TOKEN = "SVC", "fastly-token"
    settings.EDGE_CLOUDFLARE_ZONE_ID, settings.EDGE_CLOUDFLARE_API_TOKEN = "ZONE", "cf-token"
    sent = []
    monkeypatch.setattr(edge, "_send", sent.append)
    assert edge.purge_edge.call(keys=["a", "b"]) == "purged"
    (request,) = sent
    assert request.full_url == address
    assert request.get_method() == "POST"
    assert request.data == body
    headers = {k.lower(): v for k, v in request.header_items()}
    if backend == "fastly":
        assert headers["fastly-key"] == "fastly-token"
    else:
        assert headers["authorization"] == "Bearer cf-token"


def test_a_key_that_could_break_a_header_or_a_ban_is_dropped(rf):
    request = rf.get("/")
    edge.tag(request, "good-key", "bad key", 'bad"key', "bad\nkey", "")
    assert edge.response_keys(request) == ["good-key", "sitewide"]
