"""The working-day calendar: due dates skip weekly off days and holidays, changes count at once, the
calendar is read in a bounded number of queries, and holidays are listed and edited in the admin."""

import importlib
from datetime import UTC, date, datetime, timedelta

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from workflows.core.workdays.models import Holiday, WorkingWeek
from workflows.core.workdays.services import (
    WorkingCalendar,
    add_working_days,
    is_working_day,
    working_days_between,
)

pytestmark = pytest.mark.django_db

# A stretch of November 2026 with no seeded holiday: 19 November is a Thursday.
THURSDAY = date(2026, 11, 19)
FRIDAY = date(2026, 11, 20)
SATURDAY = date(2026, 11, 21)
SUNDAY = date(2026, 11, 22)
MONDAY = date(2026, 11, 23)
TUESDAY = date(2026, 11, 24)

seed_migration = importlib.import_module("workflows.core.workdays.migrations.0002_seed_bangladesh_holidays")


def make_holiday(day, kind=Holiday.Kind.PUBLIC):
    return Holiday.objects.create(date=day, name_bn="পরীক্ষার ছুটি", name_en="Test holiday", kind=kind)


def count_queries(function, *args):
    with CaptureQueriesContext(connection) as queries:
        result = function(*args)
    return result, len(queries)


# --- Weekly off days and holidays -----------------------------------------------------------------


def test_friday_and_saturday_are_skipped():
    assert add_working_days(THURSDAY, 1) == SUNDAY
    assert add_working_days(date(2026, 11, 18), 2) == SUNDAY
    assert not is_working_day(FRIDAY)
    assert not is_working_day(SATURDAY)
    assert is_working_day(SUNDAY)


@pytest.mark.parametrize("kind", [Holiday.Kind.PUBLIC, Holiday.Kind.EXECUTIVE_ORDER])
def test_public_and_executive_order_holidays_are_skipped(kind):
    make_holiday(MONDAY, kind)
    assert add_working_days(SUNDAY, 1) == TUESDAY
    assert not is_working_day(MONDAY)


def test_optional_holiday_is_still_a_working_day():
    make_holiday(MONDAY, Holiday.Kind.OPTIONAL)
    assert add_working_days(SUNDAY, 1) == MONDAY
    assert is_working_day(MONDAY)


def test_the_start_day_never_counts():
    # Starting on a Friday: Saturday is off, Sunday is the first working day after the start.
    assert add_working_days(FRIDAY, 1) == SUNDAY
    assert add_working_days(SUNDAY, 1) == MONDAY


def test_across_the_year_boundary():
    # Wednesday 30 December 2026: Thursday 31, then Friday and Saturday off, then Sunday 3 January 2027.
    assert add_working_days(date(2026, 12, 30), 2) == date(2027, 1, 3)
    make_holiday(date(2027, 1, 3))
    assert add_working_days(date(2026, 12, 30), 2) == date(2027, 1, 4)


def test_a_walk_past_the_loaded_years_loads_the_next_year():
    # Every working day from the start to the end of the year is a holiday: the first working day is in 2027,
    # beyond the span loaded for a one-day SLA.
    day = SUNDAY
    while day.year == 2026:
        if day.weekday() not in (4, 5) and not Holiday.objects.filter(date=day).exists():
            make_holiday(day)
        day += timedelta(days=1)
    cache.clear()
    result, queries = count_queries(add_working_days, FRIDAY, 1)
    assert result == date(2027, 1, 3)
    assert queries == 3  # the working week, the holidays of 2026, then those of 2027


def test_zero_days_on_a_working_day_is_that_day():
    assert add_working_days(THURSDAY, 0) == THURSDAY


def test_zero_days_on_a_friday_is_the_next_working_day():
    assert add_working_days(FRIDAY, 0) == SUNDAY


def test_zero_days_on_a_holiday_is_the_next_working_day():
    make_holiday(SUNDAY)
    assert add_working_days(FRIDAY, 0) == MONDAY


def test_a_negative_number_of_days_is_refused():
    with pytest.raises(ValueError, match="negative"):
        add_working_days(THURSDAY, -1)


# --- Datetimes are Bangladesh dates ---------------------------------------------------------------


def test_an_aware_datetime_counts_on_its_date_in_dhaka():
    # 19:30 UTC on Wednesday 18 November is 01:30 on Thursday 19 November in Dhaka (UTC+6).
    late_at_night = datetime(2026, 11, 18, 19, 30, tzinfo=UTC)
    assert add_working_days(late_at_night, 0) == THURSDAY
    assert add_working_days(late_at_night, 1) == SUNDAY
    assert working_days_between(late_at_night, SUNDAY) == 1


