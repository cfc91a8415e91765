"""Importing rows from a spreadsheet (CSV or XLSX) into a process: declared columns, a preview, one commit.

A process declares what its file holds, in a few lines::

    class TraineeImport(TableImport):
        columns = [
            Column("name_bn", _("Name (Bengali)"), parse=bengali_text, required=True),
            Column("mobile", _("Mobile"), parse=bd_mobile, required=True, unique=True),
            Column("nid", _("National ID"), parse=nid, unique=True, aliases=["NID"]),
            Column("born_on", _("Date of birth"), parse=date_value),
        ]

and an admin view on `TableImportView` (upload → preview → import; see its docstring). Nothing is saved
until every row of the file is valid, and then every row is saved in one transaction.

The file is checked by what it is, not what it is called: an XLSX is a zip holding a workbook; a CSV
is UTF-8 text (with or without a BOM). Anything else, an empty, over-large or broken file, a file without
the required columns or with more rows than allowed is refused as a whole, with a message that says why.
Each row is read into clean values or into errors that name the row as the spreadsheet program shows it
(the header is row 1) and the column; `check_rows` adds rules across rows (duplicates in the file, or
values already recorded, which the caller passes in as `existing`).
"""

import csv
import datetime
import io
import secrets
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pages.base.templatetags.bangla import local_digits

from .exports import csv_text
from .public import upload_limited
from .textnorm import clean_text
from .uploads import display_name, local_size

IMPORT_FIELD = "file"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A workbook's XML unpacks to many times its size; beyond this it is a zip bomb, not a list of trainees.
XLSX_MAX_UNPACKED_FACTOR = 25
PREVIEW_SECONDS = 60 * 60

REQUIRED = _("This column is required.")


def max_import_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_BYTES", 2 * 1024 * 1024)


def max_import_rows() -> int:
    return getattr(settings, "IMPORT_MAX_ROWS", 2000)


def header_key(text) -> str:
    """What two spellings of a header share: `Name (Bengali)`, ` name  bengali `, `NAME_BENGALI*` all give
    `namebengali`. Letters, Bengali vowel signs and digits are kept; case, spaces and punctuation are not."""
    text = unicodedata.normalize("NFC", force_str(text or "")).casefold()
    return "".join(char for char in text if unicodedata.category(char)[0] in "LMN")


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- Columns and rows ---------------------------------------------------------------------------


@dataclass
class Column:
    """One column of the file. `parse` turns a non-empty cell into its value (textnorm's parsers, or any
    function raising ValidationError); an empty cell gives `empty_value`, or an error when `required`.
    `unique`: no two rows may have the same value, nor a row a value in the importer's `existing`."""

    name: str
    label: str
    parse: object = clean_text
    required: bool = False
    unique: bool = False
    aliases: list = field(default_factory=list)
    help_text: str = ""
    empty_value: object = None
    validators: list = field(default_factory=list)

    def header_keys(self) -> set[str]:
        """The header texts this column answers to: its name, its label in every language, its aliases."""
        keys = {header_key(self.name), *(header_key(alias) for alias in self.aliases)}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                keys.add(header_key(self.label))
        return keys - {""}

    def clean(self, raw):
        if _is_blank(raw):
            if self.required:
                raise ValidationError(REQUIRED, code="required")
            return self.empty_value
        value = self.parse(raw.strip() if isinstance(raw, str) else raw)
        for validator in self.validators:
            validator(value)
        return value


@dataclass(frozen=True)
class RowError:
    row: int
    column: Column | None
    message: str
    params: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The message in the language of the page, its numbers (a row, a limit) in that language's digits."""
        message = force_str(self.message)
        return message % {key: local_digits(value) for key, value in self.params.items()} if self.params else message

    def __str__(self):
        # Row numbers are read on the page next to the spreadsheet: in Bengali digits on Bengali pages.
        params = {"row": local_digits(self.row), "message": self.text}
        if self.column is None:
            return _("Row %(row)s: %(message)s") % params
        return _("Row %(row)s, %(column)s: %(message)s") % {**params, "column": force_str(self.column.label)}


