"""Template filters for Bengali digits and dates.

`bn_digits`, `bn_date` and `bn_gregorian` always give Bengali; `local_digits` and `local_date` give
Bengali on Bengali pages and leave English pages as they are; `local_bn_date` gives the Bengali-calendar
date in the page's script (`১৭ অগ্রহায়ণ ১৪২৮`, `17 Agrahayan 1428`).
"""

import datetime

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.timesince import timeuntil
from django.utils.translation import get_language

from pages.base.bengali_calendar import (
    format_bengali_date,
    format_bengali_date_en,
    format_gregorian_bn,
    to_bengali_digits,
)

register = template.Library()


def _as_local_date(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value


def is_bengali() -> bool:
    return (get_language() or "bn").startswith("bn")


@register.filter
def bn_digits(value):
    """Any number or string → Bengali digits."""
    if value is None or value == "":
        return value
    return to_bengali_digits(value)


@register.filter
def bn_date(value):
    """A date or datetime → its date in Bangladesh's revised Bengali calendar: `৫ শ্রাবণ ১৪৩০`."""
    if not isinstance(value, datetime.date):
        return value
    return format_bengali_date(_as_local_date(value))


@register.filter
def local_bn_date(value):
    """The Bengali-calendar date: `১৭ অগ্রহায়ণ ১৪২৮` on Bengali pages, `17 Agrahayan 1428` on English ones."""
    if not isinstance(value, datetime.date):
        return value
    if is_bengali():
        return format_bengali_date(_as_local_date(value))
    return format_bengali_date_en(_as_local_date(value))


@register.filter
def bn_gregorian(value):
    """A date or datetime → `০২ ডিসেম্বর ২০২১`."""
    if not isinstance(value, datetime.date):
        return value
    return format_gregorian_bn(_as_local_date(value))


@register.filter
def local_digits(value):
    """Bengali digits on Bengali pages; unchanged otherwise."""
    return bn_digits(value) if is_bengali() else value


@register.filter
def local_date(value):
    """`০২ ডিসেম্বর ২০২১` on Bengali pages, `02 December 2021` on English ones."""
    if not isinstance(value, datetime.date):
        return value
    if is_bengali():
        return bn_gregorian(value)
    return date_format(_as_local_date(value), "d F Y")


@register.filter
def local_duration(seconds):
    """A wait in seconds as words, to the minute and in its largest unit: `১ ঘণ্টা`, `45 minutes`.

    Rounded up, so a visitor told to wait is never told too little; Bengali digits on Bengali pages.
    """
    try:
        seconds = max(60, int(seconds))
    except (TypeError, ValueError):
        return ""
    minutes = -(-seconds // 60)
    now = timezone.now()
    return local_digits(timeuntil(now + datetime.timedelta(minutes=minutes), now, depth=1))
