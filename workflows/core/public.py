"""The citizen-facing plumbing every process's public pages share: uploads, case access, one-time
submission tokens and rate limits that count only what should count.

Public pages of a process
-------------------------
A process (complaints, union audit returns, e-certificates…) keeps its public views in its own
`views.py` and builds them from four parts, declared once at the top of that module::

    ACCESS = CaseAccess(Complaint)  # tracking numbers read by Complaint.normalize_tracking_number
    FILING = SubmissionToken("complaints:new")
    SUBMIT_LIMIT = RateLimit("complaint-submit", "COMPLAINT_SUBMIT_RATE", "5/h")

* ``@upload_limited`` on a view whose form takes attachments (put it under `never_cache` and
  `require_http_methods`): the upload limit handler is installed before anything reads the body, CSRF
  is checked after, and the view passes ``request.upload_limits`` to its UploadFormMixin form.
* ``CaseAccess``: which cases this session proved it may see, because it filed the case (the filing
  POST answers with ``acknowledge``, the acknowledgement reads it back with ``submitted`` and returns
  through ``without_code_key``) or gave the tracking number with the right contact or code
  (``remember``). Every view that takes a tracking number gets the case with ``get_or_404``, which
  answers 404 for a case the session has not proved, exactly as for a number that does not exist. A
  proof lasts CASE_ACCESS_SECONDS after its last use. A case's page includes
  ``workflows_core/includes/forget_device.html``: its button (``forget_this_device``) takes every
  process's proofs out of the session.
* ``SubmissionToken``: the form page puts ``hidden_input()`` in every form that files something. On
  POST, ``read(request)`` gives a ``Submission``; ``outcome()`` says whether this token already filed
  a case (a replayed POST, the second of a double click: show that case's acknowledgement again);
  after the form validated, ``check(form)`` puts a translated error on the form if the token is missing,
  forged or expired; ``run(save)`` files the case at most once for the token, under two concurrent
  POSTs too (the token is taken with an atomic ``cache.add``, Redis in production). A form with errors
  does not use the token up.
* ``RateLimit``: ``reserve(request)`` counts an attempt per client address before the work is done
  (so concurrent requests cannot slip past the limit), ``release()`` gives it back when it should not
  count (a form with errors, a lookup that found the case); a refused attempt is answered by
  ``refusal(request, back_url)``: the 429 page with how long to wait and a ``Retry-After`` header.

None of these responses may be cached: put `never_cache` on every public view of a process.
"""

import base64
import contextlib
import hashlib
import secrets
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST
from django_ratelimit import ALL
from django_ratelimit.core import _get_ip, _get_window, _make_cache_key, _split_rate, get_usage

from pages.base.views import rate_limited

from .uploads import limit_uploads

# --- Uploads ------------------------------------------------------------------------------------


