"""A process's report: its cases per office and month by status group, the median time to a decision,
the share decided in time, and a chart of cases per month (on the report and on the admin home).

A process declares which status groups make the report's columns; every figure is one aggregate query
over the cases the officer's offices cover (only the median reads the decided cases' two dates)::

    class ComplaintReport(ProcessReport):
        model = Complaint
        columns = {"open": _("Open"), "resolved": _("Resolved"), "appealed": _("Appealed")}
        decided_field = "resolved_at"      # when a case was decided (optional)
        due_field = "due_at"               # when it had to be decided (optional)
"""

import statistics
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .access import office_filter
from .workdays.services import WorkingCalendar


@dataclass
class Summary:
    total: int
    open: int
    decided: int
    decided_in_time: int
    median_working_days: float | None

    @property
    def sla_compliance(self) -> float | None:
        """Percentage of decided cases decided by their due date."""
        return round(100 * self.decided_in_time / self.decided, 1) if self.decided else None


class ProcessReport:
    model = None
    # status group (of model.status_groups) → column heading; "open" is also the summary's open count.
    columns: dict = {}
    decided_field: str | None = None
    due_field: str | None = None
    title = _("Report")
    chart_title = _("Cases per month")

    def __init__(self, user):
        self.user = user

    def cases(self):
        return self.model.objects.filter(office_filter(self.user))

    def _group_counts(self) -> dict:
        return {group: Count("pk", filter=Q(status__in=self.model.statuses(group))) for group in self.columns}

    def by_office_and_month(self) -> list[dict]:
        """Rows of office, month, total and one count per column; newest month first."""
        rows = list(
            self.cases()
            .annotate(month=TruncMonth("submitted_at"))
            .values("office__name_bn", "office__name_en", "month")
            .annotate(total=Count("pk"), **self._group_counts())
            .order_by("-month", "office__name_en")
        )
        english = (get_language() or "bn").startswith("en")
        for row in rows:
            row["office"] = row["office__name_en"] if english else row["office__name_bn"]
            row["counts"] = [row[group] for group in self.columns]
        return rows

    def summary(self) -> Summary:
        cases = self.cases()
        counts = {"total": Count("pk"), "open": Count("pk", filter=Q(status__in=self.model.statuses("open")))}
        decided = self.decided_field
        if decided:
            counts["decided"] = Count("pk", filter=Q(**{f"{decided}__isnull": False}))
            if self.due_field:
                in_time = Q(**{f"{decided}__isnull": False, f"{decided}__lte": F(self.due_field)})
                counts["decided_in_time"] = Count("pk", filter=in_time)
        figures = cases.aggregate(**counts)
        durations = []
        if decided:
            calendar = WorkingCalendar()
            durations = [
                calendar.working_days_between(submitted, done)
                for submitted, done in cases.filter(**{f"{decided}__isnull": False}).values_list(
                    "submitted_at", decided
                )
            ]
        return Summary(
            total=figures["total"],
            open=figures["open"],
            decided=figures.get("decided", 0),
            decided_in_time=figures.get("decided_in_time", 0),
            median_working_days=statistics.median(durations) if durations else None,
        )

    def monthly_totals(self, months=12) -> list[dict]:
        """The last `months` months with cases, oldest first, with each bar's share of the tallest."""
        rows = list(
            self.cases()
            .annotate(month=TruncMonth("submitted_at"))
            .values("month")
            .annotate(total=Count("pk"))
            .order_by("-month")[:months]
        )[::-1]
        tallest = max((row["total"] for row in rows), default=0)
        for row in rows:
            row["percent"] = round(100 * row["total"] / tallest) if tallest else 0
        return rows

    def csv_rows(self):
        header = [_("Office"), _("Month"), _("Total"), *self.columns.values()]
        rows = [
            [row["office"], row["month"].strftime("%Y-%m"), row["total"], *row["counts"]]
            for row in self.by_office_and_month()
        ]
        return header, rows


class ChartPanel(Component):
    """A process's cases per month as bars on the admin home, for officers whose offices have cases."""

    order = 60
    template_name = "workflows_core/chart_panel.html"

    def __init__(self, report: ProcessReport, *, name: str, report_url: str):
        self.report = report
        self.name = name
        self.report_url = report_url

    def get_context_data(self, parent_context):
        return {
            "months": self.report.monthly_totals(months=6),
            "panel_id": f"{self.name}-chart",
            "title": self.report.chart_title,
            "report_title": self.report.title,
            "report_url": self.report_url,
        }
