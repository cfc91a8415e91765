"""Amounts in taka (workflows/core/amounts.py): parsing either script and either grouping, refusals with
translated messages, lakh-crore display, the form field and the `taka` filter."""

from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

from workflows.core.amounts import AmountField, format_amount, group_lakh, parse_amount
from workflows.core.textnorm import amount as amount_cell


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("১২,৫০,০০০.৫০", "1250000.50"),
        ("1250000.5", "1250000.50"),
        ("12,50,000", "1250000.00"),
        ("1,250,000", "1250000.00"),
        ("১২৫০০০০", "1250000.00"),
        ("1,23,45,678.09", "12345678.09"),
        ("0", "0.00"),
        ("০.৫", "0.50"),
        (".75", "0.75"),
        ("12.", "12.00"),
        ("  ৳ 1,000  ", "1000.00"),
        ("1,000 টাকা", "1000.00"),
        ("Tk. 500", "500.00"),
        ("৫০০/-", "500.00"),
        ("+15", "15.00"),
        ("999", "999.00"),
        ("1,000", "1000.00"),
        ("12,345", "12345.00"),
        ("১০ ০০০", "10000.00"),
        ("１２３", "123.00"),  # full-width digits from some Asian keyboards
    ],
)
def test_parse_amount_reads_both_scripts_and_groupings(text, expected):
    value = parse_amount(text)
    assert value == Decimal(expected)
    assert value.as_tuple().exponent == -2


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0.00"), (1250000, "1250000.00"), (Decimal("12.5"), "12.50"), (12.25, "12.25")],
)
def test_parse_amount_takes_numbers(value, expected):
    assert parse_amount(value) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("-5", "negative_amount"),
        ("−১,০০০", "negative_amount"),
        ("(500)", "negative_amount"),
        ("1.005", "too_many_decimals"),
        ("১২.৩৪৫", "too_many_decimals"),
        ("abc", "invalid_amount"),
        ("", "invalid_amount"),
        (".", "invalid_amount"),
        (",", "invalid_amount"),
        ("1,2,3", "invalid_amount"),
        ("12,5000", "invalid_amount"),
        ("1,00,0000", "invalid_amount"),
        (",100", "invalid_amount"),
        ("100,", "invalid_amount"),
        ("1.2.3", "invalid_amount"),
        ("1e5", "invalid_amount"),
        ("NaN", "invalid_amount"),
        ("Infinity", "invalid_amount"),
        ("12 taka 5", "invalid_amount"),
        ("--5", "invalid_amount"),
        ("1000000000000", "too_large"),
        ("0x10", "invalid_amount"),
    ],
)
def test_parse_amount_refuses(text, code):
    with pytest.raises(ValidationError) as error:
        parse_amount(text)
    assert error.value.code == code


@pytest.mark.parametrize("value", [-1, Decimal("-0.01"), Decimal("1.001"), Decimal("NaN"), True, 0.001])
def test_parse_amount_refuses_bad_numbers(value):
    with pytest.raises(ValidationError):
        parse_amount(value)


def test_refusals_are_translated():
    with translation.override("bn"), pytest.raises(ValidationError) as error:
        parse_amount("-5")
    with translation.override("bn"):
        message = str(error.value.messages[0])
    assert message != "An amount cannot be negative."
    assert any("\u0980" <= ch <= "\u09ff" for ch in message)


@pytest.mark.parametrize(
    ("digits", "grouped"),
    [
        ("0", "0"),
        ("999", "999"),
        ("1000", "1,000"),
        ("100000", "1,00,000"),
        ("1250000", "12,50,000"),
        ("12345678", "1,23,45,678"),
        ("123456789012", "1,23,45,67,89,012"),
    ],
)
def test_group_lakh(digits, grouped):
    assert group_lakh(digits) == grouped


def test_format_amount_in_each_language():
    assert format_amount(Decimal("1250000.5"), bengali=False) == "12,50,000.50"
    assert format_amount(Decimal("1250000.5"), bengali=True) == "১২,৫০,০০০.৫০"
    assert format_amount(Decimal("-1500"), bengali=False) == "-1,500.00"
    assert format_amount(0, bengali=False) == "0.00"
    with translation.override("bn"):
        assert format_amount(100000) == "১,০০,০০০.০০"
    with translation.override("en"):
        assert format_amount(100000) == "1,00,000.00"
    assert format_amount("not a number", bengali=False) == "not a number"


def test_format_then_parse_round_trips():
    for value in (Decimal("0.01"), Decimal("1234567.89"), Decimal("99999999999.99")):
        assert parse_amount(format_amount(value, bengali=True)) == value
        assert parse_amount(format_amount(value, bengali=False)) == value


def test_taka_filter_uses_the_page_language():
    template = Template("{% load workflows_core %}{{ value|taka }}|{{ none|taka }}")
    with translation.override("bn"):
        assert template.render(Context({"value": Decimal("1250000.5"), "none": None})) == "১২,৫০,০০০.৫০|"
    with translation.override("en"):
        assert template.render(Context({"value": Decimal("1250000.5"), "none": None})) == "12,50,000.50|"


class Figures(forms.Form):
    income = AmountField(label="Income")
    optional = AmountField(label="Other", required=False)


def test_amount_field_cleans_bengali_input():
    form = Figures(data={"income": "১২,৫০,০০০.৫০", "optional": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"income": Decimal("1250000.50"), "optional": None}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("-1", "negative"), ("1.234", "two digits"), ("lots", "for example"), ("", "required")],
)
def test_amount_field_errors(text, fragment):
    with translation.override("en"):
        form = Figures(data={"income": text})
        assert not form.is_valid()
        assert fragment in form.errors["income"][0]


def test_amount_field_renders_a_text_box_with_the_local_grouping():
    with translation.override("bn"):
        html = str(Figures(initial={"income": Decimal("1250000.5")})["income"])
    assert 'type="text"' in html
    assert 'inputmode="decimal"' in html
    assert 'value="১২,৫০,০০০.৫০"' in html
    assert "step=" not in html
    # A value sent back with an error is shown as typed, not reformatted.
    with translation.override("bn"):
        html = str(Figures(data={"income": "12,5"})["income"])
    assert 'value="12,5"' in html


def test_amount_column_parser_for_imports():
    assert amount_cell("১,০০০") == Decimal("1000.00")
    assert amount_cell(1500.5) == Decimal("1500.50")
    with pytest.raises(ValidationError):
        amount_cell("-3")
