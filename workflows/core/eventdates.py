"""Dates of things that happened (a complaint's incident, a union's registration or cancellation, a batch):
within a window, so that 0001-01-01 or 1925 for 2025 is refused where it is typed, in a form or a spreadsheet."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.base.templatetags.bangla import local_date


def event_date_earliest() -> datetime.date:
    """The earliest date anyone may give for something that happened (setting EVENT_DATE_EARLIEST).

    1 January 1972: the ministry's records, unions' registrations and labour law start with Bangladesh; an
    earlier date is a typing slip (0001-01-01, 1925 for 2025), not a case.
    """
    return getattr(settings, "EVENT_DATE_EARLIEST", datetime.date(1972, 1, 1))


def validate_event_date(value: datetime.date, *, allow_future: bool = False) -> None:
    """Not before event_date_earliest(), and not after today (Bangladesh's date) unless `allow_future`; the
    messages name the bound, in the page's digits. Also a model field's validator (one argument)."""
    earliest = event_date_earliest()
    if value < earliest:
        raise ValidationError(
            _("Enter a date on or after %(date)s."), code="date_too_early", params={"date": local_date(earliest)}
        )
    today = timezone.localdate()
    if not allow_future and value > today:
        raise ValidationError(
            _("The date cannot be in the future: enter %(date)s or earlier."),
            code="future_date",
            params={"date": local_date(today)},
        )
