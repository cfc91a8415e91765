"""The register of trade unions (Bangladesh Labour Act 2006, chapter XIII): each registered union or
federation, its registering labour office, its office-bearers, and the representatives who sign in on
the portal for it (the general secretary or treasurer, invited by SMS).

A representative is not a Django user: the portal's session holds the representative's id (see
portal.py), so nothing a union does on the portal can reach the back office.
"""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from pages.base.bengali_calendar import to_latin_digits
from workflows.core.eventdates import validate_event_date
from workflows.core.notifications.sms import normalize_bd_mobile, validate_bd_mobile

# Dashes people type between the district's letters and the number: hyphen, non-breaking hyphen, en and em
# dashes, minus sign. They are all stored as "-".
DASHES_RE = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
SPACES_RE = re.compile(r"\s+")
REGISTRATION_NUMBER_RE = re.compile(r"^[^\W_](?:[\w\-/.()\u0980-\u09ff ]*[\w\u0980-\u09ff])?$")
INVALID_REGISTRATION_NUMBER = _("Enter the registration number as on the certificate, e.g. চট্ট-১২৩৪ or B-1234.")
MAX_ACTIVE_REPRESENTATIVES = 3


def in_language(bn, en):
    return en if (get_language() or "bn").startswith("en") and en else bn


def normalize_registration_number(value) -> str:
    """The number as typed, tidied: NFC, no spaces around dashes or at the ends, one kind of dash, Latin
    letters in capitals. `b - 1234` → `B-1234`; `চট্ট–১২৩৪` → `চট্ট-১২৩৪`. Digits keep their script."""
    text = unicodedata.normalize("NFC", str(value or ""))
    text = DASHES_RE.sub("-", text)
    text = SPACES_RE.sub(" ", text).strip()
    text = re.sub(r"\s*([-/])\s*", r"\1", text)
    text = "".join(char.upper() if char.isascii() else char for char in text)
    if not text or not REGISTRATION_NUMBER_RE.match(text):
        raise ValidationError(INVALID_REGISTRATION_NUMBER, code="invalid_registration_number")
    return text


def registration_key(value) -> str:
    """What two spellings of one number share, for uniqueness: `চট্ট-১২৩৪` and `চট্ট 1234` are one union."""
    text = to_latin_digits(normalize_registration_number(value))
    return "".join(char for char in text.casefold() if unicodedata.category(char)[0] in "LMN")


class Position(models.TextChoices):
    PRESIDENT = "president", _("President")
    VICE_PRESIDENT = "vice_president", _("Vice-president")
    GENERAL_SECRETARY = "general_secretary", _("General secretary")
    JOINT_SECRETARY = "joint_secretary", _("Joint secretary")
    TREASURER = "treasurer", _("Treasurer")
    ORGANISING_SECRETARY = "organising_secretary", _("Organising secretary")
    OFFICE_SECRETARY = "office_secretary", _("Office secretary")
    MEMBER = "member", _("Member")


# Who may sign in for a union: the officers who send its annual return.
REPRESENTATIVE_POSITIONS = [
    (Position.GENERAL_SECRETARY.value, Position.GENERAL_SECRETARY.label),
    (Position.TREASURER.value, Position.TREASURER.label),
    (Position.PRESIDENT.value, Position.PRESIDENT.label),
]


class UnionQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Union.Status.ACTIVE)


