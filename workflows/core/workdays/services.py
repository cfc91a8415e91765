"""Working-day arithmetic for every SLA: due dates, working days elapsed and days overdue.

A day is a working day unless it is a weekly off day of the WorkingWeek setting or a public or
executive-order Holiday; a make-up working day (Holiday.Kind.WORKING_DAY) is a working day whatever
its weekday. Dates are Bangladesh dates: an aware datetime counts on its date in
settings.TIME_ZONE (Asia/Dhaka), whatever timezone the request or the worker has activated.

The calendar is read in at most two queries whatever the span (the WorkingWeek setting, then the
holidays of every year the computation needs) and kept in the default cache under a version that
saving or deleting a Holiday or the WorkingWeek replaces, so a change counts at once everywhere
(the cache is Redis shared by every web host and Celery worker in production).
"""

import uuid
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .models import Holiday, WorkingWeek

VERSION_KEY = "workdays:version"
# Entries are replaced by a version change, never updated in place; the timeout only bounds how long
# a calendar read inside a transaction that was later rolled back can be served.
CACHE_SECONDS = 60 * 60
# No SLA runs for decades: walking further means the calendar leaves no working day at all.
MAX_YEARS = 50


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        # add(): when two processes start at once, both end up on the version stored first.
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _new_version() -> None:
    # A fresh random version rather than a counter: if the key is ever evicted, a restarted counter
    # could meet entries cached under an old number.
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate_calendar(using=None, **kwargs) -> None:
    """Signal receiver for Holiday and WorkingWeek saves and deletes.

    Replaced now, so the saving request or task sees its own change, and again on commit, so that a
    calendar another process read before the commit (still without the change) is not kept.
    """
    _new_version()
    transaction.on_commit(_new_version, using=using)


def _local_date(value: date | datetime) -> date:
    if isinstance(value, datetime):  # datetime is a subclass of date: test it first
        if timezone.is_naive(value):
            raise ValueError("A naive datetime has no date in Bangladesh: pass an aware datetime or a date.")
        return timezone.localtime(value, timezone.get_default_timezone()).date()
    return value


def _load_off_weekdays(version: str) -> frozenset[int]:
    key = f"workdays:{version}:week"
    off_weekdays = cache.get(key)
    if off_weekdays is None:
        # Read, not WorkingWeek.load(): that creates the row, a write (and a version change) inside a read.
        week = WorkingWeek.objects.first() or WorkingWeek()
        off_weekdays = week.off_weekdays()
        cache.set(key, off_weekdays, CACHE_SECONDS)
    if len(off_weekdays) == 7:
        raise ValueError("Every day of the week is marked as an off day in the working week setting.")
    return off_weekdays


def _load_exceptions(version: str, first_year: int, last_year: int) -> tuple[frozenset[date], frozenset[date]]:
    """The days off (public and executive-order holidays) and the make-up working days of these years,
    in one query at most."""
    keys = {year: f"workdays:{version}:exceptions:{year}" for year in range(first_year, last_year + 1)}
    cached = cache.get_many(keys.values())
    missing = [year for year, key in keys.items() if key not in cached]
    if missing:
        by_year = {year: (set(), set()) for year in range(missing[0], missing[-1] + 1)}
        rows = Holiday.objects.filter(
            date__gte=date(missing[0], 1, 1),
            date__lte=date(missing[-1], 12, 31),
            kind__in=[*Holiday.DAY_OFF_KINDS, Holiday.Kind.WORKING_DAY],
        ).values_list("date", "kind")
        for day, kind in rows:
            by_year[day.year][kind == Holiday.Kind.WORKING_DAY].add(day)
        loaded = {keys[year]: (frozenset(off), frozenset(on)) for year, (off, on) in by_year.items()}
        cache.set_many(loaded, CACHE_SECONDS)
        cached.update(loaded)
    values = [cached[key] for key in keys.values()]
    return frozenset().union(*(off for off, _ in values)), frozenset().union(*(on for _, on in values))


