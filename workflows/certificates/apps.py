from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "workflows.certificates"
    label = "certificates"
    verbose_name = _("Certificates")
    # The public verification pages, under /bn/verify/ and /en/verify/.
    public_urls = "workflows.certificates.urls"
    public_prefix = "verify/"

    def ready(self):
        from workflows.core.models.audit import register_audit_vocabulary

        from . import checks  # noqa: F401  (registers the deploy check of the signing keys)
        from .models import Certificate

        register_audit_vocabulary(
            actions={
                "certificate.issue": _("Certificate issued"),
                "certificate.revoke": _("Certificate revoked"),
            },
            states=dict(Certificate.Status.choices),
        )