class Union(ClusterableModel):
    """A registered trade union or federation, kept by the labour office that registered it."""

    class Kind(models.TextChoices):
        BASIC = "basic", _("Basic union")
        FEDERATION = "federation", _("Federation")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Registered")
        CANCELLED = "cancelled", _("Registration cancelled")

    registration_number = models.CharField(
        _("registration number"),
        max_length=40,
        help_text=_("As on the registration certificate, e.g. চট্ট-১২৩৪ or B-1234."),
    )
    # The number without spaces, dashes, case or digit script: two spellings of one number are one union.
    registration_key = models.CharField(max_length=40, unique=True, editable=False)
    name_bn = models.CharField(_("name (Bengali)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BASIC)
    establishment = models.CharField(
        _("establishment or industry"),
        max_length=255,
        blank=True,
        help_text=_("The establishment of a basic union, or the industry of a federation."),
    )
    address_bn = models.CharField(_("address (Bengali)"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    office = models.ForeignKey(
        "workflows_core.Office", verbose_name=_("registering office"), on_delete=models.PROTECT, related_name="+"
    )
    registered_on = models.DateField(_("registered on"), validators=[validate_event_date])
    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE, protected=True)
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True, editable=False)
    cancellation_reason = models.TextField(_("reason for cancellation"), blank=True, editable=False)

    objects = UnionQuerySet.as_manager()

    class Meta:
        verbose_name = _("trade union")
        verbose_name_plural = _("trade unions")
        ordering = ["office__sort_order", "name_bn"]
        indexes = [models.Index(fields=["office", "name_bn"], name="union_office_name")]

    def __str__(self):
        return f"{self.name} ({self.registration_number})"

    def clean_fields(self, exclude=None):
        # The status is protected (only its transitions change it): cleaning must not assign it.
        super().clean_fields(exclude={*(exclude or ()), "status"})

    def clean(self):
        super().clean()
        try:
            self.registration_number = normalize_registration_number(self.registration_number)
        except ValidationError as error:
            raise ValidationError({"registration_number": error}) from None
        self.registration_key = registration_key(self.registration_number)
        others = Union.objects.filter(registration_key=self.registration_key).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                {"registration_number": _("A union with this registration number is already registered.")}
            )

    def save(self, *args, **kwargs):
        self.registration_number = normalize_registration_number(self.registration_number)
        self.registration_key = registration_key(self.registration_number)
        super().save(*args, **kwargs)

    @property
    def name(self):
        return in_language(self.name_bn, self.name_en)

    @property
    def address(self):
        return in_language(self.address_bn, self.address_en)

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def may_file(self) -> bool:
        """Whether the union may send returns or invite representatives (a cancelled union may not)."""
        return self.is_active

    # The lifecycle: the union's own fields only (services.cancel_union locks, saves and records).
    @transition(field=status, source=Status.ACTIVE, target=Status.CANCELLED)
    def cancel(self, on, reason: str):
        self.cancelled_on = on
        self.cancellation_reason = reason


class OfficeBearer(models.Model):
    """One of the union's current office-bearers, as the union last reported them."""

    union = ParentalKey(Union, verbose_name=_("union"), on_delete=models.CASCADE, related_name="office_bearers")
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=30, choices=Position.choices, default=Position.MEMBER)
    mobile = models.CharField(_("mobile"), max_length=20, blank=True, validators=[validate_bd_mobile])
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("office-bearer")
        verbose_name_plural = _("office-bearers")
        ordering = ["sort_order", "id"]

    def __str__(self):
        return f"{self.name} ({self.get_position_display()})"

    def save(self, *args, **kwargs):
        if self.mobile:
            self.mobile = normalize_bd_mobile(self.mobile)
        super().save(*args, **kwargs)


class Representative(models.Model):
    """A person who signs in on the portal for a union with their mobile number and a one-time code."""

    union = models.ForeignKey(Union, verbose_name=_("union"), on_delete=models.PROTECT, related_name="representatives")
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(
        _("position"), max_length=30, choices=REPRESENTATIVE_POSITIONS, default=Position.GENERAL_SECRETARY
    )
    mobile = models.CharField(_("mobile"), max_length=20, validators=[validate_bd_mobile])
    active = models.BooleanField(_("active"), default=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    invited_by_representative = models.ForeignKey(
        "self",
        verbose_name=_("invited by the representative"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    last_signed_in_at = models.DateTimeField(_("last signed in"), null=True, blank=True)

    class Meta:
        verbose_name = _("union representative")
        verbose_name_plural = _("union representatives")
        ordering = ["-active", "invited_at", "id"]
        constraints = [
            # The mobile number is how a representative signs in: it names one active representative.
            models.UniqueConstraint(
                fields=["mobile"], condition=models.Q(active=True), name="one_active_representative_per_mobile"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_position_display()})"

    def save(self, *args, **kwargs):
        self.mobile = normalize_bd_mobile(self.mobile)
        super().save(*args, **kwargs)

    @property
    def may_file(self) -> bool:
        """An active representative of a union still registered may send returns and invite others."""
        return self.active and self.union.may_file


class SignInCode(models.Model):
    """A one-time sign-in code sent by SMS: stored as a keyed hash, valid for a few minutes and a few tries."""

    representative = models.ForeignKey(Representative, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    wrong_tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["representative", "created_at"], name="signincode_rep_created")]

    def __str__(self):
        return f"{self.representative_id} @ {self.created_at:%Y-%m-%d %H:%M}"
