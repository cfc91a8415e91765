"""The posts of the trade-union register: the labour office's officer who examines a union's audited
annual return (s.201 of the Bangladesh Labour Act 2006). The register itself is kept by any officer of
the registering office."""

from django.utils.translation import gettext_lazy as _

from workflows.core.roles import register_role

UNION_EXAMINER = register_role("union_examiner", _("Union audit examiner"))

__all__ = ["UNION_EXAMINER"]
