"""Bangladesh's revised (2019) Bengali calendar and Bengali digits, checked month boundary by month boundary."""

import calendar
import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from pages.base.bengali_calendar import (
    BENGALI_MONTHS,
    BENGALI_MONTHS_EN,
    format_bengali_date,
    format_bengali_date_en,
    format_gregorian_bn,
    to_bengali_date,
    to_bengali_digits,
)

# The first day of each Bengali month, written down from the rule itself (not from the code):
# Boishakh–Ashwin 31 days, Kartik–Magh 30, Falgun 29/30, Chaitra 30, 1 Boishakh = 14 April.
MONTH_STARTS = [
    (4, 14),  # বৈশাখ
    (5, 15),  # জ্যৈষ্ঠ
    (6, 15),  # আষাঢ়
    (7, 16),  # শ্রাবণ
    (8, 16),  # ভাদ্র
    (9, 16),  # আশ্বিন
    (10, 17),  # কার্তিক
    (11, 16),  # অগ্রহায়ণ
    (12, 16),  # পৌষ
    (1, 15),  # মাঘ (next Gregorian year)
    (2, 14),  # ফাল্গুন (next Gregorian year)
    (3, 15),  # চৈত্র (next Gregorian year): always 15 March, leap year or not
]
EXPECTED_LENGTHS = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, None, 30]  # Falgun depends on the leap year
YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2027, 2099]  # Bengali years 1426…; Falguns of 2020, 2024, 2028 leap


def month_start(gregorian_year_of_boishakh, month_index):
    month, day = MONTH_STARTS[month_index]
    year = gregorian_year_of_boishakh + (1 if month < 4 else 0)
    return datetime.date(year, month, day)


@pytest.mark.parametrize("g_year", YEARS)
@pytest.mark.parametrize("month_index", range(12))
def test_first_day_of_every_month(g_year, month_index):
    start = month_start(g_year, month_index)
    assert to_bengali_date(start) == (g_year - 593, month_index + 1, 1)


@pytest.mark.parametrize("g_year", YEARS)
@pytest.mark.parametrize("month_index", range(12))
def test_last_day_of_every_month(g_year, month_index):
    if month_index == 11:
        last_day = datetime.date(g_year + 1, 4, 13)
    else:
        last_day = month_start(g_year, month_index + 1) - datetime.timedelta(days=1)
    length = EXPECTED_LENGTHS[month_index]
    if length is None:  # Falgun: 30 days when its February has 29
        length = 30 if calendar.isleap(g_year + 1) else 29
    assert to_bengali_date(last_day) == (g_year - 593, month_index + 1, length)


@pytest.mark.parametrize(
    ("gregorian", "expected"),
    [
        (datetime.date(2024, 2, 29), (1430, 11, 16)),  # leap day falls in Falgun
        (datetime.date(2024, 3, 14), (1430, 11, 30)),  # Falgun has 30 days in a leap year
        (datetime.date(2023, 3, 14), (1429, 11, 29)),  # and 29 otherwise
        (datetime.date(2000, 3, 14), (1406, 11, 30)),  # 2000 is a leap year
        (datetime.date(2100, 3, 14), (1506, 11, 29)),  # 2100 is not
        (datetime.date(2024, 4, 13), (1430, 12, 30)),
        (datetime.date(2024, 4, 14), (1431, 1, 1)),
    ],
)
def test_leap_years(gregorian, expected):
    assert to_bengali_date(gregorian) == expected


@pytest.mark.parametrize(
    ("gregorian", "expected"),
    [
        # The days the 2019 revision was made to keep fixed.
        (datetime.date(2022, 2, 21), "৮ ফাল্গুন ১৪২৮"),  # International Mother Language Day
        (datetime.date(2024, 2, 21), "৮ ফাল্গুন ১৪৩০"),
        (datetime.date(2023, 3, 26), "১২ চৈত্র ১৪২৯"),  # Independence Day
        (datetime.date(2023, 12, 16), "১ পৌষ ১৪৩০"),  # Victory Day
        (datetime.date(2023, 7, 20), "৫ শ্রাবণ ১৪৩০"),
        # The seed memo: dated 17 Agrahayan 1428 / 02 December 2021.
        (datetime.date(2021, 12, 2), "১৭ অগ্রহায়ণ ১৪২৮"),
    ],
)
def test_known_dates(gregorian, expected):
    assert format_bengali_date(gregorian) == expected


