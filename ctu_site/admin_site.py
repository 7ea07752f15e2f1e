"""The staff site: Django admin behind a password and a one-time code from an authenticator app.

After the password (guarded by django-axes), every staff sign-in asks for a six-digit code from
an authenticator app (TOTP, django-otp). Someone signing in for the first time sets the app up
on the same page: scan the QR code or type the key, then enter a code to confirm it. A superuser
who deletes a person's device under "TOTP devices" makes them set it up again at next sign-in.

STAFF_OTP_REQUIRED turns the second step off (the development server does, so that `make run`
needs no phone); production keeps it on.
"""

from base64 import b32encode
from io import BytesIO
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import logout
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import signin
from core.errors import too_many_requests
from ctu_site.models import EnrolmentInvitation
from publishing.dashboard import dashboard

SETUP_DEVICE_NAME = "Authenticator app"
INVITATION_SESSION_KEY = "enrolment_invitation"


def otp_required() -> bool:
    return settings.STAFF_OTP_REQUIRED


def _is_signed_in_staff(request) -> bool:
    user = request.user
    return user.is_active and user.is_staff


def _needs_code(request) -> bool:
    return otp_required() and _is_signed_in_staff(request) and not request.user.is_verified()


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6-digit code the app shows now, for example 123456.",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        error_messages={
            "required": "Enter the code from your authenticator app",
            "min_length": "Enter the 6-digit code from your authenticator app",
            "max_length": "Enter the 6-digit code from your authenticator app",
        },
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit():
            raise forms.ValidationError("The code must be numbers only, like 123456")
        return code


class StaffAdminSite(admin.AdminSite):
    site_header = "Counter Terrorism Unit website: staff"
    site_title = "CTU website staff"
    index_title = "Manage the website"

    def has_permission(self, request):
        return super().has_permission(request) and not _needs_code(request)

    def admin_view(self, view, cacheable=False):
        protected = super().admin_view(view, cacheable)

        def view_with_second_step(request, *args, **kwargs):
            if _needs_code(request):
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse('admin:verify')}?{query}")
            return protected(request, *args, **kwargs)

        view_with_second_step.__wrapped__ = protected
        return view_with_second_step

    def login(self, request, extra_context=None):
        # A password-signed-in person who still owes a code goes on to the code page.
        if request.method == "GET" and _needs_code(request):
            return HttpResponseRedirect(reverse("admin:verify"))
        # Many failures for one username from anywhere: slow it down (core/signin.py).
        if request.method == "POST" and (wait := signin.wait_seconds(request.POST.get("username"))):
            return too_many_requests(request, retry_after=wait)
        return super().login(request, extra_context)

    def index(self, request, extra_context=None):
        """The staff home: the dashboard of what waits, what is scheduled and what is stale,
        above the list of everything staff can edit."""
        extra_context = {**(extra_context or {}), "dashboard": dashboard(request.user)}
        return super().index(request, extra_context)

    def get_urls(self):
        return [
            path("enrol/<str:token>/", never_cache(self.enrol_view), name="enrol"),
            path("verify/", never_cache(self.verify_view), name="verify"),
            path("verify/qr.svg", never_cache(self.setup_qr_view), name="verify-qr"),
            *super().get_urls(),
        ]

    # -- the second step ------------------------------------------------------------------------

    def _next_url(self, request) -> str:
        candidate = request.POST.get("next") or request.GET.get("next") or ""
        if url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
        return reverse("admin:index")

    @staticmethod
    def _setup_device(user) -> TOTPDevice:
        """The unconfirmed device being set up; one per person, kept across page loads."""
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=SETUP_DEVICE_NAME, confirmed=False)
        return device

    def enrol_view(self, request, token):
        """An invitation link: remember it in the session, then sign in to set up the app."""
        invitation = EnrolmentInvitation.objects.for_token(token)
        if invitation is None:
            context = {**self.each_context(request), "title": "This link does not work"}
            return TemplateResponse(request, "admin/enrol_invalid.html", context, status=404)
        request.session[INVITATION_SESSION_KEY] = invitation.pk
        return HttpResponseRedirect(reverse("admin:login") + "?" + urlencode({"next": "/admin/"}))

    @staticmethod
    def _invitation(request) -> EnrolmentInvitation | None:
        """The usable invitation this browser opened, if it is for the signed-in person."""
        pk = request.session.get(INVITATION_SESSION_KEY)
        if not pk:
            return None
        return EnrolmentInvitation.objects.usable().filter(pk=pk, user=request.user).first()

    def verify_view(self, request):
        if not _is_signed_in_staff(request):
            return HttpResponseRedirect(reverse("admin:login"))
        if not _needs_code(request):
            return HttpResponseRedirect(self._next_url(request))

        user = request.user
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        setting_up = device is None
        invitation = self._invitation(request) if setting_up else None
        if setting_up and invitation is None:
            # A password alone never enrols a device: that needs a superuser's invitation.
            logout(request)
            context = {**self.each_context(request), "title": "You need an invitation link"}
            return TemplateResponse(request, "admin/enrol_needed.html", context, status=403)
        if setting_up:
            device = self._setup_device(user)

        form = CodeForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            allowed, _ = device.verify_is_allowed()
            if not allowed:
                form.add_error(
                    "code", "Too many wrong codes. Wait a minute, then enter the newest code"
                )
            elif device.verify_token(form.cleaned_data["code"]):
                if setting_up:
                    device.confirmed = True
                    device.save(update_fields=["confirmed"])
                    EnrolmentInvitation.objects.filter(pk=invitation.pk).update(
                        used_at=timezone.now()
                    )
                    request.session.pop(INVITATION_SESSION_KEY, None)
                otp_login(request, device)
                return HttpResponseRedirect(self._next_url(request))
            else:
                form.add_error("code", "That code is not right. Enter the newest code in the app")

        context = {
            **self.each_context(request),
            "title": "Set up your authenticator app" if setting_up else "Enter your code",
            "form": form,
            "setting_up": setting_up,
            "setup_key": _grouped_base32(device) if setting_up else "",
            "next": self._next_url(request),
        }
        return TemplateResponse(request, "admin/verify.html", context)

    def setup_qr_view(self, request):
        """The QR code of the device being set up, as an image; only for its own person."""
        if not _is_signed_in_staff(request) or not _needs_code(request):
            return HttpResponse(status=404)
        if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
            return HttpResponse(status=404)
        if self._invitation(request) is None:
            return HttpResponse(status=404)
        device = self._setup_device(request.user)
        image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
        buffer = BytesIO()
        image.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
        response["Cache-Control"] = "no-store"
        return response


def _grouped_base32(device: TOTPDevice) -> str:
    """The key to type into an app, in groups of four letters."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
