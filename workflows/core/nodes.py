"""viewflow nodes for work routed to posts.

`PostTask` is a human task that waits for whoever holds (or acts for) a post. It stores the post
on the task the viewflow way (an object-level `owner_permission`) and writes a `RoutedTask` row
with the post, office and due date, which the inboxes and SLA timers query.

`BackgroundJob` is work the process does by itself in a Celery worker (issuing certificates in bulk):
idempotent, resumed by a periodic sweep when its worker died.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from viewflow import this
from viewflow.workflow.activation import Activation
from viewflow.workflow.models import Task
from viewflow.workflow.nodes import AbstractJob, AbstractJobActivation
from viewflow.workflow.nodes.view import View, ViewActivation
from viewflow.workflow.status import STATUS

from .access import can_act_for, visible_office_ids
from .models import Post, RoutedTask

ACT_FOR_POST = "workflows_core.act_for_post"


class PostTaskActivation(ViewActivation):
    @classmethod
    def create(cls, flow_task, prev_activation, token, data=None, seed=None):
        activation = super().create(flow_task, prev_activation, token, data=data, seed=seed)
        flow_task.route(activation)
        return activation


class PostTask(View):
    """A human task for the holder of a post: `PostTask().Route(this.gro_post).Due(this.complaint_due)`."""

    activation_class = PostTaskActivation

    def __init__(self, **kwargs):
        super().__init__(view=None, **kwargs)
        self._post_ref = None
        self._due_ref = None
        self._remind_ref = None
        self._case_label_ref = None
        self.form_class = None
        self._owner_permission = ACT_FOR_POST
        self._owner_permission_obj = None

    def Route(self, post_ref):
        """Which post the task waits for: a callable (activation) → Post."""
        self._post_ref = post_ref
        return self

    def Due(self, due_ref):
        """When the task is due: a callable (activation) → aware datetime or None."""
        self._due_ref = due_ref
        return self

    def Remind(self, remind_ref):
        """When the post gets a reminder: a callable (activation) → aware datetime; without it,
        SLA_REMINDER_HOURS before the due date."""
        self._remind_ref = remind_ref
        return self

    def Form(self, form_class):
        """The form the task page shows; its `apply(activation, user)` does the work under the lock."""
        self.form_class = form_class
        return self

    def CaseLabel(self, label_ref):
        """What to call the case in inboxes: a callable (activation) → str; the case's tracking number by default."""
        self._case_label_ref = label_ref
        return self

    def _resolve(self, instance):
        super()._resolve(instance)
        self._post_ref = this.resolve(instance, self._post_ref)
        self._due_ref = this.resolve(instance, self._due_ref)
        self._remind_ref = this.resolve(instance, self._remind_ref)
        self._case_label_ref = this.resolve(instance, self._case_label_ref)

    def route(self, activation) -> RoutedTask:
        post = self._post_ref(activation)
        task = activation.task
        task.owner_permission = ACT_FOR_POST
        task.owner_permission_content_type = ContentType.objects.get_for_model(Post)
        task.owner_permission_obj_pk = str(post.pk)
        task.save(update_fields=["owner_permission", "owner_permission_content_type", "owner_permission_obj_pk"])
        due_at = self._due_ref(activation) if self._due_ref else None
        return RoutedTask.objects.create(
            task=task,
            post=post,
            office_id=post.office_id,
            flow_label=self.flow_class.instance.flow_label,
            case_label=self.case_label(activation),
            due_at=due_at,
            remind_at=self.remind_at(activation, due_at),
            status=task.status,
            owner_id=task.owner_id,
            created=task.created,
        )

    def case_label(self, activation) -> str:
        if self._case_label_ref:
            return self._case_label_ref(activation)
        case = getattr(activation.process.coerced, "case", None)
        return case.tracking_number if case is not None else ""

    def remind_at(self, activation, due_at):
        if self._remind_ref:
            return self._remind_ref(activation)
        if due_at is None:
            return None
        return due_at - datetime.timedelta(hours=getattr(settings, "SLA_REMINDER_HOURS", 5 * 24))

    # viewflow asks the node who may claim and act; the answer comes from posts and delegations.
    def can_assign(self, user, task):
        if task.owner_id or not user.is_authenticated:
            return False
        return may_claim(user, task.route)

    def can_execute(self, user, task):
        return task.owner_id == user.pk

    def can_unassign(self, user, task):
        if task.owner_id is None or not user.is_authenticated:
            return False
        return task.owner_id == user.pk or user.is_superuser


