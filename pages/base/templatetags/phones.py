"""`tel_links`: phone numbers shown as links a mobile phone dials (`tel:`), in the page's digits."""

import re

from django import template
from django.utils.html import format_html, format_html_join

from pages.base.bengali_calendar import to_latin_digits
from pages.base.templatetags.bangla import local_digits

register = template.Library()

# Editors may list several numbers in one field ("+880-2-9545000, 9545001"); each is dialled alone.
SEPARATORS = re.compile(r"\s*[,;/]\s*")


def tel_href(number: str) -> str:
    """`tel:+88029545000`: digits only (Bengali ones read as Latin), with the leading + kept."""
    number = to_latin_digits(number).strip()
    digits = re.sub(r"\D", "", number)
    return f"tel:{'+' if number.startswith('+') else ''}{digits}"


@register.filter
def tel_links(value):
    """Each number of `value` as `<a href="tel:…">`, shown as typed (Bengali digits on Bengali pages)."""
    numbers = [part for part in SEPARATORS.split(str(value or "").strip()) if re.search(r"\d|[০-৯]", part)]
    if not numbers:
        return value or ""
    links = format_html_join(
        ", ", '<a href="{}" class="nowrap">{}</a>', ((tel_href(n), local_digits(n)) for n in numbers)
    )
    return format_html("{}", links)
