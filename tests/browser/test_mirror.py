"""The static mirror as a visitor sees it when the app servers are down: served as plain files,
styled, dated, and as accessible as the live pages."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from tests.browser.helpers import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


class MirrorHandler(SimpleHTTPRequestHandler):
    """Like the mirror's nginx server: the same Content-Security-Policy as the site."""

    def end_headers(self):
        self.send_header(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        )
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def mirror(tmp_path, settings):
    settings.STATIC_ROOT = str(tmp_path / "static")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "ctu.example.police.uk"]
    settings.SITE_URL = "https://ctu.example.police.uk"
    call_command("load_starter_content", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("build_mirror", output=str(tmp_path / "mirror"), verbosity=0)
    handler = functools.partial(MirrorHandler, directory=str(tmp_path / "mirror"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize(
    "path", ["/", "/contact/", "/operations/norbury/", "/advice-for-the-public/", "/503.html"]
)
def test_mirrored_pages_are_styled_dated_and_accessible(mirror, page, csp_violations, path):
    page.goto(mirror + path)
    notice = page.get_by_role("region", name="Saved copy")
    assert "This is a saved copy of the page, made on" in notice.inner_text()
    assert notice.get_by_role("link", name="999").get_attribute("href") == "tel:999"
    # The site's own styles, from the mirror's copy of the static files.
    margin = page.evaluate(
        "getComputedStyle(document.querySelector('.govuk-notification-banner')).marginBottom"
    )
    assert margin != "0px"
    assert_accessible(page)
    assert csp_violations == []
