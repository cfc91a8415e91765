from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from workflows.core.contract import OFFICE_HEAD, PROCESS_LOCK, PostTask, due_after_working_days, nearest_post

from . import roles
from .forms import ApprovalForm, RecordForm
from .models import LeaveProcess


class LeaveFlow(flow.Flow):
    process_class = LeaveProcess
    lock_impl = PROCESS_LOCK
    process_title = _("Leave request")

    start = flow.StartHandle(this.start_leave).Annotation(title=_("Leave applied for")).Next(this.approve)
    approve = (
        PostTask()
        .Route(this.office_head)
        .Due(this.due_in_three_days)
        .Form(ApprovalForm)
        .Annotation(title=_("Approval by the office head"))
        .Next(this.approved)
    )
    approved = flow.Switch().Case(this.record, this.is_approved).Default(this.end).Annotation(title=_("Approved?"))
    record = (
        PostTask()
        .Route(this.administration)
        .Form(RecordForm)
        .Annotation(title=_("Recorded by the administration"))
        .Next(this.end)
    )
    end = flow.End().Annotation(title=_("Finished"))

    def start_leave(self, activation, leave):
        activation.process.leave = leave
        return activation.process

    def office_head(self, activation):
        return nearest_post(activation.process.leave.office, OFFICE_HEAD)

    def administration(self, activation):
        return nearest_post(activation.process.leave.office, roles.ADMINISTRATION)

    def due_in_three_days(self, activation):
        return due_after_working_days(activation.process.leave.submitted_at, 3)

    def is_approved(self, activation):
        return activation.process.leave.status == activation.process.leave.Status.APPROVED
