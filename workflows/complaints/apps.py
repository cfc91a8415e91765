from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "workflows.complaints"
    label = "complaints"
    verbose_name = _("Complaints")
    # The public form and status pages, under /bn/complaints/ and /en/complaints/.
    public_urls = "workflows.complaints.urls"
    public_prefix = "complaints/"

    def ready(self):
        from workflows.core.models.audit import register_audit_vocabulary

        from . import roles  # noqa: F401  (registers the complaint process's post roles)
        from .models import Complaint

        register_audit_vocabulary(
            actions={
                "complaint.submit": _("Complaint filed"),
                "complaint.accept": _("Accepted for review"),
                "complaint.request_information": _("Asked the complainant for information"),
                "complaint.receive_information": _("The complainant answered"),
                "complaint.forward": _("Forwarded to another office"),
                "complaint.resolve": _("Resolved"),
                "complaint.reject": _("Rejected"),
                "complaint.appeal": _("Appeal filed"),
                "complaint.decide_appeal": _("Appeal decided"),
                "complaint.close": _("Closed"),
            },
            states=dict(Complaint.Status.choices),
        )