@dataclass
class ImportRow:
    number: int  # as the spreadsheet program shows it: the header is row 1
    raw: dict  # column name → the cell as read
    values: dict = field(default_factory=dict)  # column name → clean value (columns without errors)
    errors: list = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def add_error(self, column, message, **params) -> None:
        self.errors.append(RowError(self.number, column, message, params))

    def errors_for(self, column) -> list:
        return [error for error in self.errors if error.column is column]


@dataclass
class ImportResult:
    columns: list
    rows: list
    ignored_headers: list

    @property
    def errors(self) -> list:
        return [error for row in self.rows for error in row.errors]

    @property
    def invalid_rows(self) -> list:
        return [row for row in self.rows if not row.is_valid]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.invalid_rows

    def values(self) -> list[dict]:
        return [row.values for row in self.rows]

    def error_counts(self) -> list[tuple[str, str, int]]:
        """(column label, message, number of rows), most frequent first: the summary above the preview."""
        counts = Counter((force_str(error.column.label) if error.column else "", error.text) for error in self.errors)
        return [(label, message, count) for (label, message), count in counts.most_common()]


# --- Reading files ------------------------------------------------------------------------------


def _file_error(message, code, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params)


def _wrong_type(name):
    return _file_error(
        _("“%(name)s” is not a CSV or XLSX file. Save the spreadsheet as CSV (UTF-8) or as an Excel workbook (.xlsx)."),
        "file_type",
        name=name,
    )


