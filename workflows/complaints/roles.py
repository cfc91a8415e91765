"""The posts the complaint process routes to (registered with the core's role registry)."""

from django.utils.translation import gettext_lazy as _

from workflows.core.roles import OFFICE_HEAD, register_role

GRIEVANCE_REDRESS_OFFICER = register_role("gro", _("Grievance redress officer"))
APPEAL_OFFICER = register_role("appeal_officer", _("Appeal officer"))

__all__ = ["APPEAL_OFFICER", "GRIEVANCE_REDRESS_OFFICER", "OFFICE_HEAD"]
