"""A table and its columns for the back office's long lists, rendered in Python, a column at a time.

Wagtail's table template renders every cell with a `{% component %}` tag (and a template of its own),
every row's attributes with an include: about 400 template nodes for a page of 50 rows, more time than
everything else the list does. `ListingTable` keeps Wagtail's template for the header and builds the
body in Python; each column here renders all its cells in one call (`render_cells_html`), so what is
the same on every row is looked up once per page, not once per cell: the language, the translated
labels and formats, the current time, the text of a post or office that many rows share (each of
those is a translation or context lookup, a few microseconds each, a few hundred times a page).

The cells give the same markup as Wagtail's `tables/cell.html` and `tables/title_cell.html` (so the
list looks the same); `HumanDateColumn` the project's human-readable date, `SlaColumn` the SLA badge.
A column of Wagtail's own still works in a ListingTable: it renders its cells one by one, as there.
"""

import datetime

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.html import avoid_wrapping, conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.timesince import timesince
from django.utils.translation import get_language, gettext
from wagtail.admin.ui.tables import Column, DateColumn, Table, TitleColumn

from pages.base.bengali_calendar import format_bengali_date, format_gregorian_bn, to_bengali_digits


def _in_bengali() -> bool:
    return (get_language() or "bn").startswith("bn")


