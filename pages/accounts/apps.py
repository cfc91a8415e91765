from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff sign-in: lockout, two-factor (authenticator app, passkeys, recovery codes), idle sessions."""

    name = "pages.accounts"
    label = "accounts"
    verbose_name = _("Staff sign-in")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
