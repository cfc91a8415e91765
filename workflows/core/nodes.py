"""viewflow nodes for work routed to posts.

`PostTask` is a human task that waits for whoever holds (or acts for) a post. It stores the post
on the task the viewflow way (an object-level `owner_permission`) and writes a `RoutedTask` row
with the post, office and due date, which the inboxes and SLA timers query.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from viewflow import this
from viewflow.workflow.nodes.view import View, ViewActivation

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