def _attrs_html(attrs) -> str:
    """HTML attributes as Wagtail's `shared/attrs.html` writes them (True: the bare name; False: left out)."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class ListingTable(Table):
    """Wagtail's Table, its header from Wagtail's template and its body built here (see the module's docstring)."""

    template_name = "workflows_core/tables/table.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["body_html"] = self.render_body_html(context)
        return context

    def render_body_html(self, context) -> str:
        instances = list(self.data)
        rows = [Table.Row(self, instance, index) for index, instance in enumerate(instances)]
        columns = [self.render_column_cells(column, rows, context) for column in self.columns.values()]
        return mark_safe(  # noqa: S308 - every cell is escaped by its column
            "".join(
                f"<tr{_attrs_html(row.attrs)}>{''.join(cells[index] for cells in columns)}</tr>"
                for index, row in enumerate(rows)
            )
        )

    @staticmethod
    def render_column_cells(column, rows, context) -> list[str]:
        render_cells = getattr(column, "render_cells_html", None)
        if render_cells is not None:
            return render_cells([row.instance for row in rows], context)
        # A column of Wagtail's own: its cell template, with the context Wagtail's table gives it.
        return [column.render_cell_html(row.instance, {**context, "row": row}) for row in rows]


class CellsMixin:
    """A column that renders its cells together; a single cell (Wagtail's API) is a list of one."""

    td_extra_class = ""

    @cached_property
    def td(self) -> str:
        """The cell's opening tag, with the column's classes as Wagtail's cell templates give them."""
        classes = " ".join(name for name in (self.classname, self.td_extra_class) if name)
        return format_html('<td class="{}">', classes) if classes else "<td>"

    def render_cell_html(self, instance, parent_context):
        return mark_safe(self.render_cells_html([instance], parent_context)[0])  # noqa: S308 - escaped there

    def render_cells_html(self, instances, parent_context) -> list[str]:  # pragma: no cover - overridden
        raise NotImplementedError


class PlainColumn(CellsMixin, Column):
    """A Column whose cell is `<td>value</td>`, as Wagtail's cell template renders it."""

    def render_cells_html(self, instances, parent_context):
        empty = conditional_escape(self.empty_value_display)
        # The same value (a post, an office, a task's title) on many rows is turned into text once:
        # keyed by identity, the value kept alive beside its text so that its id cannot be reused.
        texts = {}
        cells = []
        for instance in instances:
            value = self.get_value(instance)
            known = texts.get(id(value))
            if known is None:
                text = empty if value is None or not str(value).strip() else conditional_escape(value)
                known = texts[id(value)] = (value, text)
            cells.append(f"{self.td}{known[1]}</td>")
        return cells


class LinkTitleColumn(CellsMixin, TitleColumn):
    """A TitleColumn (a link to the record, from `get_url`), as Wagtail's title cell template renders it."""

    td_extra_class = "title"

    def render_cells_html(self, instances, parent_context):
        cells = []
        for instance in instances:
            value = conditional_escape(self.get_value(instance))
            url = self.get_link_url(instance, parent_context)
            title = f'<a href="{escape(url)}">{value}</a>' if url else value
            cells.append(f'{self.td}<div class="title-wrapper">{title}</div></td>')
        return cells


class HumanDateColumn(CellsMixin, DateColumn):
    """A DateColumn whose cell is the project's human-readable date (templates/wagtailadmin/shared/
    human_readable_date.html: Bengali digits on Bengali screens, the Bengali calendar in the tooltip,
    the "time ago" of Wagtail's `timesince_simple`)."""

    def render_cells_html(self, instances, parent_context):
        bengali = _in_bengali()
        digits = to_bengali_digits if bengali else str
        datetime_format = get_format("DATETIME_FORMAT") or "N j, Y, P"
        date_only_format = get_format("DATE_FORMAT") or "N j, Y"
        # timesince_simple's strings, translated once for the page.
        zero_minutes, just_now, ago = (
            avoid_wrapping(gettext("0 minutes")),
            gettext("just now"),
            gettext("%(time_period)s ago"),
        )
        zone, now = timezone.get_current_timezone(), timezone.now()
        cells = []
        for instance in instances:
            value = self.get_value(instance)
            if not value:
                cells.append(f"{self.td}</td>")
                continue
            if isinstance(value, datetime.datetime):
                # timezone.localtime() without looking the current time zone up again for every row.
                local = value.astimezone(zone) if value.utcoffset() is not None else value
                tooltip = format_date(local, datetime_format)
            else:
                local, tooltip = value, format_date(value, date_only_format)
            tooltip = digits(tooltip)
            if bengali:
                tooltip = f"{tooltip} ({format_bengali_date(local)})"
            period = timesince(value, now=now).split(",")[0]
            since = just_now if period == zero_minutes else ago % {"time_period": period}
            cells.append(
                f'{self.td}<button type="button" class="w-human-readable-date" data-controller="w-tooltip" '
                f'data-w-tooltip-content-value="{escape(tooltip)}" data-w-tooltip-placement-value="top">'
                f'<time class="w-human-readable-date__date" datetime="{local.isoformat()}">'
                f"{escape(digits(capfirst(since)))}</time></button></td>"
            )
        return cells


def _local_date_formatter():
    """local_date (pages.base.templatetags.bangla) with the page's language looked up once."""
    if _in_bengali():
        return format_gregorian_bn
    return lambda local: format_date(local, "d F Y")


def _localtime(value):
    return timezone.localtime(value) if isinstance(value, datetime.datetime) and timezone.is_aware(value) else value


class LocalDateColumn(CellsMixin, Column):
    """A date (or time) as a date in the reader's digits, e.g. a due date: never "0 minutes ago" for a
    date still to come, as a human-readable "time ago" would say."""

    def render_cells_html(self, instances, parent_context):
        local_date = _local_date_formatter()
        cells = []
        for instance in instances:
            value = self.get_value(instance)
            if not value:
                cells.append(f"{self.td}—</td>")
                continue
            local = _localtime(value)
            cells.append(f'{self.td}<time datetime="{local.isoformat()}">{escape(local_date(local))}</time></td>')
        return cells


def _sla_labels() -> dict:
    """The SLA badges without their date, by state, in the current language."""
    return {
        "overdue": format_html(
            '<span class="w-status w-status--label" style="background:#cd4444;color:#fff">{}</span>', gettext("Overdue")
        ),
        "due_soon": format_html(
            '<span class="w-status w-status--label" style="background:#e9b04d">{}</span>', gettext("Due soon")
        ),
        "on_time": format_html('<span class="w-status w-status--primary">{}</span>', gettext("On time")),
    }


def _sla_badge(due_at, state, labels, local_date) -> str:
    if not due_at:
        return "—"
    badge = labels.get(state, labels["on_time"])
    return f"{badge} {escape(local_date(_localtime(due_at)))}"


def sla_badge(due_at, state) -> str:
    """The SLA badge (on time / due soon / overdue) and the due date, as on the task page and in the inboxes."""
    return mark_safe(_sla_badge(due_at, state, _sla_labels(), _local_date_formatter()))  # noqa: S308 - escaped


class SlaColumn(CellsMixin, Column):
    """The due date with its SLA badge; the state is computed once per row, the labels once per page."""

    def render_cells_html(self, instances, parent_context):
        from .selectors import sla_state

        labels, local_date, now = _sla_labels(), _local_date_formatter(), timezone.now()
        return [
            f"{self.td}{_sla_badge(instance.due_at, sla_state(instance.due_at, now), labels, local_date)}</td>"
            for instance in instances
        ]
