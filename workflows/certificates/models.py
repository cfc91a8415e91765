"""Certificates: the kinds (wording and layout, edited in the admin), the certificates issued, and the
signature images of the posts that sign them.

A certificate is issued only by a process step through `services.issue_certificate` and revoked only
through `services.revoke_certificate`; the admin shows them read-only.
"""

import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from wagtail.models import PreviewableMixin

from workflows.core.codes import format_serial
from workflows.core.services import display_name
from workflows.core.uploads import get_private_storage

from .placeholders import STANDARD_PLACEHOLDERS, parse_extra_placeholders, validate_wording

LANGUAGES = [("bn", _("Bengali")), ("en", _("English"))]


def _in_english(language=None) -> bool:
    return (language or get_language() or "bn").startswith("en")


class CertificateKind(PreviewableMixin, models.Model):
    """What a kind of certificate says and how it looks; the app that issues it seeds it (seeding.py)."""

    class Layout(models.TextChoices):
        CLASSIC = "classic", _("Classic: double border, centred")
        BANDED = "banded", _("Banded: green band on the left")

    key = models.SlugField(
        _("key"), max_length=50, unique=True, help_text=_("Set by the process that issues this kind; do not change it.")
    )
    name_bn = models.CharField(_("name (Bengali)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150)
    title_bn = models.CharField(_("title (Bengali)"), max_length=150)
    title_en = models.CharField(_("title (English)"), max_length=150)
    body_bn = models.TextField(
        _("wording (Bengali)"),
        help_text=_("Placeholders in braces, e.g. {holder_name}, {subject}, {issue_date}, and this kind's own."),
    )
    body_en = models.TextField(_("wording (English)"))
    signatory_line_bn = models.CharField(_("signatory line (Bengali)"), max_length=255, blank=True)
    signatory_line_en = models.CharField(_("signatory line (English)"), max_length=255, blank=True)
    extra_placeholders = models.TextField(
        _("this kind's placeholders"),
        blank=True,
        help_text=_("One a line: name = sample value for the preview, e.g. course = Welding (basic)."),
    )
    layout = models.CharField(_("layout"), max_length=20, choices=Layout.choices, default=Layout.CLASSIC)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("certificate kind")
        verbose_name_plural = _("certificate kinds")

    def __str__(self):
        return self.name_en if _in_english() else self.name_bn

    def placeholder_samples(self) -> dict[str, str]:
        try:
            return parse_extra_placeholders(self.extra_placeholders)
        except Exception:  # a bad line is reported by clean(); the preview shows what it can
            return {}

    def placeholder_names(self) -> list[str]:
        return [*STANDARD_PLACEHOLDERS, *self.placeholder_samples()]

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        try:
            extra = parse_extra_placeholders(self.extra_placeholders)
        except ValidationError as error:
            errors["extra_placeholders"] = error
            extra = {}
        known = [*STANDARD_PLACEHOLDERS, *extra]
        for field in ("title_bn", "title_en", "body_bn", "body_en", "signatory_line_bn", "signatory_line_en"):
            try:
                validate_wording(getattr(self, field), known)
            except ValidationError as error:
                errors[field] = error
        if errors:
            raise ValidationError(errors)

    # --- Preview: the HTML that is printed, with sample values -------------------------------------
    @property
    def preview_modes(self):
        return LANGUAGES

    @property
    def default_preview_mode(self):
        return "bn"

    def serve_preview(self, request, mode_name):
        from django.http import HttpResponse

        from .rendering import preview_html

        response = HttpResponse(preview_html(self, mode_name if mode_name in ("bn", "en") else "bn"))
        response["X-Frame-Options"] = "SAMEORIGIN"
        return response


def signature_path(instance, filename) -> str:
    return f"certificates/signatures/{uuid.uuid4().hex}{'.png' if filename.endswith('.png') else '.jpg'}"


def certificate_path(instance, filename) -> str:
    return f"certificates/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


class Signature(models.Model):
    """The scanned signature printed for a post (whoever holds it signs with the post's image)."""

    post = models.OneToOneField(
        "workflows_core.Post", verbose_name=_("post"), on_delete=models.CASCADE, related_name="certificate_signature"
    )
    image = models.FileField(
        _("signature image"),
        storage=get_private_storage,
        upload_to=signature_path,
        max_length=200,
        help_text=_("A PNG or JPEG of the signature on a white or transparent background."),
    )
    content_type = models.CharField(max_length=30, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self):
        return str(self.post)


class Certificate(models.Model):
    """One issued certificate: who, what, which office on which day, signed by whom, and its PDF."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")

    serial = models.CharField(_("serial number"), max_length=10, unique=True)
    kind = models.ForeignKey(
        CertificateKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="certificates"
    )
    source_key = models.CharField(_("source"), max_length=200)
    holder_name_bn = models.CharField(_("holder's name (Bengali)"), max_length=255)
    holder_name_en = models.CharField(_("holder's name (English)"), max_length=255)
    subject_bn = models.CharField(_("certifies (Bengali)"), max_length=255)
    subject_en = models.CharField(_("certifies (English)"), max_length=255)
    office = models.ForeignKey(
        "workflows_core.Office", verbose_name=_("issuing office"), on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField(_("issue date"))
    signatory_post = models.ForeignKey(
        "workflows_core.Post", verbose_name=_("signatory post"), on_delete=models.PROTECT, related_name="+"
    )
    signatory_name = models.CharField(_("signed by"), max_length=255)
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.VALID, protected=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_by_name = models.CharField(_("revoked by"), max_length=255, blank=True)
    pdf = models.FileField(_("PDF"), storage=get_private_storage, upload_to=certificate_path, max_length=200)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64)
    pdf_size = models.PositiveIntegerField(_("size of the PDF"), default=0)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGES, default="bn")
    mobile = models.CharField(_("mobile number"), max_length=20, blank=True)
    context = models.JSONField(_("other wording"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    key_id = models.CharField(_("signing key"), max_length=40)
    signature = models.CharField(max_length=100)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [models.UniqueConstraint(fields=["kind", "source_key"], name="one_certificate_per_source")]
        indexes = [
            models.Index(fields=["office", "issued_on"], name="certificate_office_issued"),
            models.Index(fields=["serial", "mobile"], name="certificate_serial_mobile"),
        ]

    def __str__(self):
        return self.serial_display

    @property
    def serial_display(self) -> str:
        return format_serial(self.serial)

    @property
    def holder_name(self) -> str:
        return self.holder_name_en if _in_english() else self.holder_name_bn

    @property
    def subject(self) -> str:
        return self.subject_en if _in_english() else self.subject_bn

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID

    @transition(field=status, source=Status.VALID, target=Status.REVOKED)
    def revoke(self, *, reason: str, by) -> None:
        self.revoked_at = timezone.now()
        self.revocation_reason = reason
        self.revoked_by = by
        self.revoked_by_name = display_name(by)
