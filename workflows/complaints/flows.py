"""The complaint process (Bangladesh's Grievance Redress System for citizen-charter deviations).

    submitted → review by the office's Grievance Redress Officer (GRO) post
        accept            → review again (now under review)
        ask for more info → wait for the complainant's answer (status page) → review
        forward           → review by the other office's GRO
        resolve / reject  → end (the complainant may appeal)
    appeal → the appeal officer of the office above decides → end

Each review task is due `resolution_days` working days after submission; an appeal `appeal_days`
after it was filed. Timers (reminders, escalation to the office head's post) run from Celery beat.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow
from viewflow.workflow.lock import SelectForUpdateLock

from workflows.core.nodes import PostTask
from workflows.core.services import record

from . import routing
from .models import AppealProcess, Complaint, ComplaintProcess, ComplaintSettings
from .task_forms import AppealDecisionForm, ReviewForm

# Blocks on the process row (PostgreSQL): the second of two officers acting at once waits, then finds
# the task done. On SQLite, IMMEDIATE transactions give the same one-writer-at-a-time order.
PROCESS_LOCK = SelectForUpdateLock(nowait=False)


class ComplaintFlow(flow.Flow):
    process_class = ComplaintProcess
    lock_impl = PROCESS_LOCK
    process_title = _("Complaint")

    start = flow.StartHandle(this.start_complaint).Annotation(title=_("Complaint received")).Next(this.review)

    review = (
        PostTask()
        .Route(this.grievance_officer)
        .Due(this.complaint_due)
        .CaseLabel(this.tracking_number)
        .Form(ReviewForm)
        .Annotation(title=_("Review by the grievance redress officer"))
        .Next(this.after_review)
    )

    after_review = (
        flow.Switch()
        .Case(this.await_information, this.information_requested)
        .Case(this.review, this.still_open)
        .Default(this.end)
    )

    await_information = (
        flow.Handle(this.information_received)
        .Annotation(title=_("Waiting for the complainant's answer"))
        .Next(this.review)
    )

    end = flow.End().Annotation(title=_("Decided"))

    def start_complaint(self, activation, complaint: Complaint):
        activation.process.complaint = complaint
        limits = ComplaintSettings.load()
        complaint.due_at = routing.due_after_working_days(complaint.submitted_at, limits.resolution_days)
        complaint.save(update_fields=["due_at"])
        return activation.process

    def grievance_officer(self, activation):
        return routing.grievance_officer(activation.process.complaint.office)

    def complaint_due(self, activation):
        return activation.process.complaint.due_at

    def tracking_number(self, activation):
        return activation.process.complaint.tracking_number

    def information_requested(self, activation):
        return activation.process.complaint.status == Complaint.Status.INFO_REQUESTED

    def still_open(self, activation):
        return activation.process.complaint.status in (
            Complaint.Status.IN_REVIEW,
            Complaint.Status.FORWARDED,
            Complaint.Status.SUBMITTED,
        )

    def information_received(self, activation):
        return activation.process


class AppealFlow(flow.Flow):
    process_class = AppealProcess
    lock_impl = PROCESS_LOCK
    process_title = _("Appeal")

    start = flow.StartHandle(this.start_appeal).Annotation(title=_("Appeal filed")).Next(this.decide)

    decide = (
        PostTask()
        .Route(this.appeal_officer)
        .Due(this.appeal_due)
        .CaseLabel(this.tracking_number)
        .Form(AppealDecisionForm)
        .Annotation(title=_("Appeal decision by the appeal officer"))
        .Next(this.end)
    )

    end = flow.End().Annotation(title=_("Appeal decided"))

    def start_appeal(self, activation, complaint: Complaint):
        activation.process.complaint = complaint
        limits = ComplaintSettings.load()
        activation.process.data = {
            "due_at": routing.due_after_working_days(
                complaint.appealed_at or timezone.now(), limits.appeal_days
            ).isoformat()
        }
        return activation.process

    def appeal_officer(self, activation):
        return routing.appeal_officer(activation.process.complaint.office)

    def appeal_due(self, activation):
        return timezone.datetime.fromisoformat(activation.process.data["due_at"])

    def tracking_number(self, activation):
        return activation.process.complaint.tracking_number


def open_task(complaint: Complaint, node):
    """The complaint's open task at `node`, if any."""
    from viewflow.workflow.models import Task
    from viewflow.workflow.status import STATUS

    return (
        Task.objects.filter(process__complaintprocess__complaint=complaint, flow_task=node, status=STATUS.NEW)
        .select_related("process")
        .first()
    )


def continue_after_information(complaint: Complaint) -> None:
    """The complainant answered: complete the waiting task so the case returns to the GRO."""
    task = open_task(complaint, ComplaintFlow.await_information)
    if task is not None:
        ComplaintFlow.await_information.run(task)
    record(
        "complaint.receive_information",
        obj=complaint,
        case_label=complaint.tracking_number,
        from_state=Complaint.Status.INFO_REQUESTED,
        to_state=complaint.status,
    )


def start_appeal(complaint: Complaint, from_state: str) -> None:
    """The complainant appealed: stop any review still open and start the appeal process."""
    from viewflow.workflow.models import Task
    from viewflow.workflow.status import STATUS

    from .decisions import notify_complainant

    open_reviews = Task.objects.filter(
        process__complaintprocess__complaint=complaint, status__in=[STATUS.NEW, STATUS.ASSIGNED]
    )
    for task in open_reviews:
        with task.activation() as activation:
            activation.cancel()
    AppealFlow.start.run(complaint=complaint)
    record(
        "complaint.appeal",
        obj=complaint,
        case_label=complaint.tracking_number,
        from_state=from_state,
        to_state=complaint.status,
        comment=complaint.appeal_grounds,
    )
    notify_complainant(complaint, "complaint-appeal-received", "appeal")
