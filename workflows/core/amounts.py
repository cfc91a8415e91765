"""Amounts of money in taka as people type and read them in Bangladesh: Bengali or Latin digits, lakh-crore grouping.

`parse_amount("১২,৫০,০০০.৫০")` is `Decimal("1250000.50")`: two places always, commas either in the
Bangladeshi way (12,50,000) or the international one (1,250,000), never misplaced. Negative amounts, more
than two decimals (paisa) and anything else are refused with a translated message. `format_amount` prints
the lakh-crore grouping (`12,50,000.50`, `১২,৫০,০০০.৫০` on Bengali pages); `AmountField` is the form field
(a DecimalField) that reads and shows amounts this way, and the `taka` filter in `workflows_core` prints them.
"""

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pages.base.bengali_calendar import to_bengali_digits, to_latin_digits

# Up to 999,99,99,99,999.99 (about ten thousand crore): more than any union or establishment declares.
MAX_DIGITS = 14
DECIMAL_PLACES = 2
PAISA = Decimal("0.01")

INVALID_AMOUNT = _("Enter an amount in taka with digits, for example 12,50,000.50.")
NEGATIVE_AMOUNT = _("An amount cannot be negative.")
TOO_MANY_DECIMALS = _("Enter at most two digits after the decimal point (paisa).")
TOO_LARGE = _("This amount is too large.")

# Written before or after the amount and ignored: the taka sign, "Tk", "টাকা".
CURRENCY_RE = re.compile(r"^(?:৳|tk\.?|টাকা)\s*|\s*(?:৳|tk\.?|/-|টাকা)$", re.IGNORECASE)
# The integer part: plain digits, or grouped by commas (lakh-crore: 1,23,45,678; international: 12,345,678).
PLAIN_RE = re.compile(r"\d+")
LAKH_RE = re.compile(r"\d{1,2}(?:,\d{2})*,\d{3}")
INTERNATIONAL_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
NUMBER_RE = re.compile(r"(?P<integer>[\d,]*)(?:\.(?P<fraction>\d*))?")
MINUS_SIGNS = "-−‐–—"


def parse_amount(value) -> Decimal:
    """An amount in taka as a Decimal with two places; raises ValidationError (translated) otherwise."""
    if isinstance(value, bool):
        raise ValidationError(INVALID_AMOUNT, code="invalid_amount")
    if isinstance(value, int | Decimal):
        return _checked(Decimal(value))
    if isinstance(value, float):
        return _checked(Decimal(str(value)))
    text = to_latin_digits(unicodedata.normalize("NFKC", str(value or ""))).strip()
    text = CURRENCY_RE.sub("", text).strip().replace(" ", "").replace("\u00a0", "")
    if text[:1] in MINUS_SIGNS or (text.startswith("(") and text.endswith(")")):
        body = text[1:-1] if text.startswith("(") else text[1:]
        if NUMBER_RE.fullmatch(body) and re.search(r"\d", body):
            raise ValidationError(NEGATIVE_AMOUNT, code="negative_amount")
        raise ValidationError(INVALID_AMOUNT, code="invalid_amount")
    text = text.lstrip("+")
    match = NUMBER_RE.fullmatch(text)
    if not match or not re.search(r"\d", text):
        raise ValidationError(INVALID_AMOUNT, code="invalid_amount")
    integer, fraction = match["integer"] or "0", match["fraction"] or ""
    if "," in integer and not (LAKH_RE.fullmatch(integer) or INTERNATIONAL_RE.fullmatch(integer)):
        raise ValidationError(INVALID_AMOUNT, code="invalid_amount")
    if len(fraction) > DECIMAL_PLACES:
        raise ValidationError(TOO_MANY_DECIMALS, code="too_many_decimals")
    try:
        amount = Decimal(f"{integer.replace(',', '')}.{fraction or '0'}")
    except InvalidOperation:  # pragma: no cover - the patterns admit digits only
        raise ValidationError(INVALID_AMOUNT, code="invalid_amount") from None
    return _checked(amount)


def _checked(amount: Decimal) -> Decimal:
    if not amount.is_finite():
        raise ValidationError(INVALID_AMOUNT, code="invalid_amount")
    if amount < 0:
        raise ValidationError(NEGATIVE_AMOUNT, code="negative_amount")
    if amount != amount.quantize(PAISA):
        raise ValidationError(TOO_MANY_DECIMALS, code="too_many_decimals")
    if amount >= Decimal(10) ** (MAX_DIGITS - DECIMAL_PLACES):
        raise ValidationError(TOO_LARGE, code="too_large")
    return amount.quantize(PAISA)


def group_lakh(digits: str) -> str:
    """'1250000' → '12,50,000': the last three digits, then groups of two (lakh, crore…)."""
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    groups.insert(0, head)
    return ",".join([*groups, tail])


def format_amount(value, *, bengali: bool | None = None) -> str:
    """`12,50,000.50`, or `১২,৫০,০০০.৫০` with `bengali` (default: the active language is Bengali).

    Two places always; a negative amount (a difference) starts with a minus sign. Not a number: returned
    as text unchanged.
    """
    if bengali is None:
        from pages.base.templatetags.bangla import is_bengali

        bengali = is_bengali()
    try:
        amount = Decimal(value).quantize(PAISA, rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return "" if value is None else str(value)
    sign = "-" if amount < 0 else ""
    integer, fraction = f"{abs(amount):.2f}".split(".")
    text = f"{sign}{group_lakh(integer)}.{fraction}"
    return to_bengali_digits(text) if bengali else text


class AmountInput(forms.TextInput):
    """A text box (a number box would refuse Bengali digits and commas) that brings up a keypad on a phone."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", "class": "amount", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal | int | float):
            return format_amount(value)
        return super().format_value(value)


class AmountField(forms.DecimalField):
    """An amount in taka, typed in either script with lakh or international grouping (parse_amount)."""

    widget = AmountInput

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", MAX_DIGITS)
        kwargs.setdefault("decimal_places", DECIMAL_PLACES)
        super().__init__(**kwargs)
        # parse_amount checks the sign, places and size with its own messages: drop the number box's.
        self.validators = [v for v in self.validators if not hasattr(v, "limit_value")]

    def widget_attrs(self, widget):
        # Not DecimalField's: its `step` and `min` belong to a number box.
        return forms.Field.widget_attrs(self, widget)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        return parse_amount(value)

    def validate(self, value):
        forms.Field.validate(self, value)
