"""The audit trail: an append-only record of every state change and task action."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What the history shows for an action and a state. Each process registers its own words
# (register_audit_vocabulary) so that the trail stores stable codes and the screens read in the
# reader's language.
ACTION_LABELS = {
    "task.claim": _("Claimed the task"),
    "task.unassign": _("Gave the task back"),
    "task.reassign": _("Sent the task to another post"),
    "sla.reminder": _("Reminder: the due date is near"),
    "sla.escalate": _("Overdue: escalated to the office head"),
    "case.comment": _("Internal comment"),
}
# Per kind of record (the prefix of its actions, "complaint", "batch"): two processes may both have a
# "submitted" state and mean different things by it.
STATE_LABELS: dict[str, dict] = {}


def register_audit_vocabulary(actions: dict, states: dict | None = None) -> None:
    """A process's words for its actions ("batch.approve") and its records' states."""
    ACTION_LABELS.update(actions)
    for prefix in {action.split(".", 1)[0] for action in actions}:
        STATE_LABELS.setdefault(prefix, {}).update(states or {})


def step_title(flow_label, node_name):
    """The title of a flow's step (viewflow node), in the active language; None if it is not known."""
    from ..registry import all_flows

    for flow_class in all_flows():
        if flow_class.instance.flow_label == flow_label:
            node = getattr(flow_class.instance, node_name, None)
            return getattr(node, "task_title", None) or None
    return None


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an audit entry."""


class CaseRecordQuerySet(models.QuerySet):
    """Rows that point at a case of any process by content type and id (audit entries, comments)."""

    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))


class AuditEntryQuerySet(CaseRecordQuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("audit entries cannot be changed")

    def delete(self):
        raise AppendOnlyError("audit entries cannot be deleted")

    def for_case(self, case, process_ids=()):
        """The case's own entries and those of its processes (claims, reassignments, SLA timers)."""
        from viewflow.workflow.models import Process

        process_type = ContentType.objects.get_for_model(Process)
        return self.filter(
            models.Q(content_type=ContentType.objects.get_for_model(case), object_id=str(case.pk))
            | models.Q(content_type=process_type, object_id__in=[str(pk) for pk in process_ids])
        )


class AuditEntry(models.Model):
    """Who did what to which case, when, for which post, from which state to which, and why.

    Names and labels are copied in at the time of the action, and the links to users, posts and
    cases are not database constraints: the entry must outlive (and never be rewritten by) a later
    change or deletion of what it points to. On PostgreSQL a trigger refuses UPDATE and DELETE.
    """

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_name = models.CharField(_("actor"), max_length=255, blank=True)
    acting_for = models.ForeignKey(
        "workflows_core.Post",
        verbose_name=_("acting for"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    acting_for_label = models.CharField(_("acting for"), max_length=255, blank=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+", null=True
    )
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    case_label = models.CharField(_("case"), max_length=100, blank=True)
    action = models.CharField(_("action"), max_length=100)
    from_state = models.CharField(_("from"), max_length=50, blank=True)
    to_state = models.CharField(_("to"), max_length=50, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.case_label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit entries cannot be deleted")

    @property
    def action_label(self) -> str:
        if self.action in ACTION_LABELS:
            return ACTION_LABELS[self.action]
        if self.action.startswith("task."):
            step = step_title(self.data.get("flow"), self.action.removeprefix("task."))
            return _("Task completed: %(step)s") % {"step": step} if step else _("Task completed")
        return self.action

    def state_label(self, state) -> str:
        return STATE_LABELS.get(self.action.split(".", 1)[0], {}).get(state, state)

    @property
    def from_state_label(self) -> str:
        return self.state_label(self.from_state)

    @property
    def to_state_label(self) -> str:
        return self.state_label(self.to_state)

    @property
    def public_text(self) -> str:
        """What the citizen was told with this change (a question, a decision) or, entered by no officer, wrote."""
        return (self.data or {}).get("public_text", "")

    @property
    def public_text_heading(self) -> str:
        return _("From the citizen") if self.actor_id is None else _("To the citizen")

    @property
    def actor_display(self) -> str:
        """ "X for Y" when the actor acted for a post they do not hold (a delegation)."""
        if self.acting_for_label and self.data.get("delegated"):
            return _("%(actor)s for %(post)s") % {"actor": self.actor_name, "post": self.acting_for_label}
        return self.actor_name
