"""The whole production shape, as `make stack` runs it: nginx TLS -> the shipped Varnish VCL ->
two gunicorn instances -> PostgreSQL and Redis, with the task worker and the static mirror.

The stack test of issue 16: a publish on one app server is visible through the edge on the next
request (and on the other app server); with both app servers stopped, the edge still answers
every mirrored page, and a form sent then is sent to the page that says it was not received.

It runs scripts/stack itself, on ports and in a database of its own, so it tries the script a
person runs as well as the configuration it ships.
"""

import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import pytest
import redis

from tests.processes import manage

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
ADMIN_URL = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/11"
VARNISHADM = shutil.which("varnishadm") or "/usr/bin/varnishadm"

PUBLISH = """
from pages.models import Page
from publishing import services
page = Page.objects.get(slug="contest", parent=None)
page.title = "CONTEST, as changed at the edge"
services.revision_publish(revision=services.draft_save(obj=page, user=None), user=None)
"""


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


class Answer:
    def __init__(self, response):
        self.status = response.status
        self.headers = {k.lower(): v for k, v in response.getheaders()}
        self.body = response.read().decode(errors="replace")


def request(port: int, path: str, method: str = "GET", body: str | None = None) -> Answer:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the stack's own self-signed certificate
    connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=15, context=context)
    headers = {"Host": f"localhost:{port}", "Accept-Encoding": "identity"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    try:
        return Answer(connection.getresponse())
    finally:
        connection.close()


def direct(port: int, path: str) -> Answer:
    """Straight to one app server, as nginx and Varnish would forward a request."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    connection.request("GET", path, headers={"Host": "localhost", "X-Forwarded-Proto": "https"})
    try:
        return Answer(connection.getresponse())
    finally:
        connection.close()


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = condition()
            if last:
                return last
        except OSError as error:
            last = error
        time.sleep(0.5)
    pytest.fail(f"Timed out waiting for {what}: {last!r}")


@pytest.fixture
def stack():
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).flushdb()
    except redis.RedisError as error:
        pytest.fail(f"The stack test needs Redis on 127.0.0.1:6379: {error}")
    database = f"ctu_stack_test_{secrets.token_hex(4)}"
    try:
        with psycopg.connect(f"{ADMIN_URL}/postgres", autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {database}")
    except psycopg.Error as error:
        pytest.fail(f"The stack test needs PostgreSQL on 127.0.0.1:5432: {error}")
    state = Path(tempfile.mkdtemp(prefix="ctu-stack-"))
    state.chmod(0o755)
    https, plain, edge, app1, app2, mirror = free_ports(6)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
        "STACK_DIR": str(state),
        "STACK_DATABASE_URL": f"{ADMIN_URL}/{database}",
        "STACK_REDIS_URL": REDIS_URL,
        "STACK_HTTPS_PORT": str(https),
        "STACK_HTTP_PORT": str(plain),
        "STACK_VARNISH_PORT": str(edge),
        "STACK_APP_PORTS": f"{app1} {app2}",
        "STACK_MIRROR_PORT": str(mirror),
    }
    log = open(state / "stack.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [str(ROOT / "scripts" / "stack")],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def up():
        if process.poll() is not None:
            pytest.fail((state / "stack.log").read_text()[-3000:])
        answer = request(https, "/")
        # From an app server, not from the mirror.
        return answer.status == 200 and "x-mirror" not in answer.headers

    wait_for(up, 240, "the stack to answer")
    yield {"state": state, "https": https, "apps": (app1, app2), "process": process}
    # What the edge thought of its backends, and what the stack said: pytest shows it when the
    # test failed.
    health = subprocess.run(
        [VARNISHADM, "-n", str(state / "varnish"), "backend.list"],
        capture_output=True,
        text=True,
        check=False,
    )
    print(health.stdout, health.stderr, (state / "stack.log").read_text()[-4000:])
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
    log.close()
    with psycopg.connect(f"{ADMIN_URL}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
    shutil.rmtree(state, ignore_errors=True)


def stack_env(state: Path) -> dict:
    env = {}
    for line in (state / "env").read_text().splitlines():
        name, _, value = line.partition("=")
        env[name] = value
    return env


def test_a_publish_reaches_the_edge_and_the_mirror_answers_when_the_app_servers_stop(stack):
    https, (app1, app2), state = stack["https"], stack["apps"], stack["state"]

    # Public pages are served by the edge after the first request.
    first = request(https, "/contest/")
    assert first.headers["x-cache"] == "MISS", str(first.headers)
    before = request(https, "/contest/")
    assert before.headers["x-cache"] == "HIT", str(before.headers)
    assert "CONTEST, as changed at the edge" not in before.body

    # A publish on app server 1 (its environment, its task backend run at once)...
    env = stack_env(state) | {"TASKS_BACKEND": "immediate"}
    published = manage("shell", "-c", PUBLISH, env_overrides=env, python=str(PYTHON))
    assert published.returncode == 0, published.stderr[-3000:]
    # ...is what the next request through the edge gets, and what the other app server serves.
    after = request(https, "/contest/")
    assert "CONTEST, as changed at the edge" in after.body
    assert after.headers["x-cache"] == "MISS"
    assert "CONTEST, as changed at the edge" in direct(app2, "/contest/").body
    # The publish rebuilt the mirror too.
    mirrored = json.loads((state / "mirror" / "mirror.json").read_text())
    assert "CONTEST, as changed at the edge" in (state / "mirror/contest/index.html").read_text()
    pages = mirrored["pages"]
    assert {"/", "/contact/", "/threat-level/", "/operations/norbury/"} <= set(pages)

    # Both app servers stop.
    for port in (app1, app2):
        pid = int((state / "run" / f"gunicorn-{port}.pid").read_text())
        os.kill(pid, signal.SIGTERM)
    for port in (app1, app2):

        def closed(port=port):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            except OSError:
                return True
            return False

        wait_for(closed, 30, f"app server {port} to stop")

    # Every mirrored page still answers through the edge: a cached copy, or the mirror's.
    for path in pages:
        answer = request(https, path)
        assert answer.status == 200, path
        assert "0800 789 321" in answer.body, path
    from_mirror = wait_for(
        lambda: (a := request(https, "/about-the-unit/")).headers.get("x-mirror") and a,
        15,
        "the edge to turn to the mirror",
    )
    assert "This is a saved copy of the page, made on" in from_mirror.body
    # The poster that page shows comes from the mirror too (no request has put it in the cache).
    poster_page = (state / "mirror/how-you-can-help/index.html").read_text()
    avif = re.search(r'srcset="(/files/images/[^" ]+\.avif) \d+w', poster_page)[1]
    poster = request(https, avif)
    assert poster.status == 200 and poster.headers["content-type"] == "image/avif", avif
    assert "x-mirror" in poster.headers
    # An address the mirror does not hold: the page that says the site is not working.
    missing = request(https, "/search/?q=parcel")
    assert missing.status == 503
    assert "This part of the website is not working at the moment" in missing.body
    assert 'href="tel:999"' in missing.body
    # A form sent now is not lost in silence: it is told that nothing was received.
    sent = request(https, "/contact/feedback/", method="POST", body="message=hello")
    assert sent.status == 303
    assert sent.headers["location"] == "/503.html"
    told = request(https, "/503.html")
    assert told.status == 200
    assert "it was not received and nothing was saved" in told.body