def test_the_dhaka_date_is_used_whatever_timezone_is_active():
    with timezone.override("America/New_York"):
        assert add_working_days(datetime(2026, 11, 18, 19, 30, tzinfo=UTC), 1) == SUNDAY


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="naive"):
        add_working_days(datetime(2026, 11, 18, 19, 30), 1)


# --- Changes count at once ------------------------------------------------------------------------


def test_changing_the_working_week_changes_due_dates_at_once():
    assert add_working_days(THURSDAY, 1) == SUNDAY
    _, queries = count_queries(add_working_days, THURSDAY, 1)
    assert queries == 0  # served from the cache
    week = WorkingWeek.load()
    week.saturday_off = False
    week.save()
    assert add_working_days(THURSDAY, 1) == SATURDAY
    assert is_working_day(SATURDAY)


def test_adding_and_deleting_a_holiday_changes_due_dates_at_once():
    assert add_working_days(SUNDAY, 1) == MONDAY
    holiday = make_holiday(MONDAY)
    assert add_working_days(SUNDAY, 1) == TUESDAY
    holiday.kind = Holiday.Kind.OPTIONAL
    holiday.save()
    assert add_working_days(SUNDAY, 1) == MONDAY
    holiday.kind = Holiday.Kind.PUBLIC
    holiday.save()
    assert add_working_days(SUNDAY, 1) == TUESDAY
    holiday.delete()
    assert add_working_days(SUNDAY, 1) == MONDAY


def test_the_cache_is_dropped_again_when_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_holiday(MONDAY)
    assert len(callbacks) == 1  # a second version change, for readers that cached before the commit


def test_a_walk_without_end_is_stopped():
    with pytest.raises(ValueError, match="go past"):
        add_working_days(THURSDAY, 100_000)


def test_a_week_with_no_working_day_is_refused():
    week = WorkingWeek.load()
    for field in WorkingWeek.WEEKDAY_FIELDS.values():
        setattr(week, field, True)
    with pytest.raises(ValidationError):
        week.full_clean()
    week.save()  # bypassing the form's validation
    with pytest.raises(ValueError, match="Every day of the week"):
        add_working_days(THURSDAY, 1)


# --- Working days between two dates ---------------------------------------------------------------


def test_working_days_between():
    assert working_days_between(THURSDAY, SUNDAY) == 1
    assert working_days_between(THURSDAY, FRIDAY) == 0
    assert working_days_between(SUNDAY, SUNDAY + timedelta(days=7)) == 5
    # Ten weeks to 31 January 2027, less Victory Day and Shab-e-Barat (Christmas is a Friday).
    assert working_days_between(SUNDAY, SUNDAY + timedelta(days=70)) == 50 - 2
    assert working_days_between(SUNDAY, SUNDAY) == 0
    assert working_days_between(TUESDAY, SUNDAY) == 0
    make_holiday(MONDAY)
    make_holiday(TUESDAY, Holiday.Kind.OPTIONAL)
    assert working_days_between(SUNDAY, SUNDAY + timedelta(days=7)) == 4


def test_working_days_between_counts_the_seeded_holidays():
    # March 2026 has 23 days from Sunday to Thursday; six are holidays: Shab-e-Qadr on the 17th, the Eid ul-Fitr
    # break's 18th, 19th, 22nd and 23rd (the 20th and 21st are a Friday and a Saturday) and Independence Day.
    assert working_days_between(date(2026, 2, 28), date(2026, 3, 31)) == 23 - 6


@pytest.mark.parametrize("start", [date(2025, 12, 20), date(2026, 3, 15), date(2026, 5, 20), FRIDAY])
def test_working_days_between_undoes_add_working_days(start):
    calendar = WorkingCalendar()
    for n in range(0, 60, 7):
        due = calendar.add_working_days(start, n)
        # n=0 on a day off gives the next working day: one working day after the start.
        expected = n if n else (0 if calendar.is_working_day(start) else 1)
        assert calendar.working_days_between(start, due) == expected
        assert calendar.is_working_day(due)


# --- A bounded number of queries ------------------------------------------------------------------


def test_the_calendar_is_read_in_the_same_few_queries_whatever_the_number_of_days():
    start = date(2026, 6, 1)
    cache.clear()
    short, short_queries = count_queries(add_working_days, start, 5)
    cache.clear()
    long, long_queries = count_queries(add_working_days, start, 200)
    assert short == date(2026, 6, 8)
    assert long > date(2027, 3, 1)
    assert short_queries == long_queries <= 2
    _, cached_queries = count_queries(add_working_days, start, 200)
    assert cached_queries == 0


def test_working_days_between_is_read_in_the_same_few_queries_whatever_the_span():
    cache.clear()
    _, short_queries = count_queries(working_days_between, date(2026, 6, 1), date(2026, 6, 8))
    cache.clear()
    _, long_queries = count_queries(working_days_between, date(2025, 1, 1), date(2027, 12, 31))
    assert short_queries == long_queries <= 2


