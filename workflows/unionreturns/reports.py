"""Reports of the annual returns: the process report (per office and month of submission, on the kit's
ProcessReport, with its chart panel on the admin home), and the season report per office and year: active
unions, returns submitted, returned, certified, overdue, and the median working days from the first
submission to the certification. Each figure is one aggregate query over the officer's offices; only the
median reads the certified returns' two dates."""

import datetime
import io
import statistics

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from workflows.core.access import office_filter
from workflows.core.exports import cell_value
from workflows.core.models import Office
from workflows.core.reports import ProcessReport
from workflows.core.workdays.services import WorkingCalendar
from workflows.unions.models import Union

from .models import AnnualReturn, due_date

S = AnnualReturn.Status


class AnnualReturnReport(ProcessReport):
    model = AnnualReturn
    title = _("Union annual returns report")
    chart_title = _("Annual returns per month")
    columns = {"with_office": _("With the office"), "returned": _("Returned to the union"), "certified": _("Certified")}
    decided_field = "certified_at"

    def cases(self):
        # A draft is the union's own until it is submitted.
        return super().cases().exclude(status=S.DRAFT)


class SeasonReport:
    """Per office and year of the return: the season's figures (see the module's docstring)."""

    headings = {
        "office": _("Office"),
        "year": _("Year"),
        "active_unions": _("Active unions"),
        "submitted": _("Returns submitted"),
        "returned": _("Returned to the union"),
        "certified": _("Certified"),
        "overdue": _("Overdue"),
        "median_days": _("Median working days to certification"),
    }

    def __init__(self, user, year: int):
        self.user = user
        self.year = year

    def rows(self) -> list[dict]:
        english = (get_language() or "bn").startswith("en")
        offices = {
            office.pk: office.name_en if english else office.name_bn
            for office in Office.objects.filter(office_filter(self.user, field="pk"))
        }
        active = dict(
            Union.objects.active()
            .filter(office_id__in=offices, registered_on__year__lte=self.year)
            .values_list("office_id")
            .annotate(n=Count("pk"))
        )
        returns = (
            AnnualReturn.objects.filter(office_id__in=offices, year=self.year)
            .exclude(status=S.DRAFT)
            .values("office_id")
            .annotate(
                submitted=Count("pk"),
                returned=Count("pk", filter=Q(status=S.RETURNED)),
                certified=Count("pk", filter=Q(status=S.CERTIFIED)),
            )
        )
        counts = {row["office_id"]: row for row in returns}
        durations: dict[int, list[int]] = {}
        calendar = WorkingCalendar()
        certified = AnnualReturn.objects.filter(
            office_id__in=offices, year=self.year, status=S.CERTIFIED, versions__number=1
        )
        for office_id, first, done in certified.values_list("office_id", "versions__submitted_at", "certified_at"):
            durations.setdefault(office_id, []).append(calendar.working_days_between(first, done))
        past_due = timezone.localdate() > due_date(self.year)
        rows = []
        for office_id, name in offices.items():
            row = counts.get(office_id, {})
            unions = active.get(office_id, 0)
            if not unions and not row:
                continue
            submitted = row.get("submitted", 0)
            days = durations.get(office_id)
            rows.append(
                {
                    "office": name,
                    "year": self.year,
                    "active_unions": unions,
                    "submitted": submitted,
                    "returned": row.get("returned", 0),
                    "certified": row.get("certified", 0),
                    "overdue": max(unions - submitted, 0) if past_due else 0,
                    "median_days": statistics.median(days) if days else None,
                }
            )
        return rows

    def table(self):
        header = [str(heading) for heading in self.headings.values()]
        return header, [[row[key] for key in self.headings] for row in self.rows()]

    def xlsx(self) -> bytes:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(str(_("Annual returns")))
        header, rows = self.table()
        sheet.append(header)
        for row in rows:
            sheet.append([cell_value(value, for_xlsx=True) for value in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()


def default_year(today: datetime.date | None = None) -> int:
    """The season the report opens on: last year's returns (due this 30 April)."""
    return (today or timezone.localdate()).year - 1
