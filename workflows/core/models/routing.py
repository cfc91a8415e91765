"""Where each open viewflow task waits: the post and office it is routed to, and its SLA timer."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoutedTask(models.Model):
    """One viewflow task routed to a post.

    viewflow assigns a task to a *user*; our work goes to *posts* (which outlive their holders), so
    each human task gets one row here. Inboxes, office-level access checks and SLA timers read this
    table with plain indexed joins.
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

    class Meta:
        verbose_name = _("routed task")
        verbose_name_plural = _("routed tasks")
        indexes = [models.Index(fields=["office", "due_at"])]

    def __str__(self):
        return f"{self.case_label} → {self.post_id}"
