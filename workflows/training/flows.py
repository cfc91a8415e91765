"""The training process: from a registered batch to its trainees' e-certificates.

    batch registered (with its trainees) → the course director records attendance and completion and
        sends the batch for approval → the institute head approves, or returns it to the director
    approved → the certificates are issued in the background (a Celery job: one certificate per
        completing trainee, each with an SMS carrying its download link; safe to run again) → certified

The director's step is due three working days after the last day of the course, the head's five
working days after the batch was sent. Every decision that routes the batch is a case of the Switch.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import flow

from workflows.core.contract import (
    OFFICE_HEAD,
    PROCESS_LOCK,
    BackgroundJob,
    PostTask,
    due_after_working_days,
    nearest_post,
)

from . import roles  # noqa: F401  (the course director's role, before the posts are read)
from .models import Batch, TrainingProcess
from .task_forms import ApprovalForm, CompletionForm

S = Batch.Status


class TrainingFlow(flow.Flow):
    process_class = TrainingProcess
    lock_impl = PROCESS_LOCK
    process_title = _("Workers' training batch")

    start = flow.StartHandle(this.start_batch).Annotation(title=_("Batch registered")).Next(this.completion)

    completion = (
        PostTask()
        .Route(this.course_director)
        .Due(this.completion_due)
        .Form(CompletionForm)
        .Annotation(title=_("Attendance and completion by the course director"))
        .Next(this.approval)
    )

    approval = (
        PostTask()
        .Route(this.institute_head)
        .Due(this.approval_due)
        .Form(ApprovalForm)
        .Annotation(title=_("Approval by the institute's head"))
        .Next(this.approved)
    )

    approved = (
        flow.Switch()
        .Case(this.issue, this.is_approved)
        .Case(this.completion, this.is_returned)
        .Default(this.end)
        .Annotation(title=_("Approved or returned?"))
    )

    issue = (
        BackgroundJob(this.issue_certificates)
        .Annotation(title=_("Certificates issued in the background"))
        .Next(this.end)
    )

    end = flow.End().Annotation(title=_("Finished"))

    def start_batch(self, activation, batch: Batch):
        activation.process.batch = batch
        return activation.process

    def course_director(self, activation):
        return activation.process.batch.director_post

    def institute_head(self, activation):
        return nearest_post(activation.process.batch.office, OFFICE_HEAD)

    def completion_due(self, activation):
        batch = activation.process.batch
        last_day = timezone.make_aware(datetime.datetime.combine(batch.ends_on, datetime.time(17)))
        return due_after_working_days(max(last_day, timezone.now()), 3)

    def approval_due(self, activation):
        return due_after_working_days(timezone.now(), 5)

    def is_approved(self, activation):
        return activation.process.batch.status == S.APPROVED

    def is_returned(self, activation):
        return activation.process.batch.status == S.RETURNED

    def issue_certificates(self, process):
        from .services import issue_batch_certificates

        issue_batch_certificates(process.batch)