class TableImport:
    """Declare `columns`; `read(upload)` gives an ImportResult or raises ValidationError for the file.

    `existing`: column name → the values already recorded (for `unique` columns), given by the caller.
    Override `check_rows(rows)` for more rules across rows (call super() to keep the duplicate checks).
    """

    columns: list[Column] = []
    duplicate_message = _("The same value is in row %(row)s.")
    existing_message = _("Already recorded.")
    template_filename = "import"

    def __init__(self, existing: dict | None = None):
        self.existing = existing or {}

    # The file

    def read(self, upload) -> ImportResult:
        name = display_name(getattr(upload, "name", ""))
        limit = max_import_bytes()
        if upload.size is not None and upload.size > limit:
            raise self._too_large(name)
        upload.seek(0)
        data = upload.read(limit + 1)
        return self.read_bytes(data, name)

    def read_bytes(self, data: bytes, name: str) -> ImportResult:
        if len(data) > max_import_bytes():
            raise self._too_large(name)
        if not data.strip():
            raise _file_error(_("“%(name)s” is empty."), "file_empty", name=name)
        if data.startswith(b"PK\x03\x04"):
            table = self._xlsx_rows(data, name)
        elif data.startswith(b"\xd0\xcf\x11\xe0"):
            raise _file_error(
                _("“%(name)s” is an old Excel file (.xls). Save it as an Excel workbook (.xlsx) or as CSV (UTF-8)."),
                "file_xls",
                name=name,
            )
        else:
            table = self._csv_rows(data, name)
        return self.read_table(table, name)

    def _too_large(self, name):
        return _file_error(
            _("“%(name)s” is larger than %(limit)s."), "file_size", name=name, limit=local_size(max_import_bytes())
        )

    def _csv_rows(self, data: bytes, name: str):
        if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
            # UTF-16 ("Unicode text" in Excel) or a binary file: neither is a CSV we can read.
            raise self._not_utf8(name) if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _wrong_type(name)
        if data.startswith((b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"{\\rtf")):
            raise _wrong_type(name)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise self._not_utf8(name) from None
        if "\x00" in text:
            raise _wrong_type(name)
        first_line = text.split("\n", 1)[0]
        # Excel writes `;` instead of `,` where the comma is the decimal sign; tabs come from copy and paste.
        delimiter = max((",", ";", "\t"), key=first_line.count)
        try:
            return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
        except csv.Error:
            raise _file_error(
                _("“%(name)s” is not a well-formed CSV file (for example, a quotation mark is not closed)."),
                "file_malformed",
                name=name,
            ) from None

    def _not_utf8(self, name):
        return _file_error(
            _("“%(name)s” is not UTF-8 text. In the spreadsheet program, save it as “CSV UTF-8”."),
            "file_encoding",
            name=name,
        )

    def _xlsx_rows(self, data: bytes, name: str):
        from openpyxl import load_workbook

        broken = _file_error(
            _("“%(name)s” could not be read as an Excel workbook (.xlsx); it may be damaged."),
            "file_malformed",
            name=name,
        )
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                unpacked = sum(info.file_size for info in archive.infolist())
        except (zipfile.BadZipFile, ValueError, OSError):
            raise broken from None
        if not {"[Content_Types].xml", "xl/workbook.xml"} <= names:
            raise _wrong_type(name)  # a zip, but not a workbook: a .docx, an .ods, an archive
        if unpacked > XLSX_MAX_UNPACKED_FACTOR * max_import_bytes():
            raise broken
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheet = workbook.worksheets[0]
                # One row more than allowed (and the header) is enough to know the file is too long.
                rows = []
                filled = 0
                for values in sheet.iter_rows(values_only=True):
                    rows.append(list(values))
                    filled += not all(_is_blank(value) for value in values)
                    if filled > max_import_rows() + 1:
                        break
            finally:
                workbook.close()
        except Exception:  # openpyxl raises many kinds of error for broken parts; all mean "cannot read it".
            raise broken from None
        return rows

    # The table

    def read_table(self, table: list, name: str = "") -> ImportResult:
        """Rows of cells (the header first) → ImportResult; ValidationError when the header does not fit."""
        if not table or all(_is_blank(cell) for cell in table[0]):
            raise _file_error(
                _("“%(name)s” has no header row: the first row must name the columns."), "no_header", name=name
            )
        positions, ignored = self.match_header(table[0])
        rows = []
        for index, cells in enumerate(table[1:], start=2):
            if all(_is_blank(cell) for cell in cells):
                continue  # empty rows between or after the data are not rows
            if len(rows) == max_import_rows():
                raise _file_error(
                    _("“%(name)s” has more than %(limit)s rows. Split it into smaller files."),
                    "too_many_rows",
                    name=name,
                    limit=local_digits(max_import_rows()),
                )
            raw = {column.name: cells[position] if position < len(cells) else None for column, position in positions}
            rows.append(self.clean_row(index, raw))
        if not rows:
            raise _file_error(_("“%(name)s” has no rows below the header."), "no_rows", name=name)
        self.check_rows(rows)
        return ImportResult(columns=self.columns, rows=rows, ignored_headers=ignored)

    def match_header(self, header: list) -> tuple[list, list]:
        """[(column, position)] for the columns found, and the headers that name no column (ignored)."""
        keys = {key: column for column in self.columns for key in column.header_keys()}
        positions, found, ignored = [], {}, []
        for position, cell in enumerate(header):
            column = keys.get(header_key(cell))
            if column is None:
                if not _is_blank(cell):
                    ignored.append(clean_text(cell))
                continue
            if column.name in found:
                raise _file_error(
                    _("The column “%(column)s” appears twice in the header."), "duplicate_column", column=column.label
                )
            found[column.name] = position
            positions.append((column, position))
        missing = [column.label for column in self.columns if column.required and column.name not in found]
        if missing:
            raise ValidationError(
                ngettext_lazy(
                    "The file has no column “%(columns)s”, which is required.",
                    "The file lacks these required columns: “%(columns)s”.",
                    len(missing),
                ),
                code="missing_columns",
                # Joined lazily: the labels are shown in the language of the page that shows the error.
                params={"columns": format_lazy("”, “".join(["{}"] * len(missing)), *missing)},
            )
        return positions, ignored

    def clean_row(self, number: int, raw: dict) -> ImportRow:
        row = ImportRow(number=number, raw=raw)
        for column in self.columns:
            try:
                row.values[column.name] = column.clean(raw.get(column.name))
            except ValidationError as error:
                for item in error.error_list:
                    row.add_error(column, item.message, **(item.params or {}))
        return row

    def check_rows(self, rows: list[ImportRow]) -> None:
        """Rules across rows; by default, `unique` columns: no value twice in the file, none already recorded."""
        for column in self.columns:
            if not column.unique:
                continue
            existing = self.existing.get(column.name, ())
            first_seen = {}
            for row in rows:
                value = row.values.get(column.name)
                if value in (None, ""):
                    continue
                if value in existing:
                    row.add_error(column, self.existing_message)
                elif value in first_seen:
                    row.add_error(column, self.duplicate_message, row=first_seen[value])
                else:
                    first_seen[value] = row.number

    # The template offered for download

    def template_header(self) -> list[str]:
        return [force_str(column.label) for column in self.columns]

    def template_csv(self) -> str:
        return csv_text(self.template_header(), [])

    def template_xlsx(self) -> bytes:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        workbook = Workbook()
        sheet = workbook.active
        sheet.append(self.template_header())
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            sheet.column_dimensions[cell.column_letter].width = max(14, len(str(cell.value)) + 4)
            # Text cells: a mobile number or an NID typed in them keeps its leading 0 and every digit.
            sheet.column_dimensions[cell.column_letter].number_format = "@"
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


