"""Bengali digits and Bangladesh's official Bengali calendar (Bangla Academy, as revised in 2019).

The revised rule: 1 Boishakh is 14 April; Boishakh to Ashwin have 31 days, Kartik to Magh 30,
Falgun 29 (30 when the Gregorian year it falls in is a leap year) and Choitro 30. The Bengali year
is the Gregorian year minus 593 from 14 April, minus 594 before it. The PyPI package `bangla`
follows the pre-2019 rule, so it is not used.
"""

import calendar
import datetime
from typing import NamedTuple

BENGALI_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
LATIN_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")

BENGALI_MONTHS = (
    "বৈশাখ",
    "জ্যৈষ্ঠ",
    "আষাঢ়",
    "শ্রাবণ",
    "ভাদ্র",
    "আশ্বিন",
    "কার্তিক",
    "অগ্রহায়ণ",
    "পৌষ",
    "মাঘ",
    "ফাল্গুন",
    "চৈত্র",
)

# The same months in the Latin script, for English pages: Bangladesh's common romanisation (as in
# "Pohela Boishakh"), written as they are said in Bangladesh, not transliterated from Sanskrit.
BENGALI_MONTHS_EN = (
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
)

GREGORIAN_MONTHS_BN = (
    "জানুয়ারি",
    "ফেব্রুয়ারি",
    "মার্চ",
    "এপ্রিল",
    "মে",
    "জুন",
    "জুলাই",
    "আগস্ট",
    "সেপ্টেম্বর",
    "অক্টোবর",
    "নভেম্বর",
    "ডিসেম্বর",
)


class BengaliDate(NamedTuple):
    year: int
    month: int  # 1 = Boishakh … 12 = Choitro
    day: int

    @property
    def month_name(self) -> str:
        return BENGALI_MONTHS[self.month - 1]

    @property
    def month_name_en(self) -> str:
        return BENGALI_MONTHS_EN[self.month - 1]

    def __str__(self) -> str:
        return to_bengali_digits(f"{self.day} {self.month_name} {self.year}")

    def in_english(self) -> str:
        """`17 Agrahayan 1428`: the same date written for an English page."""
        return f"{self.day} {self.month_name_en} {self.year}"


def to_bengali_digits(value) -> str:
    """Any number or string with ASCII digits → the same text with Bengali digits."""
    return str(value).translate(BENGALI_DIGITS)


def to_latin_digits(value) -> str:
    """Any number or string with Bengali digits → the same text with ASCII digits."""
    return str(value).translate(LATIN_DIGITS)


def month_lengths(falgun_gregorian_year: int) -> tuple[int, ...]:
    """Lengths of the twelve months of the Bengali year whose Falgun falls in the given year."""
    falgun = 30 if calendar.isleap(falgun_gregorian_year) else 29
    return (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, falgun, 30)


def to_bengali_date(value: datetime.date) -> BengaliDate:
    """Gregorian date (or datetime, taken as its date) → date of the revised Bengali calendar."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    new_year = datetime.date(value.year, 4, 14)
    if value >= new_year:
        year = value.year - 593
    else:
        new_year = datetime.date(value.year - 1, 4, 14)
        year = value.year - 594
    day_of_year = (value - new_year).days  # 0-based
    # Falgun (month 11) always falls in the Gregorian year after 1 Boishakh.
    for month, length in enumerate(month_lengths(new_year.year + 1), start=1):
        if day_of_year < length:
            return BengaliDate(year, month, day_of_year + 1)
        day_of_year -= length
    raise AssertionError("a Bengali year has 365 or 366 days")  # pragma: no cover


def format_bengali_date(value: datetime.date) -> str:
    """`৫ শ্রাবণ ১৪৩০`."""
    return str(to_bengali_date(value))


def format_bengali_date_en(value: datetime.date) -> str:
    """`5 Shrabon 1430`: the Bengali-calendar date in the Latin script and digits."""
    return to_bengali_date(value).in_english()


def format_gregorian_bn(value: datetime.date) -> str:
    """`০২ ডিসেম্বর ২০২১`: the Gregorian date in Bengali words and digits."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return to_bengali_digits(f"{value.day:02d} {GREGORIAN_MONTHS_BN[value.month - 1]} {value.year}")
