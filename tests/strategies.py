"""Hypothesis strategies and settings shared by the property-based tests."""

from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Any text Python can hold, including NUL and control characters. Lone surrogates cannot be
# encoded as UTF-8, so no browser can send them; they are filtered out.
any_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]),
    max_size=3000,
)
field_value = st.one_of(
    any_text,
    st.sampled_from(["", "yes", "no", "1", "5", "6", "-1", "on", "/", "//evil.example"]),
    st.builds(lambda n: "x" * n, st.integers(min_value=1900, max_value=30_000)),
)

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def form_data(fields):
    return st.dictionaries(st.sampled_from(fields), field_value)


def fresh_client():
    cache.clear()  # Keep the rate limit out of the way: each example is a new visitor.
    return Client(raise_request_exception=True)