def may_claim(user, route: RoutedTask) -> bool:
    """The post's holders and delegates may claim its tasks; so may superusers."""
    return user.is_superuser or can_act_for(user, route.post) is not None


def may_see(user, route: RoutedTask) -> bool:
    """Office-level access: the task's office is one the user's posts cover."""
    offices = visible_office_ids(user)
    return offices is None or route.office_id in offices


# --- Background jobs ---------------------------------------------------------------------------------


class BackgroundJobActivation(AbstractJobActivation):
    @Activation.status.transition(source=STATUS.NEW, target=STATUS.SCHEDULED)
    def activate(self):
        """Queue the job once the transaction that reached this node has committed: the worker must see
        the rows it works on, and a long job must not run under the lock of the request that started it."""
        self.task.save()
        task_pk = self.task.pk
        # robust: a job that fails is retried by the sweep; it must not turn the officer's request into a 500.
        transaction.on_commit(lambda: queue_background_job(task_pk), robust=True)


class BackgroundJob(AbstractJob):
    """Work the process does on its own, in a Celery worker: `BackgroundJob(this.issue_certificates)`.

    The flow's method gets the process and must be idempotent (safe to run twice, or to resume after a
    crash halfway): it commits its work as it goes. When it returns, the task is completed under the
    process lock and the flow moves on. A job whose worker died is queued again by the periodic sweep
    (`resume_background_jobs`), so a killed worker delays the work and never loses it."""

    activation_class = BackgroundJobActivation

    def __init__(self, job_ref, **kwargs):
        super().__init__(**kwargs)
        self._job_ref = job_ref

    def _resolve(self, instance):
        super()._resolve(instance)
        self._job_ref = this.resolve(instance, self._job_ref)

    def run_job(self, process):
        return self._job_ref(process)


def queue_background_job(task_pk: int) -> None:
    from .tasks import run_background_job

    run_background_job.delay(task_pk)


def run_background_job(task_pk: int) -> str:
    """Start (or resume) the job task, run the flow's job outside the lock, then complete it and move on."""
    task = Task.objects.filter(pk=task_pk, status__in=[STATUS.SCHEDULED, STATUS.STARTED]).first()
    if task is None or not isinstance(task.flow_task, BackgroundJob):
        return "not waiting"
    with task.activation() as activation:
        if activation.task.status not in (STATUS.SCHEDULED, STATUS.STARTED):
            return "not waiting"
        activation.start()
    task.flow_task.run_job(activation.process)
    with task.activation() as activation:
        if activation.task.status != STATUS.STARTED:
            return "finished elsewhere"  # a second run of the same job got here first
        activation.execute()
    return "done"


def resume_background_jobs(now=None) -> int:
    """Queue again the jobs whose worker went away: scheduled or started longer ago than
    BACKGROUND_JOB_RESUME_SECONDS (a job writes its progress, so a long one that is alive is not stale)."""
    now = now or timezone.now()
    stale = now - datetime.timedelta(seconds=getattr(settings, "BACKGROUND_JOB_RESUME_SECONDS", 300))
    tasks = Task.objects.filter(flow_task_type=BackgroundJob.task_type, status__in=[STATUS.SCHEDULED, STATUS.STARTED])
    pks = [
        task.pk
        for task in tasks.filter(Q(started__lt=stale) | Q(started__isnull=True, created__lt=stale)).only("pk")
        if isinstance(task.flow_task, BackgroundJob)
    ]
    for pk in pks:
        queue_background_job(pk)
    return len(pks)
