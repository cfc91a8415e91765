"""Post roles as a registry: each process app registers the roles its flows route work to.

A role is what a flow looks a post up by (`nearest_post(office, role)`): "the grievance redress
officer of this office". Core knows only the roles it uses itself (the office head, to whom the SLA
timers escalate) and "other"; complaints register theirs in `workflows/complaints/roles.py`, the next
process in its own folder. `Post.role` takes its choices from here at run time, so a new role needs no
migration of the core.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

_ROLES: dict[str, Promise | str] = {}


def register_role(code: str, label) -> str:
    """Make `code` a role posts can have (idempotent); returns the code, to use as a constant."""
    if len(code) > 30:
        raise ValueError(f"role codes are at most 30 characters: {code!r}")
    _ROLES.setdefault(code, label)
    return code


def role_choices() -> list[tuple[str, str]]:
    """The registered roles for Post.role, "other" last."""
    return sorted(_ROLES.items(), key=lambda item: (item[0] == OTHER, str(item[1])))


def role_label(code: str):
    return _ROLES.get(code, code)


OFFICE_HEAD = register_role("office_head", _("Head of office"))
OTHER = register_role("other", _("Other"))
