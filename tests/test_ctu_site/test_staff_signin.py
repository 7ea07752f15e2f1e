"""Staff sign-in: repeated wrong passwords lock a username out from that address for a while."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone

from ctu_site.roles import EDITORS
from tests.utils import HOTLINE_TEL, tel_links, text_of

LOGIN = "/admin/login/"
PASSWORD = "a long staff passphrase 42"


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("sam.editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def fail(client, times, username="sam.editor", address="203.0.113.7"):
    for _ in range(times):
        response = sign_in(client, username, "wrong password", address)
        assert response.status_code == 200  # the login form again, with its error
        assert "Please enter the correct username and password" in text_of(response)


def lock_out(client, username="sam.editor", address="203.0.113.7"):
    fail(client, 4, username, address)
    assert sign_in(client, username, "wrong password", address).status_code == 429


def test_correct_password_signs_in(client, staff):
    response = sign_in(client, "sam.editor", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_fifth_failure_locks_the_username_even_against_the_right_password(client, staff, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    fail(client, 4)
    response = sign_in(client, "sam.editor", "wrong password")
    assert response.status_code == 429
    response = sign_in(client, "sam.editor", PASSWORD)
    assert response.status_code == 429
    page = text_of(response)
    assert "too many failed attempts to sign in" in page
    assert "30 minutes" in page
    assert response["Retry-After"] == "1800"
    assert HOTLINE_TEL in tel_links(page)
    assert "sam.editor" not in page  # says nothing about which account, or that it exists
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_address(client, staff, django_user_model):
    django_user_model.objects.create_user("alex", password=PASSWORD, is_staff=True)
    lock_out(client)
    # A colleague in the same office still signs in ...
    assert sign_in(client, "alex", PASSWORD).status_code == 302
    client.logout()
    # ... and the locked person can from another address.
    assert sign_in(client, "sam.editor", PASSWORD, address="198.51.100.9").status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(client, staff):
    fail(client, 4)
    assert sign_in(client, "sam.editor", PASSWORD).status_code == 302
    client.logout()
    fail(client, 4)
    assert sign_in(client, "sam.editor", PASSWORD).status_code == 302


def test_the_lock_lifts_by_itself_after_the_cool_off(client, staff):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        lock_out(client)
        assert sign_in(client, "sam.editor", PASSWORD).status_code == 429
        clock.shift(timedelta(minutes=31))
        assert sign_in(client, "sam.editor", PASSWORD).status_code == 302


def test_behind_a_proxy_the_forwarded_address_is_the_one_locked(client, staff, settings):
    settings.TRUSTED_PROXY_HOPS = 1

    def via_proxy(password, visitor):
        data = {"username": "sam.editor", "password": password}
        return client.post(LOGIN, data, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=visitor)

    for _ in range(5):
        via_proxy("wrong", "203.0.113.50")
    assert via_proxy(PASSWORD, "203.0.113.50").status_code == 429
    # The same proxy carrying another visitor is not locked.
    assert via_proxy(PASSWORD, "198.51.100.20").status_code == 302
