"""The unions' annual returns in the admin, under Workflows: the list, each return with its figures and PDFs, the
report, and the season's defaulters with a notice letter each."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.core.access import visible_office_ids
from workflows.core.exports import csv_text
from workflows.core.textnorm import latin_digits
from workflows.core.viewsets import CaseViewSet, register_case_viewset

from . import season
from .models import AnnualReturn, ReturnDocument, due_date
from .reports import AnnualReturnReport, SeasonReport, default_year


class AnnualReturnViewSet(CaseViewSet):
    model = AnnualReturn
    url_prefix = "workflows/union-returns"
    url_namespace = "unionreturns_admin"
    menu_label = _("Union annual returns")
    menu_icon = "doc-full-inverse"
    menu_order = 430
    list_display = ["union", "year"]
    search_fields = ["tracking_number", "union__name_bn", "union__name_en", "union__registration_number"]
    list_export = [
        "tracking_number",
        "office",
        "union_name",
        "year",
        "get_status_display",
        "version",
        "last_submitted_at",
    ]
    export_headings = {"union_name": _("Union")}
    attachment_model = ReturnDocument
    report_class = AnnualReturnReport

    def cases_in(self, office_ids):
        # The drafts are the union's own until it submits them.
        return super().cases_in(office_ids).exclude(status=AnnualReturn.Status.DRAFT).select_related("union")


register_case_viewset(AnnualReturnViewSet())


# --- The season's defaulters: per office and year, with a notice letter each ---------------------------


def year_of(request, default: int) -> int:
    try:
        return int(latin_digits(request.GET.get("year", "")))
    except ValueError:
        return default


def recent_years() -> list[int]:
    this_year = timezone.localdate().year
    return list(range(this_year - 1, this_year - 6, -1))


class SeasonReportView(WagtailAdminTemplateMixin, TemplateView):
    """Per office and year: active unions, submitted, returned, certified, overdue, median days; CSV and XLSX."""

    template_name = "unionreturns/admin/season_report.html"
    page_title = _("Annual returns by office and year")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        self.report = SeasonReport(request.user, year_of(request, default_year()))
        export = request.GET.get("export")
        filename = f"union-returns-{self.report.year}"
        if export == "csv":
            response = HttpResponse(csv_text(*self.report.table()), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
            return response
        if export == "xlsx":
            response = HttpResponse(
                self.report.xlsx(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
            response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "report": self.report,
            "year": self.report.year,
            "rows": self.report.rows(),
            "years": recent_years(),
        }


class DefaultersView(WagtailAdminTemplateMixin, TemplateView):
    """Active unions of the officer's offices that missed the 30 April due date of a year's return."""

    template_name = "unionreturns/admin/defaulters.html"
    page_title = _("Unions that have not sent their annual return")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        # Before this year's due date has passed, the last season that closed is the year before.
        year = year_of(self.request, today.year - 1 if today > due_date(today.year - 1) else today.year - 2)
        unions = list(season.defaulters(year, visible_office_ids(self.request.user)))
        return {
            **super().get_context_data(**kwargs),
            "year": year,
            "due_on": due_date(year),
            "unions": unions,
            "years": recent_years(),
        }


def notice(request, union_id, year):
    """The notice letter to one defaulting union of the officer's offices (404 otherwise), as a PDF."""
    union = get_object_or_404(season.defaulters(year, visible_office_ids(request.user)), pk=union_id)
    response = HttpResponse(season.notice_pdf(union, year), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="notice-{year}-{union.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@hooks.register("register_admin_urls")
def defaulters_urls():
    return [
        path("workflows/union-returns-defaulters/", DefaultersView.as_view(), name="unionreturns_defaulters"),
        path("workflows/union-returns-season/", SeasonReportView.as_view(), name="unionreturns_season"),
        path(
            "workflows/union-returns-defaulters/<int:union_id>/<int:year>/notice.pdf",
            notice,
            name="unionreturns_notice",
        ),
    ]


@hooks.register("register_workflows_menu_item")
def defaulters_menu_item():
    return [MenuItem(_("Unions without a return"), reverse("unionreturns_defaulters"), icon_name="warning", order=435)]
