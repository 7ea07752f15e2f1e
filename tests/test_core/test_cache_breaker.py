"""The circuit breaker around Redis: a Redis that accepts connections and never answers costs
one timeout per process per breaker period, not one per cache call."""

import socket
import threading
import time

import pytest
from django_redis.cache import RedisCache

from core.cache import BREAKER


class HungRedis:
    """A TCP server that accepts every connection, reads what it is sent, and never replies."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.port = self.server.getsockname()[1]
        self.commands = 0
        self.connections = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self._stop:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.connections.append(connection)
            threading.Thread(target=self._read, args=(connection,), daemon=True).start()

    def _read(self, connection):
        while True:
            try:
                data = connection.recv(65536)
            except OSError:
                return
            if not data:
                return
            # Each RESP command starts with '*'.
            self.commands += data.count(b"*") and 1

    def close(self):
        self._stop = True
        self.server.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def hung_redis():
    server = HungRedis()
    BREAKER.reset()
    yield server
    server.close()
    BREAKER.reset()


def cache_on(port: int) -> RedisCache:
    return RedisCache(
        f"redis://127.0.0.1:{port}/0",
        {
            "OPTIONS": {
                "CLIENT_CLASS": "core.cache.CircuitBreakerClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.3,
                "SOCKET_TIMEOUT": 0.3,
            }
        },
    )


def test_a_hung_redis_is_asked_once_then_skipped_until_the_breaker_retries(hung_redis, settings):
    settings.REDIS_BREAKER_SECONDS = 0.5
    cache = cache_on(hung_redis.port)
    # Every call is a miss, as with IGNORE_EXCEPTIONS alone...
    for _ in range(30):
        assert cache.get("page:x") is None
        assert cache.add("ratelimit:x", 0) is None
    # ...but only the first reached the hung server; the rest were skipped without waiting.
    assert hung_redis.commands == 1
    # After the breaker's period, one trial call goes through, fails, and opens it again.
    time.sleep(0.6)
    for _ in range(10):
        cache.get("page:x")
    assert hung_redis.commands == 2


def test_the_breaker_closes_once_redis_answers_again(settings):
    """Against the real Redis when CI runs one; the breaker itself either way."""
    settings.REDIS_BREAKER_SECONDS = 0.2
    BREAKER.reset()
    BREAKER.failed()
    assert BREAKER.allow() is False
    time.sleep(0.25)
    assert BREAKER.allow() is True  # the trial
    assert BREAKER.allow() is False  # only one trial at a time
    BREAKER.succeeded()
    assert BREAKER.allow() is True
    assert BREAKER.allow() is True


def test_rate_limits_let_requests_through_while_the_cache_is_down(rf, hung_redis, settings):
    """Failing open, as documented in core/cache.py: a dead cache must not shut the forms."""
    from core import guards

    settings.REDIS_BREAKER_SECONDS = 60
    cache = cache_on(hung_redis.port)
    original = guards.cache
    guards.cache = cache
    try:
        request = rf.post("/contact/feedback/")
        assert all(guards.rate_limit(request, "feedback", 1, 600) for _ in range(5))
    finally:
        guards.cache = original
