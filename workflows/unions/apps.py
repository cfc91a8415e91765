from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnionsConfig(AppConfig):
    name = "workflows.unions"
    label = "unions"
    verbose_name = _("Trade unions")
    # Unions' representatives sign in and see their union under /bn/unions/ and /en/unions/.
    public_urls = "workflows.unions.urls"
    public_prefix = "unions/"

    def ready(self):
        from workflows.core.models.audit import register_audit_vocabulary

        from . import roles  # noqa: F401  (registers the union audit examiner's role)
        from .models import Union

        register_audit_vocabulary(
            actions={
                "union.register": _("Union registered"),
                "union.edit": _("Union's register entry changed"),
                "union.import": _("Unions imported"),
                "union.cancel": _("Registration cancelled"),
                "representative.invite": _("Representative invited"),
                "representative.deactivate": _("Representative deactivated"),
                "representative.sign_in": _("Representative signed in"),
            },
            states=dict(Union.Status.choices),
        )
