"""The annual returns report: per office and month of submission, returns open, returned and certified."""

from django.utils.translation import gettext_lazy as _

from workflows.core.reports import ProcessReport

from .models import AnnualReturn


class AnnualReturnReport(ProcessReport):
    model = AnnualReturn
    title = _("Union annual returns report")
    chart_title = _("Annual returns per month")
    columns = {"with_office": _("With the office"), "returned": _("Returned to the union"), "certified": _("Certified")}
    decided_field = "certified_at"

    def cases(self):
        # A draft is the union's own until it is submitted.
        return super().cases().exclude(status=AnnualReturn.Status.DRAFT)
