"""Which post a complaint's task goes to: the office's own post for the role, else the nearest above it."""

import datetime

from django.utils import timezone

from workflows.core.models import Post
from workflows.core.workdays.services import add_working_days


class NoPostForRole(Exception):
    """No active post of this role exists in the office or any office above it: the organisation needs one."""


def nearest_post(office, role, *, start_above=False) -> Post:
    """The active post of `role` in `office` (or, with start_above, its parent), walking up the tree."""
    current = office.parent if start_above else office
    while current is not None:
        post = Post.objects.filter(office=current, role=role, is_active=True).select_related("office").first()
        if post is not None:
            return post
        current = current.parent
    raise NoPostForRole(f"no active {role} post at or above {office}")


def grievance_officer(office) -> Post:
    return nearest_post(office, Post.Role.GRIEVANCE_REDRESS_OFFICER)


def appeal_officer(office) -> Post:
    """The appeal officer of the parent office (GRS: appeals go one level up)."""
    return nearest_post(office, Post.Role.APPEAL_OFFICER, start_above=True)


def office_head(office) -> Post:
    return nearest_post(office, Post.Role.OFFICE_HEAD)


def due_after_working_days(start, days) -> datetime.datetime:
    """The end of the `days`-th working day after `start`, in Dhaka time."""
    day = add_working_days(start, days)
    end_of_day = datetime.datetime.combine(day, datetime.time(23, 59, 59))
    return timezone.make_aware(end_of_day)
