"""What officers type into spreadsheets, as clean values: digits, mobile numbers, dates, numbers, names, NIDs.

Each parser takes one cell as the file gives it (text from a CSV; text, a number or a date from an XLSX)
and returns the clean value, or raises ValidationError with a message fit to show next to the row. A
parser is never given an empty cell: the import column decides what an empty cell means.

Bengali digits are accepted wherever digits are. Text typed in the legacy Bijoy encoding (ASCII and
Latin-1 letters that the SutonnyMJ font draws as Bengali glyphs: "†gvt Kwig" is মোঃ করিম) is detected
and refused, never converted: a wrong guess would store a wrong name.
"""

import datetime
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pages.base.bengali_calendar import to_latin_digits
from workflows.core.notifications.sms import INVALID_BD_MOBILE, normalize_bd_mobile

BENGALI_LETTER_RE = re.compile(r"[\u0985-\u09b9\u09ce\u09dc-\u09df\u09f0\u09f1]")
LATIN_LETTER_RE = re.compile(r"[A-Za-z]")
SPACES_RE = re.compile(r"\s+")

NOT_BENGALI = _("Must be written in Bengali script.")
NOT_ENGLISH = _("Must be written in English (Latin) letters.")
BIJOY_TEXT = _(
    "The text seems to be typed in the old Bijoy (ASCII) encoding; type it again in Unicode (for example with Avro)."
)
INVALID_DATE = _("Enter a date as dd/mm/yyyy, for example 25/12/2024.")
INVALID_INTEGER = _("Enter a whole number.")
INVALID_NID = _("Enter a national ID number of 10, 13 or 17 digits.")
NID_AS_NUMBER = _(
    "The national ID number was stored as a number and may have lost digits; "
    "format the column as text and type it again."
)


def clean_text(value) -> str:
    """NFC-normalised, trimmed, inner runs of spaces (and line breaks) collapsed to one space."""
    return SPACES_RE.sub(" ", unicodedata.normalize("NFC", str(value))).strip()


def has_bengali(text: str) -> bool:
    return bool(BENGALI_LETTER_RE.search(text))


# --- Bijoy --------------------------------------------------------------------------------------

# Characters the SutonnyMJ font draws as vowel signs, conjuncts and ref/phala marks. In Windows-1252 text
# they are typographic symbols nobody puts in a name: one is enough.
BIJOY_SYMBOLS = set("†‡ˆ‰Š‹ŒšœŸƒ¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾¿×÷")
# Latin-1 letters that are conjuncts in Bijoy (í = ল্প, ó = ষ্ট, Ö = ্র, ÿ = ক্ষ…) but also letters of
# European names: each counts once, never alone.
BIJOY_LATIN1_LETTERS = set("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ")
# Bijoy's consonant keys as they appear in ASCII: K–Z are ক–ত, and lowercase b–q are ন–য়. English
# vowels (and y) are left out of the lowercase ones, so an English syllable never looks like one.
_CONSONANT = "bcdfghjklmnpqstwxzK-Z`_"
BIJOY_PATTERNS = (
    # ি typed before its consonant, at the start of a word (wkí শিল্প, wm‡jU সিলেট); English words
    # that start with w take a vowel, h or r.
    re.compile(r"(?<![A-Za-z])w[bcdfgjklmnpqstK-Z`_]"),
    # A Bijoy consonant (capital) right after a lowercase letter: XvKv ঢাকা, LvZzb খাতুন. English names do
    # this rarely (McDonald), so it is one point.
    re.compile(r"[a-z][K-Z]"),
    # A capital consonant key followed by v (া): Kv কা, Lv খা, Rv জা, Xv ঢা. S (Sven) and T are left out.
    re.compile(r"[KLMNPQRUVWXYZ]v"),
    # A capital consonant key followed by w (ি of the next consonant): Kwig করিম; Sw (Swapan) and Tw left out.
    re.compile(r"[KLMNPQRUVWXYZ]w"),
    # v (া) followed by a consonant key: gvt, Lvb, evsjv, Avgvi আমার. English puts a vowel after v.
    re.compile(rf"v[{_CONSONANT}]"),
    # A word ending in a consonant and v (evsjv বাংলা, Lyjbv খুলনা); Dev, Rajiv and Slav end in a vowel and v.
    re.compile(rf"[{_CONSONANT}]v(?![A-Za-z])"),
)
# Short English words without a vowel, which the next rule must not count.
_VOWELLESS_WORDS = {"md", "mst", "mrs", "mr", "dr", "jr", "sr", "st", "ltd", "nd", "th"}
_WORD_RE = re.compile(r"[A-Za-z`_]{3,}")


def bijoy_score(text: str) -> int:
    """How much the text looks like Bijoy-encoded Bengali: 0 for Unicode Bengali and for ordinary
    English; each telltale adds a point, a Bijoy-only symbol two."""
    if has_bengali(text):
        return 0
    score = 2 * sum(char in BIJOY_SYMBOLS for char in text)
    # Accents count once in all: José Müller is one point, not two.
    score += any(char in BIJOY_LATIN1_LETTERS for char in text)
    for pattern in BIJOY_PATTERNS:
        score += len(pattern.findall(text))
    for word in _WORD_RE.findall(text):
        # A word of three letters or more with no vowel at all: gvt মোঃ, Lvb খান, ingvb রহমান has i but
        # is caught above. All-capital words are abbreviations (MBBS).
        if not re.search(r"[aeiouyAEIOUY]", word) and not word.isupper() and word.lower() not in _VOWELLESS_WORDS:
            score += 1
    return score


