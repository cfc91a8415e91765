"""The complaints in the admin, under Workflows: the list of cases, each case, its attachments, the report."""

from django.utils.translation import gettext_lazy as _

from workflows.core.viewsets import CaseViewSet, register_case_viewset

from .models import Complaint, ComplaintAttachment
from .reports import ComplaintReport


class ComplaintViewSet(CaseViewSet):
    model = Complaint
    url_prefix = "workflows/complaints"
    url_namespace = "complaints_admin"
    menu_label = _("Complaints")
    menu_icon = "mail"
    list_display = ["subject"]
    search_fields = ["tracking_number", "subject"]
    list_export = [
        "tracking_number",
        "office",
        "get_status_display",
        "submitted_at",
        "due_at",
        "resolved_at",
        "subject",
    ]
    due_field = "due_at"
    attachment_model = ComplaintAttachment
    report_class = ComplaintReport


register_case_viewset(ComplaintViewSet())
