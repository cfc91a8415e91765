"""Where a process's work goes and when it is due: the nearest post of a role, and due dates in working days."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Post
from .roles import role_label
from .services import TaskNotAvailable
from .workdays.services import add_working_days


class NoPostForRole(TaskNotAvailable):
    """No active post of this role exists in the office or any office above it: the organisation needs one.

    A TaskNotAvailable: the officer whose action would route the case there is told so, and nothing changes.
    """

    def __init__(self, role, office):
        super().__init__(
            _(
                "There is no post of “%(role)s” in %(office)s or any office above it, so the case cannot be sent "
                "on. Ask the administrator to create the post. Nothing was changed."
            )
            % {"role": role_label(role), "office": office}
        )


def nearest_post(office, role: str, *, start_above: bool = False) -> Post:
    """The active post of `role` in `office` (with start_above: in its parent), else the nearest office above.

    Raises NoPostForRole when the tree has none up to the top: a flow cannot route the case anywhere, and
    the transaction that wanted to route it rolls back.
    """
    current = office.parent if start_above else office
    while current is not None:
        post = Post.objects.filter(office=current, role=role, is_active=True).select_related("office").first()
        if post is not None:
            return post
        current = current.parent
    raise NoPostForRole(role, office)


def due_after_working_days(start, days: int) -> datetime.datetime:
    """The end of the `days`-th working day after `start`, in Dhaka time (the offices' calendar)."""
    day = add_working_days(start, days)
    end_of_day = datetime.datetime.combine(day, datetime.time(23, 59, 59))
    return timezone.make_aware(end_of_day)
