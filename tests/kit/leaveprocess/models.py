"""A leave request: the applicant's office head approves (or refuses), then the administration records it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from viewflow.workflow.models import Process

from workflows.core.contract import Case, CaseProcessMixin


class LeaveRequest(Case):
    tracking_prefix = "LVE"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")
        RECORDED = "recorded", _("Recorded in the leave register")

    status_groups = {"open": (Status.SUBMITTED, Status.APPROVED), "done": (Status.REFUSED, Status.RECORDED)}
    notifications = {"submit": "leave-received", "approve": "leave-decided", "refuse": "leave-decided"}

    status = FSMField(_("status"), max_length=30, choices=Status.choices, default=Status.SUBMITTED, protected=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    reason = models.TextField(_("reason"))
    register_number = models.CharField(_("leave register number"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("leave request")

    @transition(field=status, source=Status.SUBMITTED, target=Status.APPROVED)
    def approve(self):
        pass

    @transition(field=status, source=Status.SUBMITTED, target=Status.REFUSED)
    def refuse(self):
        pass

    @transition(field=status, source=Status.APPROVED, target=Status.RECORDED)
    def record(self, register_number: str):
        self.register_number = register_number


class LeaveProcess(CaseProcessMixin, Process):
    case_field = "leave"
    case_template = "leaveprocess/case.html"

    leave = models.ForeignKey(LeaveRequest, on_delete=models.PROTECT, null=True, related_name="+")


class LeaveRegisterLine(models.Model):
    """A line of an office's leave register, imported from a spreadsheet: the kit's import example."""

    office = models.ForeignKey("workflows_core.Office", on_delete=models.CASCADE, related_name="+")
    name_bn = models.CharField(_("name (Bengali)"), max_length=100)
    mobile = models.CharField(_("mobile"), max_length=20)
    nid = models.CharField(_("national ID"), max_length=17, blank=True)
    starts_on = models.DateField(_("first day"))
    days = models.PositiveSmallIntegerField(_("days"))

    class Meta:
        verbose_name = _("leave register line")
        constraints = [models.UniqueConstraint(fields=["office", "mobile"], name="leave_register_line_unique_mobile")]

    def __str__(self):
        return f"{self.name_bn} ({self.starts_on})"
