"""Who may see and act on what: the posts a user acts for and the offices those posts cover.

Every back-office view goes through these functions; none decides access on its own.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Max, Q

from .models import Delegation, Office, Post, PostHolding


@dataclass(frozen=True)
class ActingPost:
    post: Post
    delegated: bool  # True when the user acts for the post through a delegation


def acting_posts(user, at=None) -> list[ActingPost]:
    """The active posts the user holds or has been delegated, held ones first (two queries)."""
    if not user.is_authenticated:
        return []
    held = {
        h.post_id: ActingPost(h.post, False)
        for h in PostHolding.objects.current(at).filter(user=user, post__is_active=True).select_related("post__office")
    }
    for delegation in (
        Delegation.objects.current(at).filter(delegate=user, post__is_active=True).select_related("post__office")
    ):
        held.setdefault(delegation.post_id, ActingPost(delegation.post, True))
    return list(held.values())


def office_descendants(office_ids) -> set[int]:
    """The given offices and every office below them (one query over the office tree)."""
    children = {}
    for pk, parent_id in Office.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    seen, stack = set(), list(office_ids)
    while stack:
        pk = stack.pop()
        if pk not in seen:
            seen.add(pk)
            stack.extend(children.get(pk, ()))
    return seen


def visible_office_ids(user, at=None) -> set[int] | None:
    """Offices whose cases the user may see; None means every office (superusers)."""
    if user.is_superuser:
        return None
    posts = acting_posts(user, at)
    direct = {p.post.office_id for p in posts if not p.post.covers_sub_offices}
    wide = {p.post.office_id for p in posts if p.post.covers_sub_offices}
    return direct | (office_descendants(wide) if wide else set())


def office_filter(user, field="office", at=None) -> Q:
    """A Q object restricting a queryset to the offices the user may see."""
    offices = visible_office_ids(user, at)
    if offices is None:
        return Q()
    return Q(**{f"{field}__in": offices})


def can_act_for(user, post, at=None) -> ActingPost | None:
    """How the user may act for this post (held or delegated), or None."""
    for acting in acting_posts(user, at):
        if acting.post.pk == post.pk:
            return acting
    return None


@dataclass(frozen=True)
class OfficerAccess:
    """What an officer may do with a case reached through one of its tasks.

    Full: the officer's offices cover the case's office, or an open task of the case waits in them.
    Read-only: the case left the officer's offices (forwarded elsewhere) after their tasks there were
    done; they keep its status and its history up to `until` (the last of their tasks there), while
    comments, files and actions after it belong to the office that has the case now.
    """

    read_only: bool
    until: datetime.datetime | None = None


FULL_ACCESS = OfficerAccess(read_only=False)


def officer_access(user, case, case_routes) -> OfficerAccess:
    """`case_routes`: the case's RoutedTask queryset (selectors.routes_of). One or two queries."""
    from viewflow.workflow.status import STATUS

    offices = visible_office_ids(user)
    if offices is None or case.office_id in offices:
        return FULL_ACCESS
    mine = case_routes.filter(office_id__in=offices)
    if mine.exclude(task__status__in=(STATUS.DONE, STATUS.CANCELED)).exists():
        return FULL_ACCESS
    return OfficerAccess(read_only=True, until=mine.aggregate(until=Max("task__finished"))["until"])
