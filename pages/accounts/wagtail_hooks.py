from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/passkeys/", include("django_otp_webauthn.urls")),
        path("two-factor/", include("pages.accounts.urls")),
        path("sign-in-lockouts/", views.LockoutsView.as_view(), name="accounts_lockouts"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("accounts:two_factor"),
        "label": _("Two-factor sign-in"),
        "help_text": _("An authenticator app or a passkey as a second step when you sign in, and recovery codes."),
    }


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("axes.delete_accessattempt")


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return LockoutsMenuItem(_("Sign-in lockouts"), reverse("accounts_lockouts"), icon_name="lock", order=900)


@hooks.register("register_log_actions")
def staff_sign_in_log_actions(actions):
    actions.register_action("accounts.device_added", _("Add a two-factor device"), _("Two-factor device added"))
    actions.register_action("accounts.device_removed", _("Remove a two-factor device"), _("Two-factor device removed"))
    actions.register_action(
        "accounts.recovery_codes_issued", _("Make new recovery codes"), _("New recovery codes made")
    )
    actions.register_action("accounts.unlocked", _("Unlock a sign-in"), _("Sign-in lockout removed"))
