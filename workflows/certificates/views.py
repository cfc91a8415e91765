"""Public verification of a printed certificate, and the published public keys.

`/bn/verify/<serial>/` says whether the certificate is valid, revoked (when and why) or unknown, with the
holder's name, what it certifies and the issue date, nothing more. Opened from the QR code, the URL also
carries the signed fields (`k`, `d`, `s`): the page then checks the signature and says "not genuine" if
anything was altered. A malformed serial gets the same answer as a serial that does not exist. Failed
lookups are rate-limited per address; the page is never cached (a revocation shows at once).
"""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from workflows.core.codes import normalize_serial
from workflows.core.public import RateLimit

from . import signing
from .forms import VerifyForm
from .services import certificate_by_serial, signed_fields

LOOKUP_LIMIT = RateLimit("certificate-lookup", "CERTIFICATE_LOOKUP_RATE", "30/h")

GENUINE, NOT_GENUINE, UNCHECKED = "genuine", "not_genuine", "unchecked"


def _result(request, certificate, seal, serial_text):
    context = {"certificate": certificate, "seal": seal, "serial_text": serial_text, "form": VerifyForm()}
    status = 200 if certificate is not None else 404
    return TemplateResponse(request, "certificates/verify_result.html", context, status=status)


@never_cache
@require_safe
def verify_form(request):
    """The form to type a serial; a typed serial goes to its page (an unusable one is answered here, as unknown)."""
    if "serial" not in request.GET:
        return TemplateResponse(request, "certificates/verify_form.html", {"form": VerifyForm()})
    form = VerifyForm(request.GET)
    if not form.is_valid():
        return TemplateResponse(request, "certificates/verify_form.html", {"form": form})
    code = normalize_serial(form.cleaned_data["serial"])
    if code is not None:
        return redirect("certificates:verify", serial=code)
    attempt = LOOKUP_LIMIT.reserve(request)
    if attempt.refused:
        return attempt.refusal(request, back_url=reverse("certificates:verify_form"))
    return _result(request, None, UNCHECKED, form.cleaned_data["serial"])


@never_cache
@require_safe
def verify(request, serial):
    attempt = LOOKUP_LIMIT.reserve(request)
    if attempt.refused:
        return attempt.refusal(request, back_url=reverse("certificates:verify_form"))
    certificate = certificate_by_serial(serial)
    seal = UNCHECKED
    if any(request.GET.get(name) for name in ("k", "d", "s")):
        fields = signing.check(request.GET.get("k", ""), request.GET.get("d", ""), request.GET.get("s", ""))
        genuine = (
            fields is not None
            and certificate is not None
            and fields.get("s") == normalize_serial(serial)
            and fields == signed_fields(certificate)
        )
        seal = GENUINE if genuine else NOT_GENUINE
    if certificate is not None and seal != NOT_GENUINE:
        attempt.release()  # only failed lookups count: they are what guessing looks like
    if seal == NOT_GENUINE:
        # Altered data says nothing about the real record: show none of it.
        certificate = None
    response = _result(request, certificate, seal, serial)
    if seal == NOT_GENUINE:
        response.status_code = 200
    return response


@never_cache
@require_safe
def keys_json(request):
    """The public keys, for checking a QR code offline (workflows/certificates/offline.py)."""
    response = JsonResponse(signing.published_keys(), json_dumps_params={"indent": 2})
    response["Access-Control-Allow-Origin"] = "*"
    return response
