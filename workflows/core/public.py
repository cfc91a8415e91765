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
* ``CaseAccess``: which cases this session proved it may see, because it filed the case
  (``remember_submitted``, read back on the acknowledgement with ``submitted``) or gave the tracking
  number with the right contact or code (``remember``). Every view that takes a tracking number gets
  the case with ``get_or_404``, which answers 404 for a case the session has not proved, exactly as for
  a number that does not exist.
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
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
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


@dataclass(frozen=True)
class SubmittedCase:
    """What the acknowledgement shows: the case this session just filed, and its access code if any."""

    case: object
    access_code: str | None


class CaseAccess:
    """The cases of one model that this session proved it may see, kept in the session.

    The session keys start with the model's label (`complaints.complaint:verified`…), so processes never
    share or overwrite each other's. The tracking number is normalised by `normalize`, else by the model's
    `normalize_tracking_number` classmethod if it has one, else only stripped.
    """

    def __init__(self, model, *, normalize=None, queryset=None, number_field="tracking_number", max_remembered=20):
        self.model = model
        self.normalize = normalize
        self.queryset = queryset
        self.number_field = number_field
        self.max_remembered = max_remembered
        namespace = model._meta.label_lower
        self.verified_key = f"{namespace}:verified"
        self.submitted_key = f"{namespace}:submitted"
        self.access_code_key = f"{namespace}:access_code"

    def normalized(self, tracking_number) -> str:
        normalize = self.normalize or getattr(self.model, "normalize_tracking_number", None)
        if normalize is None:
            return str(tracking_number or "").strip()
        return normalize(tracking_number)

    def _queryset(self, queryset):
        if queryset is not None:
            return queryset
        return self.queryset.all() if self.queryset is not None else self.model._default_manager.all()

    def remember(self, request, case) -> None:
        """Let this session see the case; a new session key, so a key planted before the proof is useless."""
        verified = [pk for pk in request.session.get(self.verified_key, []) if pk != case.pk]
        request.session.cycle_key()
        # The oldest proofs go first: a session never carries an unbounded list.
        request.session[self.verified_key] = [*verified[-(self.max_remembered - 1) :], case.pk]

    def may_see(self, request, case) -> bool:
        return case.pk in request.session.get(self.verified_key, [])

    def get_or_404(self, request, tracking_number, queryset=None):
        """The case, if this session has proved it may see it; 404 otherwise, exactly as for a wrong number."""
        number = self.normalized(tracking_number)
        verified = request.session.get(self.verified_key, [])
        if not number or not verified:
            raise Http404
        case = self._queryset(queryset).filter(**{self.number_field: number}, pk__in=verified).first()
        if case is None:
            raise Http404
        return case

    def remember_submitted(self, request, case, access_code=None) -> None:
        """The session that filed the case may see it, and its acknowledgement (with the access code)."""
        self.remember(request, case)
        request.session[self.submitted_key] = [case.pk, int(time.time())]
        request.session[self.access_code_key] = access_code or None

    def submitted(self, request, queryset=None) -> SubmittedCase | None:
        """The case this session filed last, for its acknowledgement; None if it filed none, or long ago.

        The access code is handed out once: it leaves the session as it is read, so a reload (or the next
        person at a shared computer in a cyber café) does not see it, and the session table never keeps it.
        The acknowledgement itself lasts ACKNOWLEDGEMENT_SECONDS (30 minutes by default)."""
        pk, at = (request.session.get(self.submitted_key) or [None, 0])[:2]
        access_code = request.session.pop(self.access_code_key, None)
        if not pk or time.time() - at > getattr(settings, "ACKNOWLEDGEMENT_SECONDS", 30 * 60):
            return None
        case = self._queryset(queryset).filter(pk=pk).first()
        if case is None:
            return None
        return SubmittedCase(case, access_code)


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

    def _pad(self, length: int) -> bytes:
        blocks = (length + 31) // 32
        return b"".join(
            salted_hmac(f"{__name__}.seal:{i}", self.raw, algorithm="sha256").digest() for i in range(blocks)
        )[:length]

    def _seal(self, secret: str) -> str:
        data = secret.encode()
        return base64.b64encode(bytes(a ^ b for a, b in zip(data, self._pad(len(data)), strict=True))).decode()

    def _unseal(self, sealed: str) -> str:
        data = base64.b64decode(sealed)
        return bytes(a ^ b for a, b in zip(data, self._pad(len(data)), strict=True)).decode()


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
