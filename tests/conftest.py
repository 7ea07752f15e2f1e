"""Fixtures shared by every test."""

import pytest
from django.core.cache import caches
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import OperationalError
from django.test import Client

from tests import factories
from tests.factories import make_staff


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start each test with empty caches, so no page, fragment or rate-limit count leaks
    between tests (a test that changes a setting sees it in the footer too)."""
    for alias in ("default", "template_fragments"):
        caches[alias].clear()
    yield
    for alias in ("default", "template_fragments"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _page_cache_only_when_asked(request, settings):
    """Keep public pages out of the cache unless a test is about the cache (mark: page_cache).

    Publishing refreshes cached pages after the transaction commits, and most tests run inside a
    transaction that never commits; tests of the cache itself commit their callbacks explicitly.
    """
    if (
        request.node.get_closest_marker("page_cache") is None
        and "live_server" not in request.fixturenames
    ):
        settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _search_index_per_search_unless_asked(request, settings):
    """Build search's index for every search unless a test is about reusing it (mark:
    search_index): like the page cache, it moves on with the content version, which tests that
    never commit do not move."""
    from search.backends import forget_index

    forget_index()
    if (
        request.node.get_closest_marker("search_index") is None
        and "live_server" not in request.fixturenames
    ):
        settings.SEARCH_INDEX_REUSE = False


@pytest.fixture(autouse=True)
def _staff_code_only_when_asked(request, settings):
    """Sign staff in with the password alone unless a test is about the second step (mark: otp).

    Admin tests sign in with `force_login`, which cannot present a one-time code; the second step
    itself is tested in tests/test_ctu_site/test_staff_signin.py and in the browser.
    """
    if request.node.get_closest_marker("otp") is None:
        settings.STAFF_OTP_REQUIRED = False


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path_factory):
    """Uploads (the media library, the starter poster) go to a folder of this test's own."""
    root = tmp_path_factory.mktemp("media")
    settings.MEDIA_ROOT = str(root)
    return root


@pytest.fixture
def make_page(db):
    """Create a page through the publishing services, published unless told otherwise."""
    return factories.make_page


@pytest.fixture
def make_news(db):
    """Create a news item through the publishing services, published unless told otherwise."""
    return factories.make_news


@pytest.fixture
def make_operation(db):
    """Create an operation through the publishing services, published unless told otherwise."""
    return factories.make_operation


@pytest.fixture(params=factories.KINDS, ids=lambda kind: kind.name)
def kind(request, db):
    """Each publishable model in turn (pages, news, operations): the shared workflow's tests."""
    return request.param


@pytest.fixture
def editor(django_user_model):
    """A staff user in the Editors group: drafts and submits, cannot publish."""
    from core.roles import EDITORS

    return make_staff(django_user_model, "edith", EDITORS)


@pytest.fixture
def publisher(django_user_model):
    """A staff user in the Publishers group."""
    from core.roles import PUBLISHERS

    return make_staff(django_user_model, "percy", PUBLISHERS)


@pytest.fixture
def triager(django_user_model):
    """A staff user in the Feedback triage group."""
    from core.roles import FEEDBACK_TRIAGE

    return make_staff(django_user_model, "tess", FEEDBACK_TRIAGE)


@pytest.fixture
def client_no_raise():
    """A test client that shows the error page a visitor would see instead of raising."""
    return Client(raise_request_exception=False)


@pytest.fixture
def database_down(monkeypatch):
    """Make every new database connection fail, as when PostgreSQL is unreachable."""
    from django.db import connections

    def refuse(self):
        raise OperationalError("connection refused (simulated)")

    for connection in connections.all():
        connection.close()
    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
    yield


@pytest.fixture
def home_renders(monkeypatch):
    """The list of times the home page view actually ran (a cache hit does not run it)."""
    from ctu_site import views

    calls = []
    original = views.HomeView.get

    def counting_get(self, request, *args, **kwargs):
        calls.append(request.path)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(views.HomeView, "get", counting_get)
    return calls


@pytest.fixture
def inbox(settings):
    """A real SMTP server (aiosmtpd) the site's mail goes to, and what it received."""
    from tests.mailserver import run_inbox

    yield from run_inbox(settings)
