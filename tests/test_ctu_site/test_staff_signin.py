"""Staff sign-in: repeated wrong passwords lock a username out from that address for a while."""

import datetime as dt
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone

from core.roles import EDITORS
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


# --- The second step: a code from an authenticator app ---------------------------------------

VERIFY = "/admin/verify/"


def current_code(device) -> str:
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def signed_in_with_password(client):
    response = sign_in(client, "sam.editor", PASSWORD)
    assert response.status_code == 302
    return response


def open_invitation(client, user):
    """What a new member of staff does first: open the link a superuser gave them."""
    from ctu_site.models import EnrolmentInvitation

    _invitation, token = EnrolmentInvitation.issue(user=user, by=None)
    response = client.get(f"/admin/enrol/{token}/")
    assert response.status_code == 302
    return token


@pytest.mark.otp
def test_first_sign_in_sets_up_the_app_then_reaches_the_admin(client, staff):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    token = open_invitation(client, staff)
    signed_in_with_password(client)
    # The password alone does not open the admin: it leads to the code page.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Set up your authenticator app" in text_of(page)
    assert "no-store" in page["Cache-Control"]
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    qr = client.get("/admin/verify/qr.svg")
    assert qr.status_code == 200
    assert qr["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr.content

    wrong = client.post(VERIFY, {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert "That code is not right" in text_of(wrong)
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttle_reset()
    right = client.post(VERIFY, {"code": current_code(device), "next": "/admin/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    # The invitation worked once.
    assert client.__class__().get(f"/admin/enrol/{token}/").status_code == 404


@pytest.mark.otp
def test_later_sign_ins_ask_only_for_the_code(client, staff):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)
    signed_in_with_password(client)
    page = client.get(VERIFY)
    assert "Enter the 6-digit code" in text_of(page)
    assert "Set up your authenticator app" not in text_of(page)
    # The set-up QR code of a confirmed device is never shown again.
    assert client.get("/admin/verify/qr.svg").status_code == 404
    response = client.post(VERIFY, {"code": current_code(device)})
    assert response.status_code == 302
    assert client.get("/admin/pages/page/").status_code == 200


@pytest.mark.otp
def test_repeated_wrong_codes_are_slowed_down(client, staff):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)
    signed_in_with_password(client)
    client.post(VERIFY, {"code": "000000"})
    response = client.post(VERIFY, {"code": "111111"})
    assert "Too many wrong codes" in text_of(response)
    assert client.get("/admin/").status_code == 302


@pytest.mark.otp
@pytest.mark.parametrize(
    "code, message",
    [
        ("", "Enter the code from your authenticator app"),
        ("12ab56", "The code must be numbers only"),
        ("123", "Enter the 6-digit code"),
    ],
)
def test_malformed_codes_get_a_clear_message(client, staff, code, message):
    open_invitation(client, staff)
    signed_in_with_password(client)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 200
    assert message in text_of(response)


@pytest.mark.otp
def test_code_page_never_sends_people_off_the_site(client, staff):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=staff, name="Authenticator app", confirmed=True)
    signed_in_with_password(client)
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


@pytest.mark.otp
def test_code_page_is_only_for_signed_in_staff(client, db):
    assert client.get(VERIFY)["Location"].startswith("/admin/login/")
    assert client.get("/admin/verify/qr.svg").status_code == 404


def test_production_asks_for_the_code_by_default():
    from tests.test_ctu_site.test_settings import PRODUCTION, manage

    script = "from django.conf import settings; print(settings.STAFF_OTP_REQUIRED)"
    result = manage("shell", "-c", script, env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True"


def test_an_ipv6_network_is_locked_out_as_one_client(client, staff):
    """Stepping to another address in the same /64 neither resets nor escapes the lockout."""
    fail(client, 2, address="2001:db8:1:2::10")
    fail(client, 2, address="2001:db8:1:2::11")
    assert sign_in(client, "sam.editor", "wrong password", "2001:db8:1:2::12").status_code == 429
    right_password = sign_in(client, "sam.editor", PASSWORD, "2001:db8:1:2:ffff::99")
    assert right_password.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another network is another client.
    assert sign_in(client, "sam.editor", PASSWORD, "2001:db8:9:9::1").status_code == 302


def test_sign_ins_and_failed_sign_ins_are_in_the_audit_log(client, staff):
    from auditlog.models import LogEntry

    sign_in(client, "sam.editor", "wrong password")
    sign_in(client, "sam.editor", PASSWORD)
    events = list(
        LogEntry.objects.get_for_object(staff)
        .order_by("pk")
        .values_list("changes_text", "remote_addr")
    )
    assert ("Failed sign-in", "203.0.113.7") in events
    assert ("Signed in", "203.0.113.7") in events


def test_many_failures_from_many_addresses_slow_the_username_then_alert(
    client, staff, settings, mailoutbox
):
    """No address is locked out (each tries once), but the username is slowed, and told of."""

    settings.ADMINS = ["security@example.org"]
    with time_machine.travel(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC), tick=False) as clock:
        for n in range(10):
            assert sign_in(client, "sam.editor", "wrong", f"198.51.100.{n}").status_code == 200
        slowed = sign_in(client, "sam.editor", PASSWORD, "198.51.100.200")
        assert slowed.status_code == 429  # even the right password waits...
        assert int(slowed["Retry-After"]) <= 60
        clock.shift(dt.timedelta(seconds=61))
        assert sign_in(client, "sam.editor", PASSWORD, "198.51.100.201").status_code == 302
        client.logout()
        assert mailoutbox == []
        for n in range(10):  # ...and at twenty failures the administrators are told, once
            clock.shift(dt.timedelta(seconds=61))
            sign_in(client, "sam.editor", "wrong", f"192.0.2.{n}")
        assert [m.to for m in mailoutbox] == [["security@example.org"]]
        assert "sam.editor" in mailoutbox[0].body


@pytest.mark.otp
def test_a_password_alone_never_enrols_a_device(client, staff):
    """The takeover: someone with only the password of an account without an app."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    signed_in_with_password(client)
    response = client.get(VERIFY)
    assert response.status_code == 403
    page = text_of(response)
    assert "You need an invitation link" in page or "invitation link" in page
    assert "Set up your authenticator app" not in page
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert client.get("/admin/verify/qr.svg").status_code == 404
    assert "_auth_user_id" not in client.session  # signed out
    assert client.get("/admin/pages/page/").status_code == 302  # to the login page


@pytest.mark.otp
def test_an_invitation_works_only_for_its_own_person_and_in_time(client, staff, django_user_model):
    from ctu_site.models import EnrolmentInvitation

    other = django_user_model.objects.create_user(
        username="other.person", password=PASSWORD, is_staff=True
    )
    open_invitation(client, other)  # the link was made for someone else
    signed_in_with_password(client)
    assert client.get(VERIFY).status_code == 403

    with time_machine.travel(timezone.now() - dt.timedelta(hours=49)):
        _invitation, token = EnrolmentInvitation.issue(user=staff, by=None)
    assert client.get(f"/admin/enrol/{token}/").status_code == 404  # made 49 hours ago
    assert client.get("/admin/enrol/not-a-real-token/").status_code == 404


def test_only_a_superuser_makes_invitations_and_it_resets_the_old_app(
    client, admin_client, staff, django_user_model
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=staff, name="Old phone", confirmed=True)
    response = admin_client.post(
        "/admin/auth/user/",
        {"action": "invite_to_enrol", "_selected_action": [staff.pk], "index": "0"},
        follow=True,
    )
    message = next(str(m) for m in response.context["messages"])
    assert "/admin/enrol/" in message
    assert not TOTPDevice.objects.filter(user=staff).exists()
    token = message.split("/admin/enrol/")[1].split("/")[0]
    assert client.get(f"/admin/enrol/{token}/").status_code == 302
    # A Publisher cannot make one: the action is a superuser's.
    publisher = django_user_model.objects.create_user(
        username="pat.publisher", password=PASSWORD, is_staff=True
    )
    publisher.groups.add(Group.objects.get(name="Publishers"))
    client.force_login(publisher)
    assert (
        client.post(
            "/admin/auth/user/",
            {"action": "invite_to_enrol", "_selected_action": [staff.pk], "index": "0"},
        ).status_code
        == 403
    )
