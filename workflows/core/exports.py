"""Spreadsheet exports of the back office (CSV and XLSX) that are safe to open and read as officers expect.

* Times in Dhaka time, not UTC; dates as dates.
* Labels, not codes: a status is exported as its label in the officer's language.
* CSV starts with a UTF-8 byte order mark, so that spreadsheet programs read Bengali as UTF-8.
* A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is neutralised: in CSV with a
  leading apostrophe, in XLSX by writing it as a text cell. A citizen's subject `=HYPERLINK(...)` must
  arrive as text, never as a live formula (CSV injection, OWASP).
"""

import csv
import datetime
import io

from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.functional import Promise

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_BOM = "\ufeff"


def neutralise(text: str) -> str:
    """Text that a spreadsheet program shows as it is, never evaluates."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_value(value, *, for_xlsx: bool = False):
    """One value as a spreadsheet cell: local times, plain dates and numbers, neutralised text."""
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.replace(tzinfo=None) if for_xlsx else local.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value if for_xlsx else value.isoformat()
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple):
        value = ", ".join(force_str(item) for item in value)
    text = force_str(value) if isinstance(value, Promise | str) else str(value)
    # In XLSX the cell is typed as text (Wagtail writes formula-looking strings as strings); an apostrophe
    # there would be shown. CSV has no types, so the apostrophe is the only defence.
    return text if for_xlsx else neutralise(text)


class SafeSpreadsheetExportMixin:
    """For Wagtail's IndexView (SpreadsheetExportMixin): every exported value goes through `cell_value`."""

    def preprocess_field_value(self, field, value, export_format):
        return cell_value(value, for_xlsx=export_format == self.FORMAT_XLSX)

    def stream_csv(self, queryset):
        yield CSV_BOM
        yield from super().stream_csv(queryset)


def csv_text(header: list, rows) -> str:
    """A whole small CSV file (reports): BOM, header, rows, every value through `cell_value`."""
    buffer = io.StringIO()
    buffer.write(CSV_BOM)
    writer = csv.writer(buffer)
    writer.writerow([cell_value(value) for value in header])
    for row in rows:
        writer.writerow([cell_value(value) for value in row])
    return buffer.getvalue()
