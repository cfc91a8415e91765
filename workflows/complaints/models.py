"""The citizen-charter complaint (GRS-style) as a record: what was complained of, by whom, and where it stands.

The status moves only through the transition methods below, which change nothing but the record's own
fields; the flow (flows.py) and the services call them through core's `services.transition`, which
saves, records and notifies.
"""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, can_proceed, transition
from viewflow.workflow.models import Process
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from workflows.core.models import Case, CaseProcessMixin
from workflows.core.models.attachments import PrivateAttachment
from workflows.core.routing import due_after_working_days

from .validators import validate_not_in_future


class Complaint(Case):
    """One complaint about an office's service (the case of the complaint process; see core's Case)."""

    tracking_prefix = "GRS"

    class Status(models.TextChoices):
        # With a context: "Submitted", "Resolved"… are column headers and flow steps elsewhere.
        SUBMITTED = "submitted", pgettext_lazy("complaint status", "Submitted")
        IN_REVIEW = "in_review", pgettext_lazy("complaint status", "Under review")
        INFO_REQUESTED = "info_requested", pgettext_lazy("complaint status", "Information asked of the complainant")
        FORWARDED = "forwarded", pgettext_lazy("complaint status", "Forwarded to another office")
        RESOLVED = "resolved", pgettext_lazy("complaint status", "Resolved")
        REJECTED = "rejected", pgettext_lazy("complaint status", "Rejected")
        APPEALED = "appealed", pgettext_lazy("complaint status", "Appeal filed")
        APPEAL_DECIDED = "appeal_decided", pgettext_lazy("complaint status", "Appeal decided")
        CLOSED = "closed", pgettext_lazy("complaint status", "Closed")

    status_groups = {
        # Still waiting for a decision: an appeal is allowed from these once the due date has passed.
        "open": (Status.SUBMITTED, Status.IN_REVIEW, Status.INFO_REQUESTED, Status.FORWARDED),
        # Decided by the office: the complainant may appeal until the appeal window closes.
        "decided": (Status.RESOLVED, Status.REJECTED),
        "appealed": (Status.APPEALED, Status.APPEAL_DECIDED),
        "resolved": (Status.RESOLVED, Status.CLOSED),
        "rejected": (Status.REJECTED,),
    }
    OPEN_STATUSES = status_groups["open"]
    DECIDED_STATUSES = status_groups["decided"]

    # What the complainant reads where it differs from the officers' word.
    public_status_labels = {
        Status.INFO_REQUESTED: pgettext_lazy("complaint status", "Information requested from you"),
    }
    notifications = {
        "submit": "complaint-received",
        "request_information": "complaint-information-requested",
        "forward": "complaint-forwarded",
        "resolve": "complaint-decided",
        "reject": "complaint-decided",
        "appeal": "complaint-appeal-received",
        "decide_appeal": "complaint-appeal-decided",
    }

    service = models.ForeignKey(
        "services.ServicePage",
        verbose_name=_("service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("what happened"))
    occurred_on = models.DateField(_("when it happened"), validators=[validate_not_in_future])
    desired_remedy = models.TextField(_("remedy you ask for"))
    is_anonymous = models.BooleanField(_("anonymous"), default=False)

    status = FSMField(_("status"), max_length=30, choices=Status.choices, default=Status.SUBMITTED, protected=True)
    public_reply = models.TextField(_("public reply"), blank=True)
    information_request = models.TextField(_("information requested"), blank=True)
    information_response = models.TextField(_("information given"), blank=True)
    appeal_grounds = models.TextField(_("grounds of appeal"), blank=True)

    resolved_at = models.DateTimeField(_("decided"), null=True, blank=True)
    appeal_until = models.DateTimeField(_("appeal possible until"), null=True, blank=True)
    appealed_at = models.DateTimeField(_("appeal filed"), null=True, blank=True)
    appeal_decided_at = models.DateTimeField(_("appeal decided"), null=True, blank=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        indexes = [
            models.Index(fields=["office", "status"], name="complaint_office_status"),
            # The case list: newest first, in all offices or in each of an officer's (the keyset paginator's).
            models.Index(fields=["submitted_at", "id"], name="complaint_submitted"),
            models.Index(fields=["office", "submitted_at", "id"], name="complaint_office_submitted"),
        ]
        constraints = [
            # Anonymous: no name and no contact. Otherwise: a mobile number or an email address to reach.
            models.CheckConstraint(
                condition=Q(is_anonymous=True, contact_name="", mobile="", email="")
                | (Q(is_anonymous=False) & (~Q(mobile="") | ~Q(email=""))),
                name="complaint_contact_or_anonymous",
            ),
        ]

    def notification_context(self) -> dict:
        return {
            **super().notification_context(),
            "public_reply": self.public_reply,
            "question": self.information_request,
        }

    # --- Questions the pages ask ----------------------------------------------------------------

    @property
    def is_overdue(self) -> bool:
        return bool(self.due_at and self.in_group("open") and timezone.now() > self.due_at)

    @property
    def appeal_window_open(self) -> bool:
        return self.appeal_until is None or timezone.now() <= self.appeal_until

    @property
    def awaits_information(self) -> bool:
        return self.status == self.Status.INFO_REQUESTED

    @property
    def can_appeal(self) -> bool:
        return can_proceed(self.appeal)

    # --- Transitions: the record's own fields only; no saving, no notifications ------------------

    @transition(field=status, source=[Status.SUBMITTED, Status.FORWARDED], target=Status.IN_REVIEW)
    def accept(self):
        """The (new) office takes the complaint up."""

    @transition(field=status, source=Status.IN_REVIEW, target=Status.INFO_REQUESTED)
    def request_information(self, question: str):
        self.information_request = question
        self.information_response = ""

    @transition(field=status, source=Status.INFO_REQUESTED, target=Status.IN_REVIEW)
    def receive_information(self, answer: str):
        self.information_response = answer

    @transition(field=status, source=[Status.SUBMITTED, Status.IN_REVIEW], target=Status.FORWARDED)
    def forward(self, to_office):
        if to_office is None or to_office.pk == self.office_id:
            raise ValueError("A complaint is forwarded to another office.")
        self.office = to_office

    @transition(field=status, source=Status.IN_REVIEW, target=Status.RESOLVED)
    def resolve(self, public_reply: str, appeal_until=None):
        self.public_reply = public_reply
        self.resolved_at = timezone.now()
        self.appeal_until = appeal_until

    @transition(
        field=status, source=[Status.SUBMITTED, Status.IN_REVIEW, Status.INFO_REQUESTED], target=Status.REJECTED
    )
    def reject(self, reason: str, appeal_until=None):
        self.public_reply = reason
        self.resolved_at = timezone.now()
        self.appeal_until = appeal_until

    # Against a decision while the appeal window is open, or against silence once the due date has passed.
    @transition(
        field=status, source=list(DECIDED_STATUSES), target=Status.APPEALED, conditions=[lambda c: c.appeal_window_open]
    )
    @transition(field=status, source=list(OPEN_STATUSES), target=Status.APPEALED, conditions=[lambda c: c.is_overdue])
    def appeal(self, grounds: str):
        self.appeal_grounds = grounds
        self.appealed_at = timezone.now()

    @transition(field=status, source=Status.APPEALED, target=Status.APPEAL_DECIDED)
    def decide_appeal(self, public_reply: str):
        self.public_reply = public_reply
        self.appeal_decided_at = timezone.now()

    @transition(field=status, source=[Status.RESOLVED, Status.REJECTED, Status.APPEAL_DECIDED], target=Status.CLOSED)
    def close(self):
        """Nothing more will happen: the time to appeal ran out (the flow's appeal window)."""


class ComplaintAttachment(PrivateAttachment):
    """A file given with a complaint or an answer."""

    upload_folder = "complaints"

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("complaint"), on_delete=models.CASCADE, related_name="attachments"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    uploaded_by_public = models.BooleanField(_("uploaded by the complainant"), default=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("complaint attachment")
        verbose_name_plural = _("complaint attachments")


# --- The process: viewflow's records of a complaint's and an appeal's way through the offices ------


class ComplaintCaseMixin(CaseProcessMixin):
    """What the back office's task page asks of a process whose case is a complaint."""

    case_field = "complaint"
    case_template = "complaints/admin/case.html"


class ComplaintProcess(ComplaintCaseMixin, Process):
    """The viewflow process of one complaint (GRO review, information requests, forwarding)."""

    complaint = models.OneToOneField(
        Complaint, verbose_name=_("complaint"), on_delete=models.PROTECT, related_name="process", null=True
    )

    class Meta:
        verbose_name = _("complaint process")
        verbose_name_plural = _("complaint processes")


class AppealProcess(ComplaintCaseMixin, Process):
    """The viewflow process of an appeal, decided by the appeal officer of the office above."""

    complaint = models.ForeignKey(
        Complaint, verbose_name=_("complaint"), on_delete=models.PROTECT, related_name="appeal_processes", null=True
    )

    class Meta:
        verbose_name = _("appeal process")
        verbose_name_plural = _("appeal processes")


@register_setting(icon="time")
class ComplaintSettings(BaseGenericSetting):
    """The complaint process's time limits, in working days (Grievance Redress System guidelines)."""

    resolution_days = models.PositiveSmallIntegerField(_("days to decide a complaint"), default=30)
    reminder_days = models.PositiveSmallIntegerField(
        _("remind this many days before the due date"),
        default=5,
        help_text=_("The post that holds the task gets a reminder this many working days before it is due."),
    )
    appeal_days = models.PositiveSmallIntegerField(_("days to decide an appeal"), default=20)
    appeal_window_days = models.PositiveSmallIntegerField(
        _("days to appeal after a decision"),
        default=30,
        help_text=_("After this many working days without an appeal, the complaint is closed automatically."),
    )

    class Meta:
        verbose_name = _("complaint time limits")

    def due(self, start, days) -> datetime.datetime:
        return due_after_working_days(start, days)

    def reminder(self, start, days) -> datetime.datetime:
        """`reminder_days` working days before the due date of a task `days` working days after `start`."""
        return due_after_working_days(start, max(days - self.reminder_days, 0))