def upload_limited(view=None, /, **limits):
    """For a view that accepts attachments: limit the upload before the body is read, then check CSRF.

    The CSRF middleware would read the body first (and so keep a 30 MB file before any limit applies),
    so the view is exempt from it and checked here instead, once the handler is in place (Django's
    documented way of changing upload handlers). The view finds the handler as `request.upload_limits`.
    Works on a class-based view too: `method_decorator(upload_limited, name="dispatch")`. Other uploads
    than attachments give the handler's options: `upload_limited(field_name="file", limit=..., max_files=1)`.
    """
    if view is None:
        return lambda view: upload_limited(view, **limits)
    protected = csrf_protect(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.upload_limits = limit_uploads(request, **limits)
        return protected(request, *args, **kwargs)

    return csrf_exempt(wrapper)


# --- Which cases a session may see --------------------------------------------------------------

# Every CaseAccess keeps its session keys under this prefix, so "forget this device" finds them all.
SESSION_PREFIX = "case-access:"
# How long the key that unseals an access code waits in the browser for the acknowledgement: the redirect
# that follows the filing POST takes a second; a minute more is for a slow line.
CODE_KEY_SECONDS = 2 * 60


def _case_access_seconds() -> int:
    return getattr(settings, "CASE_ACCESS_SECONDS", 30 * 60)


@dataclass(frozen=True)
class SubmittedCase:
    """What the acknowledgement shows: the case this session just filed, and its access code if any."""

    case: object
    access_code: str | None


class CaseAccess:
    """The cases of one model that this session proved it may see, kept in the session.

    The session keys start with SESSION_PREFIX and the model's label (`case-access:complaints.complaint:…`),
    so processes never share or overwrite each other's and `forget_every_case` finds them all. A proof
    lasts CASE_ACCESS_SECONDS (30 minutes by default) after its last use: a citizen who leaves a shared
    computer without closing the browser leaves their case open for half an hour at most. The tracking
    number is normalised by `normalize`, else by the model's `normalize_tracking_number` classmethod if it
    has one, else only stripped.
    """

    def __init__(self, model, *, normalize=None, queryset=None, number_field="tracking_number", max_remembered=20):
        self.model = model
        self.normalize = normalize
        self.queryset = queryset
        self.number_field = number_field
        self.max_remembered = max_remembered
        namespace = f"{SESSION_PREFIX}{model._meta.label_lower}"
        self.verified_key = f"{namespace}:verified"
        self.submitted_key = f"{namespace}:submitted"
        self.sealed_code_key = f"{namespace}:sealed-code"
        self.code_key_cookie = f"case-code-key-{model._meta.label_lower.replace('.', '-')}"

    def normalized(self, tracking_number) -> str:
        normalize = self.normalize or getattr(self.model, "normalize_tracking_number", None)
        if normalize is None:
            return str(tracking_number or "").strip()
        return normalize(tracking_number)

    def _queryset(self, queryset):
        if queryset is not None:
            return queryset
        return self.queryset.all() if self.queryset is not None else self.model._default_manager.all()

    def _proofs(self, request) -> dict:
        """pk -> time of the proof's last use, for the proofs that have not run out; expired ones leave."""
        stored = request.session.get(self.verified_key, [])
        now = time.time()
        # Anything but a [pk, time] pair (a session written by an older release) proves nothing.
        proofs = {
            entry[0]: entry[1]
            for entry in stored
            if isinstance(entry, list) and len(entry) == 2 and now - entry[1] <= _case_access_seconds()
        }
        if len(proofs) != len(stored):
            self._store(request, proofs)
        return proofs

    def _store(self, request, proofs: dict) -> None:
        # The oldest proofs go first: a session never carries an unbounded list.
        newest = sorted(proofs.items(), key=lambda item: item[1])[-self.max_remembered :]
        request.session[self.verified_key] = [[pk, at] for pk, at in newest]

    def remember(self, request, case) -> None:
        """Let this session see the case; a new session key, so a key planted before the proof is useless."""
        proofs = self._proofs(request)
        request.session.cycle_key()
        proofs.pop(case.pk, None)
        self._store(request, {**proofs, case.pk: time.time()})

    def may_see(self, request, case) -> bool:
        return case.pk in self._proofs(request)

    def get_or_404(self, request, tracking_number, queryset=None):
        """The case, if this session has proved it may see it; 404 otherwise, exactly as for a wrong number.
        Each use counts as activity: the proof runs out CASE_ACCESS_SECONDS after the last one."""
        number = self.normalized(tracking_number)
        proofs = self._proofs(request)
        if not number or not proofs:
            raise Http404
        case = self._queryset(queryset).filter(**{self.number_field: number}, pk__in=list(proofs)).first()
        if case is None:
            raise Http404
        # Renewed at most once a minute, so reading a page does not write the session every time.
        if time.time() - proofs[case.pk] > 60:
            self._store(request, {**proofs, case.pk: time.time()})
        return case

    def acknowledge(self, request, case, access_code, url):
        """The answer to the POST that filed `case`: this session may see it, and is redirected to `url`, the
        acknowledgement, which shows the access code once.

        The code is never in the session in clear, not even between this POST and the acknowledgement's
        GET: the session keeps it sealed with a random key that only the browser holds, in a cookie for
        the acknowledgement's URL alone (HttpOnly, SameSite=Strict, two minutes). Neither the session table
        (or Redis) nor the cookie alone gives the code; the acknowledgement takes both away as it shows it.
        """
        self.remember(request, case)
        request.session[self.submitted_key] = [case.pk, int(time.time())]
        response = redirect(url)
        if access_code:
            key = secrets.token_urlsafe(32)
            request.session[self.sealed_code_key] = seal(access_code, key)
            response.set_cookie(
                self.code_key_cookie,
                key,
                max_age=CODE_KEY_SECONDS,
                path=url,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Strict",
            )
        else:
            request.session.pop(self.sealed_code_key, None)
        return response

    def submitted(self, request, queryset=None) -> SubmittedCase | None:
        """The case this session filed last, for its acknowledgement; None if it filed none, or long ago.

        The access code is handed out once: its sealed form leaves the session as it is read, so a reload
        (or the next person at a shared computer in a cyber café) does not see it. The acknowledgement
        itself lasts ACKNOWLEDGEMENT_SECONDS (30 minutes by default). Pass the response through
        `without_code_key` to take the browser's key away too."""
        pk, at = (request.session.get(self.submitted_key) or [None, 0])[:2]
        sealed = request.session.pop(self.sealed_code_key, None)
        key = request.COOKIES.get(self.code_key_cookie, "")
        access_code = unseal(sealed, key) if sealed and key else None
        if not pk or time.time() - at > getattr(settings, "ACKNOWLEDGEMENT_SECONDS", 30 * 60):
            return None
        case = self._queryset(queryset).filter(pk=pk).first()
        if case is None:
            return None
        return SubmittedCase(case, access_code)

    def without_code_key(self, request, response):
        """The acknowledgement's response, deleting the browser's key to the (now gone) sealed code."""
        if self.code_key_cookie in request.COOKIES:
            response.delete_cookie(self.code_key_cookie, path=request.path, samesite="Strict")
        return response


def forget_every_case(request) -> None:
    """Take every proof of access to every process's cases out of this session (and a sealed access code
    with them); the session gets a new key. Anything else in the session (a language, a union
    representative's sign-in) stays."""
    for key in [key for key, _value in request.session.items() if key.startswith(SESSION_PREFIX)]:
        del request.session[key]
    request.session.cycle_key()


@never_cache
@require_POST
def forget_this_device(request):
    """ "Forget this device" on a case's page: a POST (with CSRF), since it changes the session."""
    forget_every_case(request)
    return TemplateResponse(request, "workflows_core/device_forgotten.html", {})


# --- Sealing a secret with a key the server does not keep ---------------------------------------


def _pad(key: str, length: int) -> bytes:
    blocks = (length + 31) // 32
    return b"".join(salted_hmac(f"{__name__}.seal:{i}", key, algorithm="sha256").digest() for i in range(blocks))[
        :length
    ]


def seal(secret: str, key: str) -> str:
    """`secret` XORed with a keystream drawn from `key` and SECRET_KEY: unreadable without both. Each key
    seals one secret only (a random key, or a one-time token), so the keystream is never used twice."""
    data = secret.encode()
    return base64.b64encode(bytes(a ^ b for a, b in zip(data, _pad(key, len(data)), strict=True))).decode()


def unseal(sealed: str, key: str) -> str | None:
    """The secret, or None if the sealed text or the key is not what `seal` made."""
    try:
        data = base64.b64decode(sealed, validate=True)
        return bytes(a ^ b for a, b in zip(data, _pad(key, len(data)), strict=True)).decode()
    except (ValueError, TypeError):  # binascii.Error and UnicodeDecodeError are ValueErrors
        return None


# --- One-time submission tokens -----------------------------------------------------------------

TOKEN_FIELD = "submission_token"  # noqa: S105 - a form field's name, not a password
INVALID_TOKEN = _(
    "This form was open too long, or was not sent from our page, so nothing was saved. "
    "Check what you entered and submit it again."
)
PENDING = "pending"


@dataclass(frozen=True)
class Outcome:
    """What a token filed: the case's pk, the secret to show once (an access code), and whether this
    request filed it (`fresh`) or an earlier request with the same token did."""

    pk: int
    secret: str = ""
    fresh: bool = False


class SubmissionToken:
    """One-time tokens for one kind of form (`purpose`), optionally bound to one case (`scope`).

    A token is signed, not stored, when the form page is shown, so showing a form costs no storage; it
    is stored only when used, under a hash of itself, in the default cache: `cache.add` is atomic
    (Redis's SET NX), so of two POSTs with the same token exactly one files. The record keeps the filed
    case's pk, and the secret to show once (an anonymous complaint's access code) sealed with a key
    derived from the token, which the cache never sees: reading Redis does not reveal access codes.
    """

    def __init__(self, purpose, *, max_age=24 * 60 * 60, wait_seconds=10.0, pending_seconds=300):
        self.purpose = purpose
        self.max_age = max_age  # how long a form may stay open
        self.wait_seconds = wait_seconds  # how long a second POST waits for the first to finish
        self.pending_seconds = pending_seconds  # a crashed worker's claim frees the token after this

    def _salt(self, scope) -> str:
        return f"{__name__}.SubmissionToken:{self.purpose}:{scope}"

    def issue(self, scope="") -> str:
        return signing.dumps(secrets.token_urlsafe(18), salt=self._salt(scope))

    def hidden_input(self, scope=""):
        """The hidden field to put inside the form (a fresh token each time the form is shown)."""
        return format_html('<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, self.issue(scope))

    def read(self, request, scope="") -> "Submission":
        raw = request.POST.get(TOKEN_FIELD, "")
        try:
            signing.loads(raw, salt=self._salt(scope), max_age=self.max_age)
        except signing.BadSignature:  # forged, of another form or case, missing, or expired
            raw = ""
        return Submission(self, raw, scope)


class Submission:
    """The token of one POST: is it valid, did it file a case already, and filing at most once with it."""

    def __init__(self, token: SubmissionToken, raw: str, scope):
        self.token = token
        self.raw = raw
        digest = hashlib.sha256(f"{token.purpose}:{scope}:{raw}".encode()).hexdigest()
        self.key = f"submission-token:{digest}"

    @property
    def valid(self) -> bool:
        return bool(self.raw)

    def check(self, form) -> bool:
        """After form.is_valid(): True if the token may file; otherwise the form carries the error."""
        if self.valid:
            return True
        form.add_error(None, ValidationError(INVALID_TOKEN, code="submission_token"))
        return False

    def outcome(self) -> Outcome | None:
        """What this token filed already; if another request is filing with it, wait for it (a while)."""
        if not self.valid:
            return None
        deadline = time.monotonic() + self.token.wait_seconds
        while True:
            record = cache.get(self.key)
            if isinstance(record, dict):
                return Outcome(record["pk"], self._unseal(record["sealed"]))
            if record is None or time.monotonic() >= deadline:
                return None
            time.sleep(0.05)

    def run(self, save) -> Outcome | None:
        """File with `save()` (which returns the case's pk and the secret to show, or raises) at most once.

        Returns the outcome, fresh if this request filed; an earlier request's if the token was used;
        None if another request holds the token and has not finished within the wait. If `save` raises,
        the token is free again: nothing was filed.
        """
        if not cache.add(self.key, PENDING, self.token.pending_seconds):
            return self.outcome()
        try:
            pk, secret = save()
        except BaseException:
            cache.delete(self.key)
            raise
        # Kept as long as the form could be sent, so a late replay is still recognised.
        cache.set(self.key, {"pk": pk, "sealed": self._seal(secret or "")}, self.token.max_age + 60)
        return Outcome(pk, secret or "", fresh=True)

    def _seal(self, secret: str) -> str:
        return seal(secret, self.raw)

    def _unseal(self, sealed: str) -> str:
        return unseal(sealed, self.raw) or ""


def submission_pending(request):
    """The answer to a second POST whose first is still being processed: wait, then send again."""
    return TemplateResponse(request, "workflows_core/submission_pending.html", {}, status=409)


# --- Rate limits --------------------------------------------------------------------------------


class RateLimit:
    """A per-IP limit read from a setting (`"5/h"`), counted in the default cache with django-ratelimit.

    Each attempt is counted before the work (`reserve`), so a burst of concurrent requests cannot all
    pass while the count is still low; an attempt that should not count is given back (`release`).
    """

    def __init__(self, group, setting, default):
        self.group = group
        self.setting = setting
        self.default = default

    @property
    def rate(self) -> str:
        return getattr(settings, self.setting, self.default)

    def reserve(self, request) -> "Reservation":
        rate = self.rate
        period = _split_rate(rate)[1]
        # django-ratelimit has no "give back"; its own key (same helpers, same window) lets us decrement.
        value = _get_ip(request)
        key = _make_cache_key(self.group, _get_window(value, period), rate, value, ALL)
        usage = get_usage(request, group=self.group, key="ip", rate=rate, increment=True)
        if usage is None:  # RATELIMIT_ENABLE = False
            return Reservation(key=None, refused=False, retry_after=0)
        retry_after = usage["time_left"] if usage["time_left"] > 0 else period
        return Reservation(key=key, refused=usage["should_limit"], retry_after=retry_after)


@dataclass
class Reservation:
    key: str | None
    refused: bool
    retry_after: int

    def release(self) -> None:
        """This attempt does not count (the form had errors, the lookup found its case)."""
        if self.key is None or self.refused:
            return
        # ValueError: the window has ended and its counter expired, so there is nothing to give back.
        with contextlib.suppress(ValueError):
            cache.decr(self.key)
        self.key = None

    def refusal(self, request, back_url=None):
        return rate_limited(request, retry_after=self.retry_after, back_url=back_url)