def looks_like_bijoy(text: str, *, threshold: int = 2) -> bool:
    """True when the text is most likely Bengali typed in the Bijoy encoding.

    Two telltales are needed by default, so English names and Latin-1 accents alone pass; a column
    that must be Bengali anyway refuses Latin text whatever the score, and asks with threshold 1 only
    to choose the more helpful message.
    """
    return bijoy_score(text) >= threshold


# --- Text ---------------------------------------------------------------------------------------


def bengali_text(value) -> str:
    """Text in Bengali script (a name, an address), NFC, trimmed and with single spaces."""
    text = clean_text(value)
    if not has_bengali(text):
        if looks_like_bijoy(text, threshold=1):
            raise ValidationError(BIJOY_TEXT, code="bijoy")
        raise ValidationError(NOT_BENGALI, code="not_bengali")
    if looks_like_bijoy(BENGALI_LETTER_RE.sub(" ", text)):
        # Unicode Bengali with Bijoy pieces in it (a name pasted half from an old file).
        raise ValidationError(BIJOY_TEXT, code="bijoy")
    return text


def english_text(value) -> str:
    """Text in Latin letters (a name in English), NFC, trimmed and with single spaces."""
    text = clean_text(value)
    if has_bengali(text) or not LATIN_LETTER_RE.search(text):
        raise ValidationError(NOT_ENGLISH, code="not_english")
    if looks_like_bijoy(text):
        raise ValidationError(BIJOY_TEXT, code="bijoy")
    return text


# --- Numbers ------------------------------------------------------------------------------------


def latin_digits(value) -> str:
    """The cell as text with Bengali digits made Latin, trimmed."""
    return to_latin_digits(clean_text(value))


def bd_mobile(value) -> str:
    """A Bangladeshi mobile number in the platform's one stored form (`+8801712345678`; see
    notifications.sms): 01XXXXXXXXX, 8801…, +8801…, with spaces or dashes, in either script. A number
    cell from XLSX has lost its leading 0 (1712345678) and gets it back."""
    if isinstance(value, bool):
        raise ValidationError(INVALID_BD_MOBILE, code="invalid_bd_mobile")
    if isinstance(value, int | float):
        if value != int(value):
            raise ValidationError(INVALID_BD_MOBILE, code="invalid_bd_mobile")
        text = str(int(value))
        value = "0" + text if len(text) == 10 else text
    return normalize_bd_mobile(latin_digits(value))


def integer(value) -> int:
    """A whole number: 12, ১২, 1,200, or an XLSX number cell holding a whole number."""
    if isinstance(value, bool):
        raise ValidationError(INVALID_INTEGER, code="invalid_integer")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value != int(value):
            raise ValidationError(INVALID_INTEGER, code="invalid_integer")
        return int(value)
    text = latin_digits(value).replace(",", "").replace(" ", "")
    if not re.fullmatch(r"[-+]?\d{1,15}", text):
        raise ValidationError(INVALID_INTEGER, code="invalid_integer")
    return int(text)


def amount(value):
    """An amount in taka (amounts.parse_amount): ১২,৫০,০০০.৫০, 1250000.5, or an XLSX number cell."""
    from .amounts import parse_amount

    return parse_amount(value)


def nid(value) -> str:
    """A national ID number: 10 digits (smart card), 13 or 17 (older cards), spaces and dashes ignored."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Spreadsheet programs keep 15 significant digits: a 17-digit number cell is already wrong.
        if value != int(value) or len(str(int(value))) > 15:
            raise ValidationError(NID_AS_NUMBER, code="nid_as_number")
        value = str(int(value))
    text = re.sub(r"[\s\-]", "", latin_digits(value))
    if not re.fullmatch(r"\d{10}|\d{13}|\d{17}", text):
        raise ValidationError(INVALID_NID, code="invalid_nid")
    return text


# --- Dates --------------------------------------------------------------------------------------

ISO_DATE_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
# Day first, as dates are written in Bangladesh: 25/12/2024, 25-12-2024, 25.12.2024.
DAY_FIRST_RE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
# What a spreadsheet program writes when a date cell is saved to CSV with its time: 2024-12-25 00:00:00.
MIDNIGHT_RE = re.compile(r"\s+0{1,2}:00(?::00)?$")


def date_value(value) -> datetime.date:
    """A date: a date cell of an XLSX file, or text as yyyy-mm-dd or dd/mm/yyyy (also with - or .), in
    either script. A bare number is refused: it may be a serial day count or a typing slip."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise ValidationError(INVALID_DATE, code="invalid_date")
    text = MIDNIGHT_RE.sub("", latin_digits(value))
    if match := ISO_DATE_RE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := DAY_FIRST_RE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ValidationError(INVALID_DATE, code="invalid_date")
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValidationError(INVALID_DATE, code="invalid_date") from None