def test_every_day_of_a_decade_advances_by_one():
    day = datetime.date(2019, 4, 14)
    previous = to_bengali_date(day)
    while day < datetime.date(2030, 4, 14):
        day += datetime.timedelta(days=1)
        current = to_bengali_date(day)
        if current.day == 1:
            assert current.month == previous.month % 12 + 1
            assert current.year == previous.year + (1 if current.month == 1 else 0)
        else:
            assert current == (previous.year, previous.month, previous.day + 1)
        previous = current


def test_datetime_is_taken_as_its_date():
    assert to_bengali_date(datetime.datetime(2021, 12, 2, 23, 59)) == (1428, 8, 17)
    assert BENGALI_MONTHS[7] == "অগ্রহায়ণ"


def test_bengali_digits():
    assert to_bengali_digits(1234567890) == "১২৩৪৫৬৭৮৯০"
    assert to_bengali_digits("Page 3 of 12") == "Page ৩ of ১২"
    assert to_bengali_digits(2.5) == "২.৫"


def test_gregorian_in_bengali():
    assert format_gregorian_bn(datetime.date(2021, 12, 2)) == "০২ ডিসেম্বর ২০২১"
    assert format_gregorian_bn(datetime.date(2024, 1, 15)) == "১৫ জানুয়ারি ২০২৪"


def render(template, **context):
    return Template("{% load bangla %}" + template).render(Context(context))


def test_filters():
    date = datetime.date(2021, 12, 2)
    assert render("{{ d|bn_date }}", d=date) == "১৭ অগ্রহায়ণ ১৪২৮"
    assert render("{{ d|bn_gregorian }}", d=date) == "০২ ডিসেম্বর ২০২১"
    assert render("{{ n|bn_digits }}", n=2021) == "২০২১"
    assert render("{{ n|bn_digits }}", n=None) == "None"
    assert render("{{ s|bn_date }}", s="not a date") == "not a date"


def test_aware_datetimes_are_read_in_dhaka_time():
    # 20:00 UTC on 13 April is 02:00 on 14 April in Dhaka: already the new year.
    moment = datetime.datetime(2024, 4, 13, 20, 0, tzinfo=datetime.UTC)
    assert render("{{ m|bn_date }}", m=moment) == "১ বৈশাখ ১৪৩১"


def test_local_filters_follow_the_language():
    date = datetime.date(2021, 12, 2)
    with translation.override("bn"):
        assert render("{{ d|local_date }} {{ n|local_digits }}", d=date, n=42) == "০২ ডিসেম্বর ২০২১ ৪২"
    with translation.override("en"):
        assert render("{{ d|local_date }} {{ n|local_digits }}", d=date, n=42) == "02 December 2021 42"


ENGLISH_MONTHS = [
    "Boishakh",
    "Joishtho",
    "Asharh",
    "Shrabon",
    "Bhadro",
    "Ashwin",
    "Kartik",
    "Agrahayan",
    "Poush",
    "Magh",
    "Falgun",
    "Choitro",
]


@pytest.mark.parametrize("year", [2021, 2023, 2024])
def test_each_month_starts_on_its_day_in_english_too(year):
    for index, english in enumerate(ENGLISH_MONTHS):
        first = month_start(year, index)
        assert format_bengali_date_en(first) == f"1 {english} {year - 593}"
        assert format_bengali_date_en(first - datetime.timedelta(days=1)).split()[1] == ENGLISH_MONTHS[index - 1]
    assert len(BENGALI_MONTHS_EN) == len(BENGALI_MONTHS) == 12


def test_english_dates_of_the_known_days():
    assert format_bengali_date_en(datetime.date(2021, 12, 2)) == "17 Agrahayan 1428"  # the seed memo
    assert format_bengali_date_en(datetime.date(2022, 2, 21)) == "8 Falgun 1428"
    assert format_bengali_date_en(datetime.date(2023, 3, 26)) == "12 Choitro 1429"
    assert format_bengali_date_en(datetime.date(2023, 4, 14)) == "1 Boishakh 1430"


def test_local_bn_date_follows_the_page_language():
    date = datetime.date(2021, 12, 2)
    with translation.override("bn"):
        assert render("{{ d|local_bn_date }}", d=date) == "১৭ অগ্রহায়ণ ১৪২৮"
    with translation.override("en"):
        assert render("{{ d|local_bn_date }}", d=date) == "17 Agrahayan 1428"
        assert render("{{ s|local_bn_date }}", s="not a date") == "not a date"
