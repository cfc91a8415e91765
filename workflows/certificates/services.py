"""Issuing and revoking certificates, and finding one: the only writes of the certificate engine.

A process step calls `issue_certificate` (the training process's bulk job, the union audit returns
later); an office head revokes through the admin, which calls `revoke_certificate`.
"""

import datetime
import hashlib
import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from workflows.core.access import can_act_for
from workflows.core.codes import new_serial, normalize_serial
from workflows.core.models import PostHolding
from workflows.core.notifications.sms import normalize_bd_mobile
from workflows.core.roles import OFFICE_HEAD
from workflows.core.routing import NoPostForRole, nearest_post
from workflows.core.services import display_name, record
from workflows.core.uploads import private_storage

from . import signing
from .models import Certificate, CertificateKind
from .pdf import html_to_pdf
from .rendering import certificate_html


class CertificateError(Exception):
    """A refused issue or revocation; the message is for the person who asked; nothing was changed."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# --- Signed fields and the verification URL ---------------------------------------------------------


def signed_fields(certificate) -> dict:
    """What the QR code carries and the signature covers (short names: see offline.FIELD_NAMES)."""
    return {
        "s": certificate.serial,
        "k": certificate.kind.key,
        "n": certificate.holder_name_bn,
        "e": certificate.holder_name_en,
        "t": certificate.subject_en if certificate.language == "en" else certificate.subject_bn,
        "o": certificate.office.code,
        "d": certificate.issued_on.isoformat(),
    }


def verification_url(certificate, language="bn") -> str:
    """The absolute URL the QR code carries: the verify page with the key id, the signed data and the signature."""
    from .offline import b64url_encode, canonical_bytes

    with translation.override(language):
        path = reverse("certificates:verify", args=[certificate.serial])
    query = urlencode(
        {
            "k": certificate.key_id,
            "d": b64url_encode(canonical_bytes(signed_fields(certificate))),
            "s": certificate.signature,
        }
    )
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}?{query}"


# --- Issue --------------------------------------------------------------------------------------------


def signatory_name_on(post, day: datetime.date) -> str:
    """Whoever held the post on that day (the latest holding if two overlap)."""
    holding = (
        PostHolding.objects.filter(post=post, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .select_related("user")
        .order_by("-starts_on", "-pk")
        .first()
    )
    if holding is None:
        raise CertificateError(
            _("No one held the post “%(post)s” on %(day)s, so nobody can sign the certificate.")
            % {"post": post, "day": day.isoformat()}
        )
    return display_name(holding.user)


def _existing(kind, source_key):
    return Certificate.objects.filter(kind=kind, source_key=source_key).select_related("kind", "office").first()


def issue_certificate(
    *,
    kind: str,
    source_key: str,
    holder_name_bn: str,
    holder_name_en: str,
    subject_bn: str,
    subject_en: str,
    office,
    issued_on: datetime.date,
    signatory_post,
    language: str = "bn",
    mobile: str = "",
    context: dict | None = None,
    actor=None,
    post=None,
) -> Certificate:
    """Idempotent on (kind, source_key): the existing certificate if there is one (no second row, PDF or
    audit entry; the unique constraint decides between two at once). Otherwise a new one: a random
    serial, the signatory of `signatory_post` on `issued_on`, the PDF in `language` stored privately with
    its SHA-256, and the audit entry "certificate.issue".

    The PDF is made before the transaction (Chromium takes tens of milliseconds; no row is locked
    meanwhile); a PDF whose row was not saved is deleted again.
    """
    kind_obj = CertificateKind.objects.get(key=kind)
    if (existing := _existing(kind_obj, source_key)) is not None:
        return existing
    if language not in ("bn", "en"):
        raise CertificateError(_("A certificate is printed in Bengali or English."))
    if not (holder_name_bn.strip() and holder_name_en.strip()):
        raise CertificateError(_("The holder's name is needed in Bengali and in English."))
    try:
        mobile = normalize_bd_mobile(mobile) if mobile else ""
    except ValidationError as error:
        raise CertificateError(error.messages[0]) from error
    certificate = Certificate(
        kind=kind_obj,
        source_key=source_key,
        holder_name_bn=holder_name_bn.strip(),
        holder_name_en=holder_name_en.strip(),
        subject_bn=subject_bn.strip(),
        subject_en=subject_en.strip(),
        office=office,
        issued_on=issued_on,
        signatory_post=signatory_post,
        signatory_name=signatory_name_on(signatory_post, issued_on),
        language=language,
        mobile=mobile,
        context=context or {},
    )
    for _attempt in range(5):
        certificate.serial = new_serial()
        certificate.key_id, _data, certificate.signature = signing.sign(signed_fields(certificate))
        # Stored as JSON would store it, so the page printed now and a re-rendering later say the same.
        certificate.context = json.loads(json.dumps(certificate.context, cls=DjangoJSONEncoder))
        pdf = html_to_pdf(certificate_html(certificate, language=language, url=verification_url(certificate, language)))
        certificate.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        certificate.pdf_size = len(pdf)
        certificate.pdf.save("certificate.pdf", ContentFile(pdf), save=False)
        try:
            with transaction.atomic():
                certificate.save(force_insert=True)
                record(
                    "certificate.issue",
                    actor=actor,
                    obj=certificate,
                    post=post,
                    case_label=certificate.serial_display,
                    to_state=certificate.status,
                    data={"kind": kind, "source_key": source_key, "sha256": certificate.pdf_sha256},
                )
        except IntegrityError:
            private_storage.delete(certificate.pdf.name)
            certificate.pk = None
            certificate._state.adding = True
            if (existing := _existing(kind_obj, source_key)) is not None:
                return existing  # issued by a concurrent call meanwhile
            continue  # the serial was taken (50 random bits: practically never); draw another
        except BaseException:
            private_storage.delete(certificate.pdf.name)
            raise
        return certificate
    raise CertificateError(_("No free serial number was found. Try again."))


# --- Revoke -------------------------------------------------------------------------------------------


def head_post(office):
    """The post that may revoke the office's certificates: its head, or the nearest head above (as the kit routes)."""
    try:
        return nearest_post(office, OFFICE_HEAD)
    except NoPostForRole:
        return None


