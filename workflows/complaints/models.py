"""The citizen-charter complaint (GRS-style) as a record: what was complained of, by whom, and where it stands.

The status moves only through the transition methods below, which change nothing but the record's own
fields; the process (flows.py) and the services decide when to call them, save, and notify.
"""

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import ConcurrentTransitionMixin, FSMField, can_proceed, transition
from viewflow.workflow.models import Process
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from workflows.core.models.attachments import PrivateAttachment

from .validators import new_access_code, new_tracking_number, validate_not_in_future


class Complaint(ConcurrentTransitionMixin, models.Model):
    """One complaint about an office's service.

    ConcurrentTransitionMixin makes a save fail (ConcurrentTransition) when another request changed the
    status since this copy was read, so two officers, or an officer and a replayed form, cannot both win.
    """

    class Status(models.TextChoices):
        # With a context: "Submitted", "Resolved"… are column headers and flow steps elsewhere.
        SUBMITTED = "submitted", pgettext_lazy("complaint status", "Submitted")
        IN_REVIEW = "in_review", pgettext_lazy("complaint status", "Under review")
        INFO_REQUESTED = "info_requested", pgettext_lazy("complaint status", "Information requested from you")
        FORWARDED = "forwarded", pgettext_lazy("complaint status", "Forwarded to another office")
        RESOLVED = "resolved", pgettext_lazy("complaint status", "Resolved")
        REJECTED = "rejected", pgettext_lazy("complaint status", "Rejected")
        APPEALED = "appealed", pgettext_lazy("complaint status", "Appeal filed")
        APPEAL_DECIDED = "appeal_decided", pgettext_lazy("complaint status", "Appeal decided")
        CLOSED = "closed", pgettext_lazy("complaint status", "Closed")

    # Still waiting for a decision: an appeal is allowed from these once the due date has passed.
    OPEN_STATUSES = (Status.SUBMITTED, Status.IN_REVIEW, Status.INFO_REQUESTED, Status.FORWARDED)
    DECIDED_STATUSES = (Status.RESOLVED, Status.REJECTED)

    tracking_number = models.CharField(_("tracking number"), max_length=20, unique=True, editable=False)
    office = models.ForeignKey(
        "workflows_core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="complaints"
    )
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

    complainant_name = models.CharField(_("name"), max_length=150, blank=True)
    mobile = models.CharField(_("mobile number"), max_length=14, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    # Only a hash: the code is shown once, to the complainant, and is the only key to an anonymous complaint.
    access_code_hash = models.CharField(_("access code (hashed)"), max_length=128, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="bn")

    status = FSMField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, protected=True)
    public_reply = models.TextField(_("public reply"), blank=True)
    information_request = models.TextField(_("information requested"), blank=True)
    information_response = models.TextField(_("information given"), blank=True)
    appeal_grounds = models.TextField(_("grounds of appeal"), blank=True)

    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    resolved_at = models.DateTimeField(_("decided"), null=True, blank=True)
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
                condition=Q(is_anonymous=True, complainant_name="", mobile="", email="")
                | (Q(is_anonymous=False) & (~Q(mobile="") | ~Q(email=""))),
                name="complaint_contact_or_anonymous",
            ),
        ]

    def __str__(self):
        return self.tracking_number

    def save(self, *args, **kwargs):
        if not self.tracking_number:
            # Random, so a clash is rare (1 in 2⁵⁰ per pair); draw again rather than fail.
            number = new_tracking_number()
            while Complaint.objects.filter(tracking_number=number).exists():
                number = new_tracking_number()
            self.tracking_number = number
        super().save(*args, **kwargs)

    # --- Access code of anonymous complaints ----------------------------------------------------

    def issue_access_code(self) -> str:
        """Set a new access code and return it in clear; only its hash is kept."""
        code = new_access_code()
        self.access_code_hash = make_password(code)
        return code

    def check_access_code(self, code: str) -> bool:
        return bool(self.is_anonymous and self.access_code_hash) and check_password(code, self.access_code_hash)

    # --- Questions the pages ask ----------------------------------------------------------------

    @property
    def is_overdue(self) -> bool:
        return bool(self.due_at and self.status in self.OPEN_STATUSES and timezone.now() > self.due_at)

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
    def resolve(self, public_reply: str):
        self.public_reply = public_reply
        self.resolved_at = timezone.now()

    @transition(
        field=status, source=[Status.SUBMITTED, Status.IN_REVIEW, Status.INFO_REQUESTED], target=Status.REJECTED
    )
    def reject(self, reason: str):
        self.public_reply = reason
        self.resolved_at = timezone.now()

    # Against a decision, or against silence once the due date has passed.
    @transition(field=status, source=list(DECIDED_STATUSES), target=Status.APPEALED)
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
        """Nothing more will happen: the complainant accepted the decision or the time to appeal ran out."""


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


class ComplaintCaseMixin:
    """What the back office's task page asks of a process whose case is a complaint."""

    case_template = "complaints/admin/case.html"

    @property
    def case(self):
        return self.complaint

    def case_process_ids(self) -> list[int]:
        """Every process of this complaint (the review and any appeal): the history shows them all."""
        return list(
            Process.objects.filter(
                Q(complaintprocess__complaint_id=self.complaint_id) | Q(appealprocess__complaint_id=self.complaint_id)
            ).values_list("pk", flat=True)
        )


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
    reminder_days = models.PositiveSmallIntegerField(_("remind this many days before the due date"), default=5)
    appeal_days = models.PositiveSmallIntegerField(_("days to decide an appeal"), default=20)

    class Meta:
        verbose_name = _("complaint time limits")
