"""Fixtures shared by every test."""

import pytest
from django.core.cache import cache
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import OperationalError
from django.test import Client
from django.utils.text import slugify


@pytest.fixture(autouse=True)
def _empty_cache():
    """Start each test with an empty cache, so no page or rate-limit count leaks between tests."""
    cache.clear()
    yield
    cache.clear()


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
def _staff_code_only_when_asked(request, settings):
    """Sign staff in with the password alone unless a test is about the second step (mark: otp).

    Admin tests sign in with `force_login`, which cannot present a one-time code; the second step
    itself is tested in tests/test_ctu_site/test_staff_signin.py and in the browser.
    """
    if request.node.get_closest_marker("otp") is None:
        settings.STAFF_OTP_REQUIRED = False


@pytest.fixture
def make_operation(db):
    """Create an operation through the publishing services, published unless told otherwise."""
    from operations.models import Operation
    from publishing import services

    def make(name, *, publish=True, **fields):
        fields.setdefault("slug", slugify(name.removeprefix("Operation ")))
        fields.setdefault("summary", f"What {name} was about.")
        operation = Operation(name=name, **fields)
        revision = services.draft_save(obj=operation, user=None)
        if publish:
            services.revision_publish(revision=revision, user=None)
        operation.refresh_from_db()
        return operation

    return make


@pytest.fixture
def make_page(db):
    """Create a page through the publishing services, published unless told otherwise."""
    from pages.models import Page
    from publishing import services

    def make(slug, *, parent=None, title=None, body="Some text.", publish=True, **fields):
        fields.setdefault("summary", f"About {slug}.")
        page = Page(
            parent=parent,
            slug=slug,
            title=title or slug.replace("-", " ").capitalize(),
            body=body,
            **fields,
        )
        revision = services.draft_save(obj=page, user=None)
        if publish:
            services.revision_publish(revision=revision, user=None)
        page.refresh_from_db()
        return page

    return make


def make_staff(django_user_model, username: str, group: str | None = None, **extra):
    """A staff user, in one of the roles' groups if given (groups come from migrate)."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        username=username, password="a-long-test-password", is_staff=True, **extra
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


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
def make_news(db):
    """Create a news item through the publishing services, published unless told otherwise."""
    from news.models import NewsItem
    from publishing import services

    def make(title, *, publish=True, published_at=None, **fields):
        fields.setdefault("slug", slugify(title))
        fields.setdefault("summary", f"About {title}.")
        item = NewsItem(title=title, **fields)
        revision = services.draft_save(obj=item, user=None)
        if publish:
            services.revision_publish(revision=revision, user=None)
        if published_at is not None:
            NewsItem.objects.filter(pk=item.pk).update(first_published_at=published_at)
        item.refresh_from_db()
        return item

    return make


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