class WorkingCalendar:
    """The calendar as read once; for many computations in one request or task, load it once and reuse it.

    Holidays are read by whole years, the first time a computation needs a year.
    """

    def __init__(self):
        self._version = _version()
        self.off_weekdays = _load_off_weekdays(self._version)
        self.working_days_per_week = 7 - len(self.off_weekdays)
        self._holidays: frozenset[date] = frozenset()
        self._makeup_days: frozenset[date] = frozenset()
        self._years: range = range(0)

    def _need_years(self, first_year: int, last_year: int) -> None:
        if first_year in self._years and last_year in self._years:
            return
        if self._years:
            # Grow the loaded span, so the holidays stay one contiguous run of years.
            first_year, last_year = min(first_year, self._years.start), max(last_year, self._years.stop - 1)
        self._holidays, self._makeup_days = _load_exceptions(self._version, first_year, last_year)
        self._years = range(first_year, last_year + 1)

    def _is_working(self, day: date) -> bool:
        # Callers have loaded day's year.
        if day in self._makeup_days:
            return True
        return day.weekday() not in self.off_weekdays and day not in self._holidays

    def is_working_day(self, day: date | datetime) -> bool:
        day = _local_date(day)
        self._need_years(day.year, day.year)
        return self._is_working(day)

    def add_working_days(self, start: date | datetime, n: int) -> date:
        """The n-th working day after start (start itself never counts); for n=0, start if it is a working day,
        else the next working day."""
        if n < 0:
            raise ValueError(f"Cannot add a negative number of working days ({n}).")
        day = _local_date(start)
        # Enough calendar days for n working days in full weeks, with room for a year's holidays, so one
        # load nearly always covers the whole walk; a longer walk loads the next years as it reaches them.
        span = (n // self.working_days_per_week + 1) * 7
        limit_year = day.year + MAX_YEARS
        horizon = day + timedelta(days=min(span + span // 4 + 31, 366 * MAX_YEARS))
        self._need_years(day.year, min(horizon.year, limit_year))
        if n == 0 and self._is_working(day):
            return day
        remaining = max(n, 1)
        while remaining:
            day += timedelta(days=1)
            if day.year not in self._years:
                if day.year > limit_year:
                    raise ValueError(
                        f"{n} working days after {start} go past {limit_year}: check the holiday calendar."
                    )
                self._need_years(day.year, day.year)
            if self._is_working(day):
                remaining -= 1
        return day

    def working_days_between(self, start: date | datetime, end: date | datetime) -> int:
        """The number of working days d with start < d <= end; 0 when end is not after start."""
        start, end = _local_date(start), _local_date(end)
        if end <= start:
            return 0
        # Counted by whole weeks and holidays rather than day by day: spans can be years long.
        full_weeks, rest = divmod((end - start).days, 7)
        count = full_weeks * self.working_days_per_week
        count += sum(1 for i in range(1, rest + 1) if (start + timedelta(days=i)).weekday() not in self.off_weekdays)
        self._need_years(start.year, end.year)
        count -= sum(1 for day in self._holidays if start < day <= end and day.weekday() not in self.off_weekdays)
        count += sum(1 for day in self._makeup_days if start < day <= end and day.weekday() in self.off_weekdays)
        return count


def is_working_day(day: date | datetime) -> bool:
    """Whether offices are open on this (Bangladesh) date."""
    return WorkingCalendar().is_working_day(day)


def add_working_days(start: date | datetime, n: int) -> date:
    """The due date of an SLA of n working days started at start: the n-th working day after start's date.

    start's own date never counts, working day or not. n=0 gives start's date if it is a working day, else
    the next working day. A negative n raises ValueError.
    """
    return WorkingCalendar().add_working_days(start, n)


def working_days_between(start: date | datetime, end: date | datetime) -> int:
    """Working days d with start < d <= end (0 if end <= start): resolution days, days overdue."""
    return WorkingCalendar().working_days_between(start, end)
