"""The annual-return process: from a union's submission to the certificate of its audited statement.

    submitted (a frozen version) → examination by the registering office's union audit examiner post
        accepted  → certification by the office head
        returned  → wait for the union's resubmission (its portal page) → examination (the next version)
    certification by the office head
        certified → the certificate issued in the background (an SMS to the union's representatives) → end
        sent back → examination again

The examiner's step is due `examination_days` working days after the (re)submission, the head's
`certification_days` after the acceptance, each with a reminder `reminder_days` before; the SLA sweep
reminds and escalates. Every decision that routes the return is a case of a Switch.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from workflows.core.contract import OFFICE_HEAD, PROCESS_LOCK, BackgroundJob, PostTask, nearest_post, open_tasks
from workflows.unions.roles import UNION_EXAMINER

from .models import AnnualReturn, AnnualReturnProcess, AnnualReturnSettings
from .task_forms import CertificationForm, ExaminationForm

S = AnnualReturn.Status


class AnnualReturnFlow(flow.Flow):
    process_class = AnnualReturnProcess
    lock_impl = PROCESS_LOCK
    process_title = _("Union annual return")

    start = flow.StartHandle(this.start_return).Annotation(title=_("Annual return submitted")).Next(this.examine)

    examine = (
        PostTask()
        .Route(this.examiner)
        .Due(this.examination_due)
        .Remind(this.examination_reminder)
        .Form(ExaminationForm)
        .Annotation(title=_("Examination by the union audit examiner"))
        .Next(this.after_examination)
    )

    after_examination = (
        flow.Switch()
        .Case(this.certification, this.accepted)
        .Case(this.await_resubmission, this.returned)
        .Default(this.end)
        .Annotation(title=_("Accepted or returned to the union?"))
    )

    await_resubmission = (
        flow.Handle(this.resubmitted).Annotation(title=_("Waiting for the union's corrected return")).Next(this.examine)
    )

    certification = (
        PostTask()
        .Route(this.office_head)
        .Due(this.certification_due)
        .Remind(this.certification_reminder)
        .Form(CertificationForm)
        .Annotation(title=_("Certification by the office head"))
        .Next(this.after_certification)
    )

    after_certification = (
        flow.Switch()
        .Case(this.issue, this.certified)
        .Case(this.examine, this.sent_back)
        .Default(this.end)
        .Annotation(title=_("Certified or sent back to the examiner?"))
    )

    issue = (
        BackgroundJob(this.issue_certificate).Annotation(title=_("Certificate issued in the background")).Next(this.end)
    )

    end = flow.End().Annotation(title=_("Finished"))

    def start_return(self, activation, annual_return: AnnualReturn):
        activation.process.annual_return = annual_return
        return activation.process

    def examiner(self, activation):
        return nearest_post(activation.process.annual_return.office, UNION_EXAMINER)

    def office_head(self, activation):
        return nearest_post(activation.process.annual_return.office, OFFICE_HEAD)

    # Each step's time runs from when it started: the last (re)submission, or the acceptance.
    def examination_due(self, activation):
        limits = AnnualReturnSettings.load()
        return limits.due(timezone.now(), limits.examination_days)

    def examination_reminder(self, activation):
        limits = AnnualReturnSettings.load()
        return limits.reminder(timezone.now(), limits.examination_days)

    def certification_due(self, activation):
        limits = AnnualReturnSettings.load()
        return limits.due(timezone.now(), limits.certification_days)

    def certification_reminder(self, activation):
        limits = AnnualReturnSettings.load()
        return limits.reminder(timezone.now(), limits.certification_days)

    # The Switches' questions, each about the return's status (its lifecycle is the model's).
    def accepted(self, activation):
        return activation.process.annual_return.status == S.ACCEPTED

    def returned(self, activation):
        return activation.process.annual_return.status == S.RETURNED

    def certified(self, activation):
        return activation.process.annual_return.status == S.CERTIFIED

    def sent_back(self, activation):
        return activation.process.annual_return.status == S.UNDER_EXAMINATION

    def resubmitted(self, activation):
        return activation.process

    def issue_certificate(self, process):
        from .services import issue_return_certificate

        issue_return_certificate(process.annual_return)


def continue_after_resubmission(annual_return: AnnualReturn) -> None:
    """The union sent its corrected return: complete the waiting task, so it goes back to the examiner."""
    for task in open_tasks(annual_return, AnnualReturnFlow.await_resubmission):
        AnnualReturnFlow.await_resubmission.run(task)
