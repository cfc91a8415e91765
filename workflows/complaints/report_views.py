"""The complaints report in the admin (with CSV export) and its chart on the admin home."""

import csv

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import reports


def office_name(row):
    from django.utils.translation import get_language

    return row["office__name_en"] if (get_language() or "bn").startswith("en") else row["office__name_bn"]


class ComplaintReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Complaints report")
    header_icon = "table"
    template_name = "complaints/admin/report.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("export") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def rows(self):
        rows = list(reports.by_office_and_month(self.request.user))
        for row in rows:
            row["office"] = office_name(row)
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            rows=self.rows(),
            summary=reports.summary(self.request.user),
            months=reports.monthly_totals(self.request.user),
        )
        return context

    def csv_response(self):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="complaints-report.csv"'
        response.write("\ufeff")  # so that spreadsheet programs read the Bengali text as UTF-8
        writer = csv.writer(response)
        writer.writerow([_("Office"), _("Month"), _("Total"), _("Open"), _("Resolved"), _("Rejected"), _("Appealed")])
        for row in self.rows():
            writer.writerow(
                [
                    row["office"],
                    row["month"].strftime("%Y-%m"),
                    row["total"],
                    row["open"],
                    row["resolved"],
                    row["rejected"],
                    row["appealed"],
                ]
            )
        return response


class ComplaintChartPanel(Component):
    """Complaints per month, as bars, for officers whose offices have complaints."""

    name = "complaints_chart"
    order = 60
    template_name = "complaints/admin/chart_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {"months": reports.monthly_totals(self.user, months=6)}
