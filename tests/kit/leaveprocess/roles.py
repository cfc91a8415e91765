from django.utils.translation import gettext_lazy as _

from workflows.core.contract import register_role

ADMINISTRATION = register_role("administration", _("Administration section"))
