"""Checks and normal forms of what citizens type: tracking numbers, access codes, mobile numbers, dates.

Tracking numbers and access codes use Crockford's base32 (digits and letters without I, L, O, U), so
that a number read out over the phone or copied by hand survives: O is read as 0, I and L as 1, case,
spaces and hyphens do not matter, and Bengali digits count as digits.
"""

import secrets

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# One normaliser for the whole platform: notifications send SMS to the same form we store.
from workflows.core.notifications.sms import normalize_bd_mobile

__all__ = [
    "ACCESS_CODE_LENGTH",
    "CROCKFORD_ALPHABET",
    "TRACKING_PREFIX",
    "new_access_code",
    "new_tracking_number",
    "normalize_access_code",
    "normalize_bd_mobile",
    "normalize_tracking_number",
    "optional_bd_mobile",
    "validate_not_in_future",
]

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Letters people confuse with digits, and Bengali digits, read as Crockford's digits.
_CROCKFORD_INPUT = str.maketrans("OILoil০১২৩৪৫৬৭৮৯", "011011" + "0123456789")

TRACKING_PREFIX = "GRS-"
# 10 characters of base32 = 50 random bits: guessing one of a million complaints takes ~10⁹ tries.
TRACKING_CODE_LENGTH = 10
# 40 random bits, on top of the tracking number; the lookup is rate-limited as well.
ACCESS_CODE_LENGTH = 8


def _random_code(length: int) -> str:
    return "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(length))


def new_tracking_number() -> str:
    """`GRS-7KQ2M9XA4D`: random, so neither the next number nor the number of complaints can be guessed."""
    return TRACKING_PREFIX + _random_code(TRACKING_CODE_LENGTH)


def new_access_code() -> str:
    return _random_code(ACCESS_CODE_LENGTH)


def _crockford_clean(text) -> str:
    return "".join(str(text or "").translate(_CROCKFORD_INPUT).upper().replace("-", "").split())


def normalize_tracking_number(text) -> str | None:
    """` grs-7kq2 m9xa4d ` → `GRS-7KQ2M9XA4D`; None when it cannot be a tracking number."""
    code = _crockford_clean(text)
    prefix = TRACKING_PREFIX.rstrip("-")
    if len(code) == len(prefix) + TRACKING_CODE_LENGTH and code.startswith(prefix):
        code = code[len(prefix) :]
    if len(code) != TRACKING_CODE_LENGTH or any(c not in CROCKFORD_ALPHABET for c in code):
        return None
    return TRACKING_PREFIX + code


def normalize_access_code(text) -> str:
    """The access code as stored (upper case, no spaces or hyphens); may be anything for other input."""
    return _crockford_clean(text)


def optional_bd_mobile(value) -> str:
    """The normalised mobile number, or "" when none was given; ValidationError when it is not one."""
    if not str(value or "").strip():
        return ""
    return normalize_bd_mobile(value)


def validate_not_in_future(value) -> None:
    if value and value > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."), code="future_date")
