import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import OperationalError
from django.test import Client


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
