"""Staff sign-in in a browser: an invitation link, the password, then setting up an
authenticator app, keyboard only."""

import pytest
from playwright.sync_api import expect

from core.roles import EDITORS
from tests.browser.conftest import STAFF_PASSWORD
from tests.test_ctu_site.test_staff_signin import current_code

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.otp]


def test_a_new_editor_sets_up_the_app_and_reaches_the_admin(site, page, django_user_model):
    from base64 import b32decode

    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = django_user_model.objects.create_user(
        username="robin", password=STAFF_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    from ctu_site.models import EnrolmentInvitation

    _invitation, token = EnrolmentInvitation.issue(user=user, by=None)

    # First the invitation link a superuser gave them, then the password.
    page.goto(f"{site}/admin/enrol/{token}/")
    page.goto(site + "/admin/pages/page/")
    page.get_by_label("Username").fill("robin")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
    qr = page.get_by_role("img", name="QR code for setting up your authenticator app")
    expect(qr).to_be_visible()
    # The image has loaded (it is served by the site, under its CSP) and is not broken.
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=qr.element_handle())
    # The key on the page is the device's key, so an app set up by typing it gives good codes.
    device = TOTPDevice.objects.get(user=user)
    typed_key = page.locator("#setup-key").inner_text().replace(" ", "")
    assert b32decode(typed_key + "=" * (-len(typed_key) % 8)) == device.bin_key

    page.get_by_label("Code from your authenticator app").fill(current_code(device))
    page.keyboard.press("Enter")
    page.wait_for_url(site + "/admin/pages/page/")
    expect(page.get_by_role("heading", name="Select page to change")).to_be_visible()
