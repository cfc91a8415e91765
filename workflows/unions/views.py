"""Unions on the portal: a representative signs in with their mobile number and a one-time code sent by SMS,
sees their union's register entry, office-bearers and the sections other apps add (the annual returns),
and may invite another representative.

The sign-in never tells whether a number is registered: the code page looks the same, and a code typed
for an unknown number is "wrong" like any other, up to the same five tries. Asking for codes is limited per
address and per mobile number, typing codes per address (only wrong codes count). Nothing here may be
cached (personal data, CSRF).
"""

import hashlib
import time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit import ALL
from django_ratelimit.core import _get_window, _make_cache_key, _split_rate, get_usage

from pages.base.templatetags.bangla import local_digits
from workflows.core.public import RateLimit, Reservation

from . import portal, services
from .forms import CodeForm, InvitationForm, MobileForm
from .models import MAX_ACTIVE_REPRESENTATIVES

PENDING_KEY = "unions:pending"


class MobileRateLimit(RateLimit):
    """RateLimit counted per mobile number (hashed in the cache key) instead of per client address."""

    def reserve_for(self, request, mobile: str) -> Reservation:
        rate = self.rate
        period = _split_rate(rate)[1]
        value = hashlib.sha256(mobile.encode()).hexdigest()
        key = _make_cache_key(self.group, _get_window(value, period), rate, value, ALL)
        usage = get_usage(request, group=self.group, key=lambda group, request: value, rate=rate, increment=True)
        if usage is None:  # RATELIMIT_ENABLE = False
            return Reservation(key=None, refused=False, retry_after=0)
        retry_after = usage["time_left"] if usage["time_left"] > 0 else period
        return Reservation(key=key, refused=usage["should_limit"], retry_after=retry_after)


CODE_REQUEST_LIMIT = RateLimit("union-sign-in", "UNION_SIGN_IN_RATE", "10/h")
CODE_REQUEST_MOBILE_LIMIT = MobileRateLimit("union-sign-in-mobile", "UNION_SIGN_IN_MOBILE_RATE", "5/h")
CODE_TRY_LIMIT = RateLimit("union-sign-in-code", "UNION_CODE_RATE", "30/h")


def _language() -> str:
    return "en" if (get_language() or "bn").startswith("en") else "bn"


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("unions:home")


# --- Signing in -----------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_in(request):
    """Step 1: the mobile number; a code goes to it if it signs in for a union (the page never says)."""
    context = {"next": _next_url(request)}
    if request.method != "POST":
        if portal.signed_in_representative(request) is not None:
            return redirect(context["next"])
        form = MobileForm(initial={"mobile": request.GET.get("mobile", "")})
        return TemplateResponse(request, "unions/portal/sign_in.html", {**context, "form": form})
    attempt = CODE_REQUEST_LIMIT.reserve(request)
    if attempt.refused:
        return attempt.refusal(request, back_url=request.path)
    form = MobileForm(request.POST)
    if not form.is_valid():
        attempt.release()  # a typing mistake sends nothing
        return TemplateResponse(request, "unions/portal/sign_in.html", {**context, "form": form})
    mobile = form.cleaned_data["mobile"]
    per_mobile = CODE_REQUEST_MOBILE_LIMIT.reserve_for(request, mobile)
    if per_mobile.refused:
        return per_mobile.refusal(request, back_url=request.path)
    services.send_sign_in_code(mobile, language=_language())
    request.session[PENDING_KEY] = {"mobile": mobile, "sent_at": int(time.time()), "tries": 0}
    return redirect(f"{reverse('unions:enter_code')}?next={context['next']}")


def _refusal_message(reason, tries_left) -> str:
    if reason == "too_many":
        return _("Too many wrong codes. Ask for a new code.")
    if reason == "expired":
        return _("This code has expired. Ask for a new code.")
    return _("This code is not right. You can try %(count)s more times.") % {"count": local_digits(tries_left)}


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def enter_code(request):
    """Step 2: the code from the SMS; right within ten minutes and five tries, it signs the session in."""
    pending = request.session.get(PENDING_KEY)
    if not pending:
        return redirect("unions:sign_in")
    context = {
        "next": _next_url(request),
        "mobile": local_digits("0" + pending["mobile"].removeprefix("+880")),
        "new_code_url": f"{reverse('unions:sign_in')}?mobile={pending['mobile'].removeprefix('+88')}",
        "minutes": local_digits(services.CODE_MINUTES),
    }
    if request.method != "POST":
        return TemplateResponse(request, "unions/portal/enter_code.html", {**context, "form": CodeForm()})
    attempt = CODE_TRY_LIMIT.reserve(request)
    if attempt.refused:
        return attempt.refusal(request, back_url=request.path)
    form = CodeForm(request.POST)
    if not form.is_valid():
        attempt.release()
        return TemplateResponse(request, "unions/portal/enter_code.html", {**context, "form": form})
    reason, tries_left = None, 0
    if pending["tries"] >= services.MAX_WRONG_TRIES:
        reason = "too_many"
    elif time.time() - pending["sent_at"] > services.CODE_MINUTES * 60:
        reason = "expired"
    else:
        try:
            representative = services.check_sign_in_code(pending["mobile"], form.cleaned_data["code"])
        except services.CodeRefused as refused:
            pending["tries"] += 1
            request.session[PENDING_KEY] = pending
            tries_left = services.MAX_WRONG_TRIES - pending["tries"]
            if refused.tries_left is not None:
                tries_left = min(tries_left, refused.tries_left)
            reason = refused.reason
            if reason == "wrong" and tries_left <= 0:
                reason = "too_many"
    if reason is not None:
        form.add_error("code", ValidationError(_refusal_message(reason, tries_left), code=reason))
        return TemplateResponse(
            request, "unions/portal/enter_code.html", {**context, "form": form, "refused": reason}, status=200
        )
    attempt.release()  # only wrong codes count
    request.session.pop(PENDING_KEY, None)
    portal.sign_in(request, representative)
    return redirect(_next_url(request))


@never_cache
@require_POST
def sign_out(request):
    portal.sign_out(request)
    messages.success(request, _("You have signed out."))
    return redirect("unions:sign_in")


# --- The union's page -----------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD"])
@portal.union_required
def union_page(request, union_id=None):
    union = request.union
    representatives = list(union.representatives.filter(active=True))
    context = {
        "union": union,
        "representative": request.representative,
        "may_file": request.may_file,
        "office_bearers": list(union.office_bearers.all()),
        "representatives": representatives,
        "may_invite": request.may_file and len(representatives) < MAX_ACTIVE_REPRESENTATIVES,
        "max_representatives": local_digits(MAX_ACTIVE_REPRESENTATIVES),
        "sections": portal.page_sections(request),
    }
    return TemplateResponse(request, "unions/portal/union.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@portal.union_required(filing=True)
def add_representative(request):
    """A representative invites another (at most three active): the new one gets the invitation SMS."""
    union = request.union
    form = InvitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            invited = services.invite_representative(
                union, **form.cleaned_data, by_representative=request.representative, language=_language()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(name)s has been invited: an SMS explains how to sign in.") % {"name": invited.name}
            )
            return redirect("unions:home")
    return TemplateResponse(request, "unions/portal/add_representative.html", {"union": union, "form": form})
