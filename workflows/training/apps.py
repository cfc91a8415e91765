from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "workflows.training"
    label = "training"
    verbose_name = _("Workers' training")
    # Trainees find and download their certificates under /bn/training/ and /en/training/.
    public_urls = "workflows.training.urls"
    public_prefix = "training/"

    def ready(self):
        from workflows.core.models.audit import register_audit_vocabulary

        from . import roles  # noqa: F401  (registers the course director's role)
        from .models import Batch

        register_audit_vocabulary(
            actions={
                "batch.submit": _("Batch registered"),
                "batch.send_for_approval": _("Sent for approval"),
                "batch.approve": _("Approved"),
                "batch.return_to_director": _("Returned to the course director"),
                "batch.certify": _("Certificates issued"),
                "batch.import_trainees": _("Trainees imported"),
            },
            states=dict(Batch.Status.choices),
        )
