from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnionReturnsConfig(AppConfig):
    name = "workflows.unionreturns"
    label = "unionreturns"
    verbose_name = _("Union annual returns")
    # The union's representatives keep and send their returns under /bn/union-returns/ and /en/union-returns/.
    public_urls = "workflows.unionreturns.urls"
    public_prefix = "union-returns/"

    def ready(self):
        from workflows.core.models.audit import register_audit_vocabulary
        from workflows.unions.portal import register_union_page_section

        from .models import AnnualReturn
        from .views import section_context

        register_audit_vocabulary(
            actions={
                "annualreturn.start": _("Return started"),
                "annualreturn.submit": _("Return submitted"),
                "annualreturn.resubmit": _("Corrected return submitted"),
                "annualreturn.return_to_union": _("Returned to the union with remarks"),
                "annualreturn.accept": _("Accepted by the examiner"),
                "annualreturn.send_back_to_examiner": _("Sent back to the examiner"),
                "annualreturn.certify": _("Certified"),
            },
            states=dict(AnnualReturn.Status.choices),
        )
        register_union_page_section("unionreturns/portal/section.html", context=section_context)
