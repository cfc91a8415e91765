"""Complaint statistics: per office and month, outcomes, median resolution time and SLA compliance.

Each figure comes from one aggregate query over the complaints the user may see; only the median
needs the decided complaints' dates, which it reads as two columns.
"""

import statistics
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth

from workflows.core.access import office_filter
from workflows.core.workdays.services import WorkingCalendar

from .models import Complaint

OPEN = tuple(Complaint.OPEN_STATUSES)
RESOLVED = (Complaint.Status.RESOLVED, Complaint.Status.CLOSED)
APPEALED = (Complaint.Status.APPEALED, Complaint.Status.APPEAL_DECIDED)


def visible_complaints(user):
    return Complaint.objects.filter(office_filter(user))


def by_office_and_month(user):
    """Rows of office, month, total, open, resolved, rejected, appealed; newest month first."""
    return (
        visible_complaints(user)
        .annotate(month=TruncMonth("submitted_at"))
        .values("office__name_bn", "office__name_en", "month")
        .annotate(
            total=Count("pk"),
            open=Count("pk", filter=Q(status__in=OPEN)),
            resolved=Count("pk", filter=Q(status__in=RESOLVED)),
            rejected=Count("pk", filter=Q(status=Complaint.Status.REJECTED)),
            appealed=Count("pk", filter=Q(status__in=APPEALED)),
        )
        .order_by("-month", "office__name_en")
    )


@dataclass
class Summary:
    total: int
    open: int
    decided: int
    decided_in_time: int
    median_working_days: float | None

    @property
    def sla_compliance(self) -> float | None:
        """Percentage of decided complaints decided by their due date."""
        return round(100 * self.decided_in_time / self.decided, 1) if self.decided else None


def summary(user) -> Summary:
    complaints = visible_complaints(user)
    counts = complaints.aggregate(
        total=Count("pk"),
        open=Count("pk", filter=Q(status__in=OPEN)),
        decided=Count("pk", filter=Q(resolved_at__isnull=False)),
        decided_in_time=Count("pk", filter=Q(resolved_at__isnull=False, resolved_at__lte=F("due_at"))),
    )
    calendar = WorkingCalendar()
    durations = [
        calendar.working_days_between(submitted, resolved)
        for submitted, resolved in complaints.filter(resolved_at__isnull=False).values_list(
            "submitted_at", "resolved_at"
        )
    ]
    return Summary(**counts, median_working_days=statistics.median(durations) if durations else None)


def monthly_totals(user, months=12) -> list[dict]:
    """The last `months` months with complaints, oldest first, with each bar's share of the tallest."""
    rows = list(
        visible_complaints(user)
        .annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .annotate(total=Count("pk"))
        .order_by("-month")[:months]
    )[::-1]
    tallest = max((row["total"] for row in rows), default=0)
    for row in rows:
        row["percent"] = round(100 * row["total"] / tallest) if tallest else 0
    return rows