# --- The seeded holidays --------------------------------------------------------------------------


def test_the_seed_holds_bangladeshs_public_holidays():
    independence = Holiday.objects.get(date=date(2026, 3, 26))
    victory = Holiday.objects.get(date=date(2026, 12, 16))
    assert independence.kind == victory.kind == Holiday.Kind.PUBLIC
    assert victory.name_en == "Victory Day"
    assert victory.name_bn == "বিজয় দিবস"
    for year in (2025, 2026, 2027):
        assert Holiday.objects.filter(date=date(year, 2, 21)).exists()
        assert Holiday.objects.filter(date=date(year, 8, 5), name_en="July Mass Uprising Day").exists()
        assert not Holiday.objects.filter(date=date(year, 3, 17), name_en__icontains="Father").exists()
        assert Holiday.objects.filter(date__year=year, name_en="Eid ul-Fitr").count() == 1
    assert not is_working_day(date(2026, 3, 26))
    assert not is_working_day(date(2026, 12, 16))


def test_holiday_name_follows_the_active_language():
    victory = Holiday.objects.get(date=date(2026, 12, 16))
    with translation.override("en"):
        assert victory.name == "Victory Day"
    with translation.override("bn"):
        assert victory.name == "বিজয় দিবস"


def test_the_seed_migration_is_reversible_and_does_not_duplicate():
    seeded_dates = [date.fromisoformat(day) for day, _kind, _key in seed_migration.HOLIDAYS]
    assert Holiday.objects.filter(date__in=seeded_dates).count() == len(seeded_dates)
    seed_migration.unseed_holidays(django_apps, None)
    assert not Holiday.objects.filter(date__in=seeded_dates).exists()
    seed_migration.seed_holidays(django_apps, None)
    seed_migration.seed_holidays(django_apps, None)
    assert Holiday.objects.filter(date__in=seeded_dates).count() == len(seeded_dates)


# --- The admin ------------------------------------------------------------------------------------

LISTING_URL = "/admin/snippets/workdays/holiday/"


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("calendar-admin", "calendar-admin@example.gov.bd", "pass")


def get_and_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


@pytest.mark.parametrize("query", ["", "?kind=optional"])
def test_holiday_listing_runs_a_constant_number_of_queries(client, superuser, query):
    client.force_login(superuser)
    make_holiday(date(2030, 1, 1), Holiday.Kind.OPTIONAL)
    client.get(LISTING_URL + query)  # the first request after login runs one-off queries
    _, before = get_and_count(client, LISTING_URL + query)
    for n in range(1, 16):
        make_holiday(date(2030, 1, 1) + timedelta(days=n), Holiday.Kind.OPTIONAL)
    response, after = get_and_count(client, LISTING_URL + query)
    assert after == before
    if query:
        assert len(response.context["object_list"]) == 16


def test_holiday_listing_shows_the_seeded_holidays_and_searches_them(client, superuser):
    client.force_login(superuser)
    response = client.get(LISTING_URL)
    assert "শহীদ দিবস ও আন্তর্জাতিক মাতৃভাষা দিবস" in response.text
    response = client.get(LISTING_URL + "?q=Victory")
    assert response.status_code == 200
    assert "বিজয় দিবস" in response.text
    assert "শহীদ দিবস" not in response.text


def test_holiday_listing_sends_anonymous_visitors_to_login(client):
    response = client.get(LISTING_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_working_week_setting_is_edited_in_the_admin(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/settings/workdays/workingweek/", follow=True)
    assert response.status_code == 200
    assert 'name="friday_off"' in response.text


def test_a_make_up_working_saturday_counts_as_a_working_day():
    make_holiday(SATURDAY, kind=Holiday.Kind.WORKING_DAY)
    assert is_working_day(SATURDAY)
    assert not is_working_day(FRIDAY)
    assert add_working_days(THURSDAY, 1) == SATURDAY
    assert add_working_days(THURSDAY, 2) == SUNDAY
    assert working_days_between(THURSDAY, SUNDAY) == 2
    assert working_days_between(THURSDAY, add_working_days(THURSDAY, 5)) == 5


def test_a_make_up_working_day_must_fall_on_a_weekly_off_day():
    with pytest.raises(ValidationError) as error:
        Holiday(date=MONDAY, name_bn="ভুল", name_en="Wrong", kind=Holiday.Kind.WORKING_DAY).full_clean()
    assert "kind" in error.value.message_dict
    Holiday(date=SATURDAY, name_bn="কর্মদিবস", name_en="Working day", kind=Holiday.Kind.WORKING_DAY).full_clean()
