from django.utils.translation import gettext_lazy as _

from workflows.core.viewsets import CaseViewSet, register_case_viewset

from .imports import LeaveRegisterImportView
from .models import LeaveRequest


class LeaveViewSet(CaseViewSet):
    model = LeaveRequest
    url_prefix = "workflows/leave"
    url_namespace = "leave_admin"
    menu_label = _("Leave requests")
    list_display = ["reason"]
    list_export = ["tracking_number", "office", "get_status_display", "submitted_at", "reason"]

    def extra_urls(self):
        return LeaveRegisterImportView.urls("register/<int:office_id>/import/", name="register_import")


register_case_viewset(LeaveViewSet())
