"""Staff sessions: signed out after an idle time; in the admin, the second factor before anything else."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.timezone import localtime, now
from django.utils.translation import gettext as _

from pages.base.templatetags.bangla import local_digits as local_digits

from . import services

LAST_SEEN_KEY = "staff:last_seen"
# The session is written at most this often just to move the idle clock on (not on every request).
TOUCH_EVERY_SECONDS = 60
# How long a session remembers that its user had no device yet (devices are not looked up on every page).
CHECKED_KEY = "staff:two_factor_checked"
RECHECK_SECONDS = 300


class StaffSessionMiddleware:
    """After django-otp's OTPMiddleware, which tells whether this session gave a second factor.

    - Idle: a signed-in session unused for STAFF_SESSION_IDLE_SECONDS is signed out. (The cookie itself
      ends with the browser: SESSION_EXPIRE_AT_BROWSER_CLOSE.)
    - Admin pages: someone with a device who has not given the second factor yet goes to the second
      step; someone who must enrol and whose grace period is over goes to the enrolment page. Sign-in,
      sign-out, password reset and the two-factor pages themselves stay open.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._paths = None

    def paths(self):
        """(always open, open for enrolment): path prefixes, worked out once the URLconf is loaded."""
        if self._paths is None:
            passkeys = reverse("otp_webauthn:credential-registration-begin").removesuffix("registration/begin/")
            always_open = (
                reverse("wagtailadmin_login"),
                reverse("wagtailadmin_logout"),
                reverse("wagtailadmin_password_reset"),
                reverse("wagtailadmin_javascript_catalog"),
                # The icons: every admin page fetches them and puts the answer into the page, so a redirect
                # here would put a second sign-in form (with its own "next") into the two-factor pages.
                reverse("wagtailadmin_sprite"),
                reverse("accounts:verify"),
                passkeys + "authentication/",
                passkeys + "jsi18n/",
            )
            enrolment = (reverse("accounts:add_authenticator"), passkeys + "registration/")
            self._paths = (always_open, enrolment, reverse("accounts:two_factor"))
        return self._paths

    def __call__(self, request):
        # Without a session cookie nobody is signed in; not touching request.user then keeps the response
        # free of "Vary: Cookie", so anonymous pages stay cacheable.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            answer = self.idle_check(request) or self.two_factor_check(request)
            if answer is not None:
                return answer
        return self.get_response(request)

    def idle_check(self, request):
        session = request.session
        current = int(time.time())
        last_seen = session.get(LAST_SEEN_KEY)
        if last_seen is not None and current - last_seen > settings.STAFF_SESSION_IDLE_SECONDS:
            logout(request)
            minutes = settings.STAFF_SESSION_IDLE_SECONDS // 60
            messages.info(
                request,
                _("You were signed out after %(minutes)s minutes without activity.")
                % {"minutes": local_digits(minutes)},
            )
            if self.is_admin(request):
                return redirect_with_next("wagtailadmin_login", request)
            return None
        if last_seen is None or current - last_seen >= TOUCH_EVERY_SECONDS:
            session[LAST_SEEN_KEY] = current
        return None

    def is_admin(self, request) -> bool:
        return request.path_info.startswith(reverse("wagtailadmin_home"))

    def two_factor_check(self, request):
        path = request.path_info
        always_open, enrolment, manage = self.paths()
        if not self.is_admin(request) or path.startswith(always_open):
            return None
        user = request.user
        if user.is_verified():
            return None
        session = request.session
        checked_at = session.get(CHECKED_KEY)
        if checked_at is not None and time.time() - checked_at < RECHECK_SECONDS:
            return None
        if services.signing_in_devices(user):
            session.pop(CHECKED_KEY, None)
            return redirect_with_next("accounts:verify", request)
        if path == manage or path.startswith(enrolment):
            return None
        if not services.two_factor_required(user):
            session[CHECKED_KEY] = int(time.time())
            return None
        deadline = services.enrolment_deadline(user)
        if now() >= deadline:
            messages.warning(request, _("Set up two-factor sign-in to go on: your grace period is over."))
            return redirect("accounts:two_factor")
        session[CHECKED_KEY] = int(time.time())
        messages.warning(
            request,
            _("Set up two-factor sign-in before %(date)s; after that you cannot use the admin without it.")
            % {"date": local_digits(date_format(localtime(deadline), "DATETIME_FORMAT"))},
        )
        return None


def redirect_with_next(url_name, request):
    return redirect(f"{reverse(url_name)}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}")
