"""Reusable reads of the back office: inboxes and SLA states. Each is one query, however long the list;
the `*_partitions` functions split an inbox into index ranges for the keyset paginator (pagination.py)."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from viewflow.workflow.status import STATUS

from .access import acting_posts, office_filter, visible_office_ids
from .models import AuditEntry, CaseComment, CaseCommentAttachment, CaseProcessMixin, RoutedTask

OPEN_STATUSES = (STATUS.NEW, STATUS.ASSIGNED, STATUS.STARTED)
NOT_GIVEN = object()


def routed_tasks():
    return RoutedTask.objects.select_related("task", "owner", "post__office", "office")


def acting_post_ids(user) -> list[int]:
    return [acting.post.pk for acting in acting_posts(user)]


def my_tasks(user, post_ids=None):
    """Open tasks claimed by the user, or waiting unclaimed for one of the posts the user acts for.

    Reads the route's own copies of the task's status and owner, so each half is a range of an index
    of RoutedTask (PostgreSQL combines the two with a BitmapOr); `my_tasks_partitions` gives the halves
    to the keyset paginator, which reads them in order.
    """
    post_ids = acting_post_ids(user) if post_ids is None else post_ids
    return routed_tasks().filter(Q(post_id__in=post_ids, status=STATUS.NEW) | Q(owner=user, status__in=OPEN_STATUSES))


def my_tasks_partitions(user, post_ids) -> list[Q]:
    """`my_tasks` as index ranges: one per post (routedtask_post_inbox), one per open status of the user's own."""
    waiting = [Q(post_id=pk, status=STATUS.NEW) for pk in post_ids]
    return waiting + [Q(owner=user, status=status) for status in OPEN_STATUSES if status != STATUS.NEW]


def unassigned_in_my_offices(user, office_ids=NOT_GIVEN):
    """Open, unclaimed tasks of the offices the user's posts cover (`office_ids`: from visible_office_ids)."""
    offices = visible_office_ids(user) if office_ids is NOT_GIVEN else office_ids
    tasks = routed_tasks().filter(status=STATUS.NEW, owner__isnull=True)
    return tasks if offices is None else tasks.filter(office_id__in=offices)


def office_partitions(office_ids) -> list[Q] | None:
    """One index range per office (routedtask_office_inbox, complaint_office_submitted); None: all offices."""
    return None if office_ids is None else [Q(office_id=pk) for pk in sorted(office_ids)]


def done_by(user):
    return routed_tasks().filter(status=STATUS.DONE, owner=user)


def visible_tasks(user):
    """Every routed task, open or done, of the offices the user may see (for per-process lists)."""
    return routed_tasks().filter(office_filter(user))


def routes_of(case):
    """Every routed task (open or done) of every process of the case."""
    return routed_tasks().filter(task__process__in=CaseProcessMixin.processes_of(case))


def open_routes_of(case):
    """The case's routed tasks that wait for an officer (any of its processes), oldest first."""
    return routes_of(case).filter(status__in=OPEN_STATUSES).order_by("created", "pk")


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
