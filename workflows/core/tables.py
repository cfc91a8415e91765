"""Table columns for the back office's long lists that render their cells without a template each.

A Wagtail table renders every cell through a template of its own: 350 template renders for a page of
50 tasks, more time than everything else the page does. These columns give the same markup as
Wagtail's `tables/cell.html` and `tables/title_cell.html` (so the list looks the same) from one
`format_html` per cell; `HumanDateColumn` does the same for the project's human-readable date.
The SLA badge keeps its template.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format, get_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn

from pages.base.templatetags.bangla import bn_date, local_date, local_digits


def _td_class(column, extra=""):
    classes = " ".join(name for name in (column.classname, extra) if name)
    return format_html(' class="{}"', classes) if classes else ""


class PlainColumn(Column):
    """A Column whose cell is `<td>value</td>`, as Wagtail's cell template renders it."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if value is None or not str(value).strip():
            value = self.empty_value_display
        return format_html("<td{}>{}</td>", _td_class(self), value)


class LinkTitleColumn(TitleColumn):
    """A TitleColumn (a link to the record, from `get_url`), as Wagtail's title cell template renders it."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        url = self.get_link_url(instance, parent_context)
        title = format_html('<a href="{}">{}</a>', url, value) if url else value
        return format_html('<td{}><div class="title-wrapper">{}</div></td>', _td_class(self, "title"), title)


class HumanDateColumn(DateColumn):
    """A DateColumn whose cell is the project's human-readable date (templates/wagtailadmin/shared/
    human_readable_date.html: Bengali digits on Bengali screens, the Bengali calendar in the tooltip)."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if not value:
            return format_html("<td{}></td>", _td_class(self))
        if isinstance(value, datetime.datetime):
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            tooltip = date_format(local, get_format("DATETIME_FORMAT") or "N j, Y, P")
        else:
            local, tooltip = value, date_format(value, get_format("DATE_FORMAT") or "N j, Y")
        tooltip = local_digits(tooltip)
        if (get_language() or "bn").startswith("bn"):
            tooltip = f"{tooltip} ({bn_date(local)})"
        return format_html(
            '<td{}><button type="button" class="w-human-readable-date" data-controller="w-tooltip" '
            'data-w-tooltip-content-value="{}" data-w-tooltip-placement-value="top">'
            '<time class="w-human-readable-date__date" datetime="{}">{}</time></button></td>',
            _td_class(self),
            tooltip,
            local.isoformat(),
            local_digits(capfirst(timesince_simple(value))),
        )


class LocalDateColumn(Column):
    """A date (or time) as a date in the reader's digits, e.g. a due date: never "0 minutes ago" for a
    date still to come, as a human-readable "time ago" would say."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if not value:
            return format_html("<td{}>—</td>", _td_class(self))
        local = (
            timezone.localtime(value) if isinstance(value, datetime.datetime) and timezone.is_aware(value) else value
        )
        return format_html(
            '<td{}><time datetime="{}">{}</time></td>', _td_class(self), local.isoformat(), local_date(local)
        )


def sla_badge(due_at, state) -> str:
    """The SLA badge (on time / due soon / overdue) and the due date, as on the task page and in the inboxes."""
    if not due_at:
        return "—"
    if state == "overdue":
        badge = format_html(
            '<span class="w-status w-status--label" style="background:#cd4444;color:#fff">{}</span>', gettext("Overdue")
        )
    elif state == "due_soon":
        badge = format_html(
            '<span class="w-status w-status--label" style="background:#e9b04d">{}</span>', gettext("Due soon")
        )
    else:
        badge = format_html('<span class="w-status w-status--primary">{}</span>', gettext("On time"))
    return format_html("{} {}", badge, local_date(due_at))


class SlaColumn(Column):
    """The due date with its SLA badge; the state is computed once per row."""

    def render_cell_html(self, instance, parent_context):
        from .selectors import sla_state

        return format_html("<td{}>{}</td>", _td_class(self), sla_badge(instance.due_at, sla_state(instance.due_at)))
