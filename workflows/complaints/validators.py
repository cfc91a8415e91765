"""Checks and normal forms of what complainants type: mobile numbers and dates.

(Tracking numbers and access codes are the workflow core's: workflows/core/codes.py, and
`Complaint.normalize_tracking_number`.)
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# One normaliser for the whole platform: notifications send SMS to the same form we store.
from workflows.core.notifications.sms import normalize_bd_mobile

__all__ = ["normalize_bd_mobile", "optional_bd_mobile", "validate_not_in_future"]


def optional_bd_mobile(value) -> str:
    """The normalised mobile number, or "" when none was given; ValidationError when it is not one."""
    if not str(value or "").strip():
        return ""
    return normalize_bd_mobile(value)


def validate_not_in_future(value) -> None:
    if value and value > timezone.localdate():
        raise ValidationError(_("The date cannot be in the future."), code="future_date")