def may_revoke(user, certificate) -> bool:
    post = head_post(certificate.office)
    return post is not None and can_act_for(user, post) is not None


def revoke_certificate(certificate, *, reason: str, actor) -> Certificate:
    """Revoke a valid certificate, by a holder or delegate of its office's head post, with a reason.

    Runs under a row lock (select_for_update) and decides on the row as it is then: of two revocations
    at once, one wins and the other is refused. Records "certificate.revoke" with the reason.
    """
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give the reason for the revocation. Nothing was changed."))
    post = head_post(certificate.office)
    if post is None or can_act_for(actor, post) is None:
        raise CertificateError(
            _(
                "Only the head of the issuing office (or their delegate) can revoke this certificate. "
                "Nothing was changed."
            )
        )
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().select_related("kind", "office").get(pk=certificate.pk)
        if locked.status != Certificate.Status.VALID:
            raise CertificateError(_("This certificate has already been revoked. Nothing was changed."))
        locked.revoke(reason=reason, by=actor)
        locked.save()
        record(
            "certificate.revoke",
            actor=actor,
            obj=locked,
            post=post,
            case_label=locked.serial_display,
            from_state=Certificate.Status.VALID,
            to_state=locked.status,
            comment=reason,
        )
    return locked


# --- Find ---------------------------------------------------------------------------------------------


def find_certificate(serial: str, mobile: str) -> Certificate | None:
    """The certificate with this serial issued to this mobile number (self-service download), or None.

    Both are read as people type them: the serial with or without its hyphen, spaces, small letters, O
    for 0; the mobile number with +880/880, spaces, hyphens or Bengali digits.
    """
    code = normalize_serial(serial)
    try:
        number = normalize_bd_mobile(mobile)
    except ValidationError:
        return None
    if code is None:
        return None
    return Certificate.objects.filter(serial=code, mobile=number).select_related("kind", "office").first()


def certificate_by_serial(serial) -> Certificate | None:
    code = normalize_serial(serial)
    if code is None:
        return None
    return Certificate.objects.filter(serial=code).select_related("kind", "office").first()


def pdf_response(certificate) -> FileResponse:
    """The certificate's PDF as a download, never shown inline nor kept by a shared cache. The caller has
    checked who may have it (the issuing office's officers, the holder, the union's representative)."""
    if certificate is None or not certificate.pdf:
        raise Http404
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.serial_display}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
