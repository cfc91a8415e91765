"""Where each open viewflow task waits: the post and office it is routed to, and its SLA timer."""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS


class RoutedTask(models.Model):
    """One viewflow task routed to a post.

    viewflow assigns a task to a *user*; our work goes to *posts* (which outlive their holders), so
    each human task gets one row here. Inboxes, office-level access checks and SLA timers read this
    table with plain indexed joins.

    `status`, `owner` and `created` are copies of the viewflow task's (kept in step by
    `copy_task_state` below), so that an inbox is one range of one index of this table, in the
    order it is shown, instead of a join that PostgreSQL can only answer by reading every task.
    """

    task = models.OneToOneField("viewflow.Task", on_delete=models.CASCADE, primary_key=True, related_name="route")
    post = models.ForeignKey("workflows_core.Post", verbose_name=_("post"), on_delete=models.PROTECT, related_name="+")
    office = models.ForeignKey(
        "workflows_core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    flow_label = models.CharField(_("process"), max_length=100, db_index=True)
    case_label = models.CharField(_("case"), max_length=100, blank=True, db_index=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True, db_index=True)
    remind_at = models.DateTimeField(_("remind"), null=True, blank=True, db_index=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=50, default=STATUS.NEW)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("claimed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("received"), default=timezone.now)

    class Meta:
        verbose_name = _("routed task")
        verbose_name_plural = _("routed tasks")
        # One per inbox, each ending in the default order and the primary key (the keyset's tie-break).
        indexes = [
            models.Index(fields=["post", "status", "due_at", "task"], name="routedtask_post_inbox"),
            models.Index(fields=["owner", "status", "due_at", "task"], name="routedtask_owner_inbox"),
            models.Index(fields=["office", "status", "due_at", "task"], name="routedtask_office_inbox"),
        ]

    def __str__(self):
        return f"{self.case_label} → {self.post_id}"


@receiver(post_save, sender=Task, dispatch_uid="routedtask_copy_task_state")
def copy_task_state(sender, instance, created, update_fields=None, **kwargs):
    """Every change viewflow makes to a task's status or owner (assign, unassign, start, execute,
    cancel, undo…) goes through Task.save(): copy them onto the route in the same transaction."""
    if created or (update_fields is not None and not {"status", "owner"} & set(update_fields)):
        return
    RoutedTask.objects.filter(pk=instance.pk).update(status=instance.status, owner_id=instance.owner_id)
