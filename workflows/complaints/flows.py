"""The complaint process (Bangladesh's Grievance Redress System for citizen-charter deviations).

    filed → intake by the office's Grievance Redress Officer (GRO) post
        accepted  → review by the GRO
        forwarded → intake by the other office's GRO
        rejected  → the appeal window
    review
        information asked → wait for the complainant's answer (status page) → review
        forwarded         → intake by the other office's GRO
        resolved/rejected → the appeal window
    appeal window (a timer: `appeal_window_days` working days after the decision)
        not appealed → closed
        appealed     → end (the appeal process decides)
    appeal (its own process) → the appeal officer of the office above decides → end

Each GRO task is due `resolution_days` working days after filing, with a reminder `reminder_days`
before; an appeal is due `appeal_days` after it was filed. Reminders and escalation to the office
head run from the periodic SLA sweep; the appeal window from viewflow's timer dispatcher. Every
decision that routes the case is a case of a Switch here, so the diagram on the task page is the process.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from workflows.core.contract import PROCESS_LOCK, PostTask, nearest_post, open_tasks
from workflows.core.services import transition

from . import roles
from .models import AppealProcess, Complaint, ComplaintProcess, ComplaintSettings
from .task_forms import AppealDecisionForm, ReviewForm

S = Complaint.Status


def gro_step(title):
    """A step of the office's grievance redress officer, due with the complaint (intake and review)."""
    return (
        PostTask()
        .Route(this.grievance_officer)
        .Due(this.complaint_due)
        .Remind(this.complaint_reminder)
        .Form(ReviewForm)
        .Annotation(title=title)
    )


class ComplaintFlow(flow.Flow):
    process_class = ComplaintProcess
    lock_impl = PROCESS_LOCK
    process_title = _("Complaint")

    start = flow.StartHandle(this.start_complaint).Annotation(title=_("Complaint received")).Next(this.intake)

    intake = gro_step(_("Intake by the grievance redress officer")).Next(this.after_intake)

    after_intake = (
        flow.Switch()
        .Case(this.review, this.accepted)
        .Case(this.intake, this.forwarded)
        .Case(this.appeal_window, this.decided)
        .Default(this.end)
        .Annotation(title=_("Accepted, forwarded or rejected?"))
    )

    review = gro_step(_("Decision by the grievance redress officer")).Next(this.after_review)

    after_review = (
        flow.Switch()
        .Case(this.await_information, this.information_asked)
        .Case(this.intake, this.forwarded)
        .Case(this.appeal_window, this.decided)
        .Default(this.end)
        .Annotation(title=_("Information asked, forwarded or decided?"))
    )

    await_information = (
        flow.Handle(this.information_received)
        .Annotation(title=_("Waiting for the complainant's answer"))
        .Next(this.review)
    )

    appeal_window = flow.Timer(this.appeal_window_ends).Annotation(title=_("Time to appeal")).Next(this.after_window)

    after_window = (
        flow.Switch().Case(this.close, this.decided).Default(this.end).Annotation(title=_("Appealed in time?"))
    )

    close = flow.Function(this.close_complaint).Annotation(title=_("Closed without appeal")).Next(this.end)

    end = flow.End().Annotation(title=_("Finished"))

    def start_complaint(self, activation, complaint: Complaint):
        activation.process.complaint = complaint
        limits = ComplaintSettings.load()
        complaint.due_at = limits.due(complaint.submitted_at, limits.resolution_days)
        complaint.save(update_fields=["due_at"])
        return activation.process

    def grievance_officer(self, activation):
        return nearest_post(activation.process.complaint.office, roles.GRIEVANCE_REDRESS_OFFICER)

    def complaint_due(self, activation):
        return activation.process.complaint.due_at

    def complaint_reminder(self, activation):
        limits = ComplaintSettings.load()
        return limits.reminder(activation.process.complaint.submitted_at, limits.resolution_days)

    # The Switches' questions, each about the complaint's status (its lifecycle is the model's).
    def accepted(self, activation):
        return activation.process.complaint.status == S.IN_REVIEW

    def forwarded(self, activation):
        return activation.process.complaint.status == S.FORWARDED

    def information_asked(self, activation):
        return activation.process.complaint.status == S.INFO_REQUESTED

    def decided(self, activation):
        """Resolved or rejected, and not appealed (yet)."""
        return activation.process.complaint.in_group("decided")

    def information_received(self, activation):
        return activation.process

    def appeal_window_ends(self, activation):
        complaint = activation.process.complaint
        return complaint.appeal_until or timezone.now()

    def close_complaint(self, activation):
        complaint = Complaint.objects.select_for_update().get(pk=activation.process.complaint_id)
        transition(complaint, "close")


class AppealFlow(flow.Flow):
    process_class = AppealProcess
    lock_impl = PROCESS_LOCK
    process_title = _("Appeal")

    start = flow.StartHandle(this.start_appeal).Annotation(title=_("Appeal filed")).Next(this.decide)

    decide = (
        PostTask()
        .Route(this.appeal_officer)
        .Due(this.appeal_due)
        .Remind(this.appeal_reminder)
        .Form(AppealDecisionForm)
        .Annotation(title=_("Appeal decision by the appeal officer"))
        .Next(this.end)
    )

    end = flow.End().Annotation(title=_("Appeal decided"))

    def start_appeal(self, activation, complaint: Complaint):
        activation.process.complaint = complaint
        limits = ComplaintSettings.load()
        filed = complaint.appealed_at or timezone.now()
        activation.process.data = {
            "due_at": limits.due(filed, limits.appeal_days).isoformat(),
            "remind_at": limits.reminder(filed, limits.appeal_days).isoformat(),
        }
        return activation.process

    def appeal_officer(self, activation):
        """The appeal officer of the office above (GRS: appeals go one level up)."""
        return nearest_post(activation.process.complaint.office, roles.APPEAL_OFFICER, start_above=True)

    def appeal_due(self, activation):
        return timezone.datetime.fromisoformat(activation.process.data["due_at"])

    def appeal_reminder(self, activation):
        return timezone.datetime.fromisoformat(activation.process.data["remind_at"])


def continue_after_information(complaint: Complaint) -> None:
    """The complainant answered: complete the waiting task so the case returns to the GRO."""
    for task in open_tasks(complaint, ComplaintFlow.await_information):
        ComplaintFlow.await_information.run(task)


def start_appeal(complaint: Complaint) -> None:
    """The complainant appealed: stop any GRO task still open and start the appeal process."""
    for task in open_tasks(complaint, ComplaintFlow.intake, ComplaintFlow.review):
        with task.activation() as activation:
            activation.cancel()
    AppealFlow.start.run(complaint=complaint)
