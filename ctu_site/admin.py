"""Staff accounts in the admin: superusers make the invitation a person enrols their
authenticator app with (ctu_site/models.py), after creating the account or a lost phone."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctu_site.models import EnrolmentInvitation

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    """Django's user admin, with the enrolment invitation."""

    actions = ["invite_to_enrol"]

    @admin.action(description="Make an invitation link to set up an authenticator app")
    def invite_to_enrol(self, request, queryset):
        if not request.user.is_superuser:
            self.message_user(request, "Only superusers make invitations.", messages.ERROR)
            return
        for user in queryset:
            # A new phone replaces the old one: the app must be set up again, with the link.
            TOTPDevice.objects.filter(user=user).delete()
            _invitation, token = EnrolmentInvitation.issue(user=user, by=request.user)
            link = request.build_absolute_uri(reverse("admin:enrol", args=[token]))
            self.message_user(
                request,
                f"Invitation for {user}: {link} — give it to them yourself (it is shown only "
                "now). It works once, in the next 48 hours; their old authenticator app no "
                "longer works.",
                messages.WARNING,
            )


@admin.register(EnrolmentInvitation)
class EnrolmentInvitationAdmin(admin.ModelAdmin):
    """Who was invited, by whom, and whether they have used it (the links are never shown)."""

    list_display = ("user", "created_by", "created_at", "expires_at", "used_at")
    list_select_related = ("user", "created_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
