"""Reusable reads of the back office: inboxes and SLA states. Each is one query, however long the list."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from viewflow.workflow.status import STATUS

from .access import acting_posts, office_filter
from .models import AuditEntry, CaseComment, CaseCommentAttachment, CaseProcessMixin, RoutedTask

OPEN_STATUSES = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)


def routed_tasks():
    return RoutedTask.objects.select_related("task", "task__owner", "post__office", "office")


def my_tasks(user):
    """Open tasks claimed by the user, or waiting unclaimed for one of the posts the user acts for.

    Written as two indexed subqueries (by post, by owner) rather than one OR across the join, which
    PostgreSQL can only answer by scanning every task.
    """
    post_ids = [acting.post.pk for acting in acting_posts(user)]
    waiting_for_my_posts = RoutedTask.objects.filter(post_id__in=post_ids, task__status=STATUS.NEW).values("pk")
    claimed_by_me = RoutedTask.objects.filter(task__owner=user, task__status__in=OPEN_STATUSES).values("pk")
    return routed_tasks().filter(Q(pk__in=waiting_for_my_posts) | Q(pk__in=claimed_by_me))


def unassigned_in_my_offices(user):
    """Open, unclaimed tasks of the offices the user's posts cover."""
    return routed_tasks().filter(office_filter(user), task__status=STATUS.NEW, task__owner__isnull=True)


def done_by(user):
    return routed_tasks().filter(task__status=STATUS.DONE, task__owner=user)


def visible_tasks(user):
    """Every routed task, open or done, of the offices the user may see (for per-process lists)."""
    return routed_tasks().filter(office_filter(user))


def routes_of(case):
    """Every routed task (open or done) of every process of the case."""
    return routed_tasks().filter(task__process__in=CaseProcessMixin.processes_of(case))


def case_history(case, *, until=None) -> list[AuditEntry]:
    """The audit trail of the case and all its processes, oldest first, each comment entry with its files.

    `until`: only the entries up to that moment (what an office that forwarded the case may still read).
    """
    process_ids = CaseProcessMixin.processes_of(case).values_list("pk", flat=True)
    entries = AuditEntry.objects.for_case(case, [str(pk) for pk in process_ids])
    if until is not None:
        entries = entries.filter(at__lte=until)
    entries = list(entries)
    files = {}
    for attachment in CaseCommentAttachment.objects.filter(comment__in=CaseComment.objects.for_object(case)):
        files.setdefault(attachment.comment_id, []).append(attachment)
    for entry in entries:
        entry.files = files.get(entry.data.get("comment_id"), [])
    return entries


class SlaState:
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


def sla_state(due_at, now=None):
    """On time, due soon (within SLA_DUE_SOON_HOURS) or overdue; None without a due date."""
    if due_at is None:
        return None
    now = now or timezone.now()
    if due_at <= now:
        return SlaState.OVERDUE
    if due_at - now <= datetime.timedelta(hours=getattr(settings, "SLA_DUE_SOON_HOURS", 72)):
        return SlaState.DUE_SOON
    return SlaState.ON_TIME
