"""The second sign-in step, the account's two-factor page, the lockout screen and the lockout answer."""

import base64

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from django_ratelimit.core import is_ratelimited
from wagtail.admin.views.account import PasswordResetView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import lockouts, services
from .forms import AddAuthenticatorForm, SecondFactorForm

no_store = method_decorator(never_cache, name="dispatch")


def safe_next(request, default=None) -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME) or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default or reverse("wagtailadmin_home")


class AccountBreadcrumbsMixin(WagtailAdminTemplateMixin):
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]


@no_store
class TwoFactorView(AccountBreadcrumbsMixin, TemplateView):
    """The account's two-factor page: the devices, adding an app or a passkey, recovery codes, removing."""

    template_name = "accounts/two_factor.html"
    page_title = gettext_lazy("Two-factor sign-in")

    def get_context_data(self, **kwargs):
        user = self.request.user
        required = services.two_factor_required(user)
        codes = services.recovery_codes(user)
        has_factor = services.has_second_factor(user)
        return super().get_context_data(
            authenticators=TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk"),
            passkeys=WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("pk"),
            recovery_remaining=codes.remaining if codes else None,
            required=required,
            has_factor=has_factor,
            deadline=services.enrolment_deadline(user) if required and not has_factor else None,
            **kwargs,
        )


@no_store
class AddAuthenticatorView(AccountBreadcrumbsMixin, FormView):
    template_name = "accounts/add_authenticator.html"
    form_class = AddAuthenticatorForm
    page_title = gettext_lazy("Add an authenticator app")

    def dispatch(self, request, *args, **kwargs):
        self.device = services.pending_authenticator(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        items.insert(-1, {"url": reverse("accounts:two_factor"), "label": _("Two-factor sign-in")})
        return items

    def get_context_data(self, **kwargs):
        secret = base64.b32encode(self.device.bin_key).decode().rstrip("=")
        qr = segno.make(self.device.config_url, error="m")
        return super().get_context_data(
            qr_svg=qr.svg_inline(scale=4, dark="#000", light="#fff", title=_("QR code for your authenticator app")),
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            **kwargs,
        )

    def form_valid(self, form):
        user = self.request.user
        confirmed = services.confirm_authenticator(
            self.device, form.cleaned_data["code"], name=form.cleaned_data["name"], by=user
        )
        if not confirmed:
            form.add_error(
                "code", _("That code is not right. Check the time on your phone and type the code the app shows now.")
            )
            return self.form_invalid(form)
        otp_login(self.request, self.device)
        messages.success(
            self.request, _("The authenticator app is added. You will be asked for a code when you sign in.")
        )
        codes = services.recovery_codes(user)
        if codes is None or not codes.remaining:
            return render_recovery_codes(self.request, services.issue_recovery_codes(user, by=user))
        return redirect("accounts:two_factor")


def render_recovery_codes(request, codes):
    response = TemplateResponse(
        request,
        "accounts/recovery_codes.html",
        {
            "codes": codes,
            "page_title": _("Your recovery codes"),
            "header_icon": "key",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("wagtailadmin_account"), "label": _("Account")},
                {"url": reverse("accounts:two_factor"), "label": _("Two-factor sign-in")},
                {"url": "", "label": _("Your recovery codes")},
            ],
        },
    )
    response["Cache-Control"] = "no-store"
    return response


class RecoveryCodesView(View):
    """New recovery codes (the old ones stop working), shown this once."""

    http_method_names = ["post"]

    def post(self, request):
        if not services.has_second_factor(request.user):
            messages.error(
                request, _("Add an authenticator app or a passkey first: recovery codes back one of them up.")
            )
            return redirect("accounts:two_factor")
        return render_recovery_codes(request, services.issue_recovery_codes(request.user, by=request.user))


class RemoveDeviceView(View):
    http_method_names = ["post"]

    def post(self, request, kind, pk):
        device = services.removable_device(request.user, kind, pk)
        if device is None:
            raise PermissionDenied  # not one of this user's devices
        try:
            services.remove_device(request.user, device, by=request.user)
        except services.LastDeviceError:
            messages.error(
                request, _("This is your only way to sign in with a second factor: add another before you remove it.")
            )
        else:
            messages.success(request, _("“%(name)s” is removed.") % {"name": device.name})
        return redirect("accounts:two_factor")


@no_store
class VerifyView(FormView):
    """The second step of signing in: a code from the app, a recovery code, or a passkey."""

    template_name = "accounts/verify.html"
    form_class = SecondFactorForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(f"{reverse('wagtailadmin_login')}?{REDIRECT_FIELD_NAME}={safe_next(request)}")
        if request.user.is_verified() or not services.signing_in_devices(request.user):
            return HttpResponseRedirect(safe_next(request))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            next=safe_next(self.request),
            has_passkey=WebAuthnCredential.objects.filter(user=self.request.user, confirmed=True).exists(),
            has_authenticator=TOTPDevice.objects.filter(user=self.request.user, confirmed=True).exists(),
            **kwargs,
        )

    def form_valid(self, form):
        device = match_token(self.request.user, form.cleaned_data["code"])
        if device is None:
            form.add_error("code", _("That code is not right, or it has expired. Wait for a new one and try again."))
            return self.form_invalid(form)
        otp_login(self.request, device)
        return HttpResponseRedirect(safe_next(self.request))


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    """User names and addresses locked out after failed sign-ins, with a button to unlock each."""

    template_name = "accounts/lockouts.html"
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"

    @property
    def limit(self):
        return settings.AXES_FAILURE_LIMIT

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("axes.delete_accessattempt"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(lockouts=lockouts.current_lockouts(), **kwargs)

    def post(self, request):
        kind = request.POST.get("kind")
        value = request.POST.get("value", "")
        if kind not in ("username", "ip") or not value:
            messages.error(request, _("Choose a lockout to remove."))
        elif lockouts.unlock(kind, value, by=request.user):
            messages.success(request, _("“%(value)s” can sign in again.") % {"value": value})
        else:
            messages.warning(request, _("“%(value)s” was not locked out.") % {"value": value})
        return redirect("accounts_lockouts")


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out sign-in: the sign-in page, saying why, with status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = import_string(settings.WAGTAILADMIN_USER_LOGIN_FORM)(request=request)
    # Rendered now: the middleware that asks for this answer runs after the template-response phase.
    return render(
        request, "accounts/locked_out.html", {"form": form, "minutes": minutes, "next": safe_next(request)}, status=429
    )


class RateLimitedPasswordResetView(PasswordResetView):
    """Wagtail's password reset, with at most PASSWORD_RESET_RATE_PER_EMAIL mails per address asked for and
    PASSWORD_RESET_RATE_PER_IP requests per client address. Past a limit nothing is sent, whether or not the
    address belongs to anyone, so the answer tells nothing about who has an account."""

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        limited_by_ip = is_ratelimited(
            self.request,
            group="password-reset-ip",
            key=lambda group, request: services.client_ip(request),
            rate=settings.PASSWORD_RESET_RATE_PER_IP,
            increment=True,
        )
        limited_by_email = is_ratelimited(
            self.request,
            group="password-reset-email",
            key=lambda group, request: email,
            rate=settings.PASSWORD_RESET_RATE_PER_EMAIL,
            increment=True,
        )
        if limited_by_ip or limited_by_email:
            form.add_error(
                None, _("Too many password reset requests. Try again in an hour, or ask your administrator.")
            )
            return self.form_invalid(form)
        return super().form_valid(form)
