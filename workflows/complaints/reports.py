"""The complaints report: per office and month, outcomes, median time to a decision, SLA compliance."""

from django.utils.translation import gettext_lazy as _

from workflows.core.reports import ProcessReport

from .models import Complaint


class ComplaintReport(ProcessReport):
    model = Complaint
    title = _("Complaints report")
    chart_title = _("Complaints per month")
    columns = {"open": _("Open"), "resolved": _("Resolved"), "rejected": _("Rejected"), "appealed": _("Appealed")}
    decided_field = "resolved_at"
    due_field = "due_at"
