"""SLA timers: reminders before a routed task's due date and escalation to the office head's post after it.

The timers are the `remind_at`, `due_at`, `reminded_at` and `escalated_at` columns of RoutedTask, read
every few minutes by the jobs of schedule.py (Celery beat, or the embedded scheduler of `make run`), so
no Celery message is ever scheduled ahead of time (nothing can outlive the broker's visibility timeout or
a Redis restart). Each timer fires through a conditional UPDATE that only one worker can win, so firing
twice reminds or escalates once.
"""

from django.db import transaction
from django.utils import timezone

from .models import RoutedTask
from .roles import OFFICE_HEAD
from .routing import NoPostForRole, nearest_post
from .selectors import OPEN_STATUSES
from .services import record

BATCH = 500


def send_reminders(now=None) -> int:
    """Remind the post of each open task whose reminder time (PostTask.Remind) has come; once per task."""
    now = now or timezone.now()
    due_soon = RoutedTask.objects.filter(
        task__status__in=OPEN_STATUSES, remind_at__lte=now, due_at__gt=now, reminded_at__isnull=True
    ).values_list("pk", flat=True)[:BATCH]
    sent = 0
    for pk in list(due_soon):
        with transaction.atomic():
            if RoutedTask.objects.filter(pk=pk, reminded_at__isnull=True).update(reminded_at=now) != 1:
                continue  # another worker got there first
            route = RoutedTask.objects.select_related("post__office").get(pk=pk)
            record(
                "sla.reminder",
                obj=route.task.process,
                case_label=route.case_label,
                post=route.post,
                data={"due_at": route.due_at.isoformat()},
            )
            notify_post(route.post, "task-due-soon", route, f"reminder-{pk}")
            sent += 1
    return sent


def escalate_overdue(now=None) -> int:
    """Route each overdue task to the head of its office (or the nearest above); once per task."""
    now = now or timezone.now()
    overdue = RoutedTask.objects.filter(
        task__status__in=OPEN_STATUSES, due_at__lte=now, escalated_at__isnull=True
    ).values_list("pk", flat=True)[:BATCH]
    escalated = 0
    for pk in list(overdue):
        with transaction.atomic():
            if RoutedTask.objects.filter(pk=pk, escalated_at__isnull=True).update(escalated_at=now) != 1:
                continue
            route = RoutedTask.objects.select_related("post__office__parent", "task").get(pk=pk)
            try:
                head = nearest_post(route.post.office, OFFICE_HEAD)
            except NoPostForRole:
                head = None  # nobody above: the task stays where it is, and the escalation is still recorded
            old_post = route.post
            if head is not None and head.pk != old_post.pk:
                route.post, route.office = head, head.office
                route.save(update_fields=["post", "office"])
                task = route.task
                with task.flow_task.flow_class.lock(task.process_id):
                    task.refresh_from_db()
                    if task.owner_id:  # whoever had claimed it let it lapse: it now waits for the head
                        task.flow_task.activation_class(task).unassign()
                    task.owner_permission_obj_pk = str(head.pk)
                    task.save(update_fields=["owner_permission_obj_pk"])
            record(
                "sla.escalate",
                obj=route.task.process,
                case_label=route.case_label,
                post=old_post,
                data={"to_post": str(route.post), "due_at": route.due_at.isoformat()},
            )
            notify_post(route.post, "task-escalated", route, f"escalated-{pk}")
            escalated += 1
    return escalated


def notify_post(post, template_key, route, event):
    """Email the post's current holders (in their admin language) about a task."""
    from wagtail.users.models import UserProfile

    from .models import PostHolding
    from .notifications.services import notify

    for holding in PostHolding.objects.current().filter(post=post).select_related("user"):
        user = holding.user
        if not user.email:
            continue
        language = UserProfile.get_for_user(user).get_preferred_language() or "bn"
        notify(
            template_key,
            language=language[:2],
            email=user.email,
            context={"case": route.case_label, "post": str(post), "due_at": route.due_at},
            idempotency_key=f"{event}-user-{user.pk}",
        )
