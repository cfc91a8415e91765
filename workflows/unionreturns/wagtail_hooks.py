"""The unions' annual returns in the admin, under Workflows: the list, each return with its figures and PDFs."""

from django.utils.translation import gettext_lazy as _

from workflows.core.viewsets import CaseViewSet, register_case_viewset

from .models import AnnualReturn, ReturnDocument
from .reports import AnnualReturnReport


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
