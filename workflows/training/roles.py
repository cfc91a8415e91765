"""The posts the training process routes to: the course director (a batch names its director's post)
and the institute's head (core's office head)."""

from django.utils.translation import gettext_lazy as _

from workflows.core.roles import OFFICE_HEAD, register_role

COURSE_DIRECTOR = register_role("course_director", _("Course director"))

__all__ = ["COURSE_DIRECTOR", "OFFICE_HEAD"]