# --- The admin views ----------------------------------------------------------------------------


class ImportFileForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"))

    def __init__(self, *args, upload_limits=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.upload_limits = upload_limits
        self.fields["file"].help_text = format_lazy(
            _("At most {size} and {rows} rows; the first row names the columns."),
            size=local_size(max_import_bytes()),
            rows=local_digits(max_import_rows()),
        )

    def clean(self):
        limits = self.upload_limits
        if limits is not None and limits.oversized:
            # The handler threw the file away, so the field looks empty: say why instead.
            self.errors.pop(IMPORT_FIELD, None)
            raise ValidationError(
                _("“%(name)s” is larger than %(limit)s."),
                code="file_size",
                params={"name": limits.oversized[0], "limit": local_size(max_import_bytes())},
            )
        return super().clean()


def _format_value(value) -> str:
    if isinstance(value, datetime.date):
        return local_digits(value.strftime("%d/%m/%Y"))
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int | float):
        return str(local_digits(value))  # 0 is a value, not an empty cell
    return force_str(value)


class TableImportView(WagtailAdminTemplateMixin, View):
    """Upload a file, see every row with its clean values and errors, then import all rows at once.

    A process subclasses it with::

        class TraineeImportView(TableImportView):
            importer_class = TraineeImport
            page_title = _("Import trainees")

            def get_target(self, request, pk):            # 404 when the officer may not see it
                return get_object_or_404(Batch.objects.filter(office_filter(request.user)), pk=pk)

            def get_existing(self, target):               # values of `unique` columns already recorded
                return {"mobile": set(target.trainees.values_list("mobile", flat=True))}

            def save_rows(self, target, rows):            # rows: dicts of clean values; in one transaction
                Trainee.objects.bulk_create(Trainee(batch=target, **row) for row in rows)

            def get_success_url(self, target):
                return reverse("training_admin:batch", args=[target.pk])

    and adds `TraineeImportView.urls("batches/<int:pk>/import/", name="batch_import")` to its viewset's
    URLs: the upload page (`batch_import`), the preview and confirm page (`batch_import_preview`) and the
    template files (`batch_import_template`, with ?format=xlsx or csv).

    Between the preview and the import, the file stays on the server (in the cache, under a random
    token, for the officer and the target only, for an hour); the import reads it again, with the rows
    already recorded at that moment, and never trusts anything the browser sends but the token. The
    token is taken once: a second click or a replayed POST imports nothing more.
    """

    importer_class = TableImport
    step = "upload"
    header_icon = "upload"
    upload_template_name = "workflows_core/import_upload.html"
    preview_template_name = "workflows_core/import_preview.html"

    # What the process supplies

    def get_target(self, request, **kwargs):
        """The object the rows are imported into; raise Http404 when the officer may not see it."""
        raise NotImplementedError

    def get_existing(self, target) -> dict:
        return {}

    def save_rows(self, target, rows: list[dict]) -> None:
        """Save every row (inside one transaction); raising ValidationError refuses them all."""
        raise NotImplementedError

    def get_success_url(self, target) -> str:
        raise NotImplementedError

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    @classmethod
    def urls(cls, route: str, *, name: str, **initkwargs) -> list:
        limited = upload_limited(
            cls.as_view(step="upload", **initkwargs), field_name=IMPORT_FIELD, limit=max_import_bytes, max_files=1
        )
        return [
            path(route, limited, name=name),
            path(f"{route}template/", cls.as_view(step="template", **initkwargs), name=f"{name}_template"),
            path(f"{route}<str:token>/", cls.as_view(step="preview", **initkwargs), name=f"{name}_preview"),
        ]

    # The steps

    def dispatch(self, request, *args, token=None, **kwargs):
        self.token = token
        self.target = self.get_target(request, **kwargs)
        self.importer = self.importer_class(existing=self.get_existing(self.target))
        handler = {
            ("upload", "get"): self.upload_page,
            ("upload", "post"): self.upload,
            ("template", "get"): self.template_file,
            ("preview", "get"): self.preview,
            ("preview", "post"): self.confirm,
        }.get((self.step, request.method.lower()))
        if handler is None:
            return self.http_method_not_allowed(request, *args, **kwargs)
        return handler(request)

    def step_url(self, step, **extra) -> str:
        match = self.request.resolver_match
        name = match.url_name.removesuffix("_preview").removesuffix("_template")
        if step != "upload":
            name = f"{name}_{step}"
        view = f"{match.namespace}:{name}" if match.namespace else name
        kwargs = {key: value for key, value in match.kwargs.items() if key != "token"}
        return reverse(view, kwargs={**kwargs, **extra})

    def upload_page(self, request, form=None):
        self.template_name = self.upload_template_name
        return self.render_to_response(
            self.get_context_data(
                form=form or ImportFileForm(),
                columns=self.importer.columns,
                template_url=self.step_url("template"),
            )
        )

    def upload(self, request):
        form = ImportFileForm(request.POST, request.FILES, upload_limits=getattr(request, "upload_limits", None))
        if not form.is_valid():
            return self.upload_page(request, form)
        upload = form.cleaned_data["file"]
        name = display_name(upload.name)
        try:
            upload.seek(0)
            data = upload.read(max_import_bytes() + 1)
            self.importer.read_bytes(data, name)
        except ValidationError as error:
            form.add_error(IMPORT_FIELD, error)
            return self.upload_page(request, form)
        token = secrets.token_urlsafe(24)
        cache.set(self._key(token), self._stored(name, data), PREVIEW_SECONDS)
        return redirect(self.step_url("preview", token=token))

    def template_file(self, request):
        if request.GET.get("format") == "csv":
            response = HttpResponse(self.importer.template_csv(), content_type="text/csv; charset=utf-8")
            extension = "csv"
        else:
            response = HttpResponse(self.importer.template_xlsx(), content_type=XLSX_CONTENT_TYPE)
            extension = "xlsx"
        response["Content-Disposition"] = f'attachment; filename="{self.importer.template_filename}.{extension}"'
        return response

    def preview(self, request):
        stored = self._load()
        if stored is None:
            return self._gone(request)
        try:
            result = self.importer.read_bytes(stored["content"], stored["name"])
        except ValidationError as error:  # the stored file passed at upload: only a change of columns does this
            return self._start_again(request, error)
        return self._render_preview(result, stored["name"])

    def confirm(self, request):
        stored = self._load()
        if stored is None:
            return self._gone(request)
        # The token is taken before anything is saved: of two POSTs with it, exactly one gets it.
        if not cache.delete(self._key(self.token)):
            return self._gone(request)
        result = None
        try:
            with transaction.atomic():
                # Under the target's lock, against the rows recorded now: two officers importing into one
                # target at once cannot both add the same mobile number.
                self.lock_target(self.target)
                importer = self.importer_class(existing=self.get_existing(self.target))
                result = importer.read_bytes(stored["content"], stored["name"])
                if result.is_valid:
                    self.save_rows(self.target, result.values())
        except ValidationError as error:
            cache.set(self._key(self.token), stored, PREVIEW_SECONDS)
            if result is None:
                return self._start_again(request, error)
            return self._render_preview(result, stored["name"], refusal=error.messages)
        except BaseException:
            cache.set(self._key(self.token), stored, PREVIEW_SECONDS)
            raise
        if not result.is_valid:
            cache.set(self._key(self.token), stored, PREVIEW_SECONDS)
            return self._render_preview(result, stored["name"])
        count = len(result.rows)
        cache.set(self._key(self.token, "done"), count, PREVIEW_SECONDS)
        messages.success(
            request,
            ngettext("%(count)s row imported.", "%(count)s rows imported.", count) % {"count": local_digits(count)},
        )
        return redirect(self.get_success_url(self.target))

    def lock_target(self, target) -> None:
        """Lock the target's row until the import commits (PostgreSQL; SQLite has one writer anyway)."""
        type(target)._default_manager.select_for_update().filter(pk=target.pk).first()

    # Helpers

    def _key(self, token, suffix="file") -> str:
        return f"table-import:{token}:{suffix}"

    def _owner(self) -> dict:
        """Whose preview a token is: a token is good only for the officer and target it was made for."""
        return {"user": self.request.user.pk, "target": f"{self.target._meta.label}:{self.target.pk}"}

    def _stored(self, name, data) -> dict:
        return {**self._owner(), "name": name, "content": data}

    def _load(self):
        stored = cache.get(self._key(self.token))
        if stored is not None and {key: stored[key] for key in ("user", "target")} != self._owner():
            raise Http404
        return stored

    def _start_again(self, request, error):
        messages.error(request, " ".join(error.messages))
        return redirect(self.step_url("upload"))

    def _gone(self, request):
        """No file under this token: imported already (a second click), or expired."""
        if cache.get(self._key(self.token, "done")) is not None:
            messages.info(request, _("These rows have already been imported."))
            return redirect(self.get_success_url(self.target))
        messages.warning(request, _("The preview has expired or was already used. Upload the file again."))
        return redirect(self.step_url("upload"))

    def _render_preview(self, result, name, refusal=()):
        self.template_name = self.preview_template_name
        self.page_subtitle = name
        columns = result.columns
        rows = [
            {
                "number": row.number,
                "valid": row.is_valid,
                "cells": [
                    {
                        "text": _format_value(row.raw.get(column.name))
                        if row.errors_for(column)
                        else _format_value(row.values.get(column.name)),
                        "errors": [error.text for error in row.errors_for(column)],
                    }
                    for column in columns
                ],
            }
            for row in result.rows
        ]
        return self.render_to_response(
            self.get_context_data(
                result=result,
                file_name=name,
                columns=columns,
                rows=rows,
                row_count=len(result.rows),
                invalid_count=len(result.invalid_rows),
                error_counts=result.error_counts(),
                errors=result.errors[:100],
                more_errors=max(0, len(result.errors) - 100),
                refusal=refusal,
                upload_url=self.step_url("upload"),
            )
        )


__all__ = [
    "Column",
    "ImportFileForm",
    "ImportResult",
    "ImportRow",
    "RowError",
    "TableImport",
    "TableImportView",
    "header_key",
    "max_import_bytes",
    "max_import_rows",
]
