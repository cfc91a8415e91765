"""Trainees' self-service on the portal: find a certificate by its serial (or the batch's number) and the
mobile number given at the course, see it and download it; or follow the link of the SMS.

A certificate's page is shown only to a session that proved it may see it (serial or batch number with
the right mobile number) or to the holder of a signed link from the SMS; to anyone else it does not
exist. Failed lookups count against a rate limit. Nothing here may be cached (personal data, CSRF).
"""

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from workflows.certificates.models import Certificate
from workflows.certificates.services import certificate_by_serial, pdf_response
from workflows.core.codes import normalize_serial
from workflows.core.public import CaseAccess, RateLimit

from .forms import CertificateLookupForm

ACCESS = CaseAccess(
    Certificate,
    normalize=normalize_serial,
    queryset=Certificate.objects.select_related("office"),
    number_field="serial",
)
LOOKUP_LIMIT = RateLimit("training-certificate-lookup", "TRAINING_LOOKUP_RATE", "20/h")
# The SMS link: signed, so it cannot be made up for another serial; valid as long as a trainee may
# reasonably look for it (a year), after which the serial and mobile number still work.
LINK_SALT = "training.certificate-link"
LINK_MAX_AGE = 365 * 24 * 3600


def download_link(certificate) -> str:
    """The absolute link an SMS carries: the certificate's download, signed for its serial."""
    token = signing.dumps(certificate.serial, salt=LINK_SALT, compress=True)
    with override(certificate.language):
        path = reverse("training:download", args=[certificate.serial])
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}?t={token}"


def _linked(request, serial) -> bool:
    token = request.GET.get("t", "")
    try:
        return bool(token) and signing.loads(token, salt=LINK_SALT, max_age=LINK_MAX_AGE) == serial
    except signing.BadSignature:
        return False


def _certificate_or_404(request, serial):
    normalized = normalize_serial(serial)
    if normalized and _linked(request, normalized):
        certificate = certificate_by_serial(normalized)
        if certificate is None:
            raise Http404
        ACCESS.remember(request, certificate)
        return certificate
    return ACCESS.get_or_404(request, serial)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def find(request):
    if request.method != "POST":
        return TemplateResponse(request, "training/public/find.html", {"form": CertificateLookupForm()})
    attempt = LOOKUP_LIMIT.reserve(request)
    if attempt.refused:
        return attempt.refusal(request, back_url=request.path)
    form = CertificateLookupForm(request.POST)
    if not form.is_valid():
        if not form.found_nothing:
            attempt.release()  # a form with a typing mistake is not a guess
        return TemplateResponse(request, "training/public/find.html", {"form": form})
    attempt.release()  # found: only failed lookups count
    for certificate in form.certificates:
        ACCESS.remember(request, certificate)
    if len(form.certificates) == 1:
        return redirect("training:certificate", serial=form.certificates[0].serial)
    return TemplateResponse(request, "training/public/found.html", {"certificates": form.certificates})


@never_cache
def certificate(request, serial):
    found = _certificate_or_404(request, serial)
    return TemplateResponse(request, "training/public/certificate.html", {"certificate": found})


@never_cache
def download(request, serial):
    return pdf_response(_certificate_or_404(request, serial))
