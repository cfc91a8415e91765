"""Workers' training at the industrial relations institutes: courses, batches, trainees and attendance.

A batch is the case of the training process (flows.py): registered with its trainees, its attendance and
completion recorded by the course director, approved by the institute's head, then certified (each
completing trainee gets an e-certificate from the certificate engine, workflows/certificates).
"""

import datetime

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from viewflow.workflow.models import Process

from workflows.core.contract import Case, CaseProcessMixin


def in_language(bn, en):
    return en if (get_language() or "bn").startswith("en") and en else bn


class Course(models.Model):
    """A short course an institute runs for workers and union officers, in as many batches as it likes."""

    institute = models.ForeignKey(
        "workflows_core.Office", verbose_name=_("institute"), on_delete=models.PROTECT, related_name="+"
    )
    title_bn = models.CharField(_("title (Bengali)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    duration_days = models.PositiveSmallIntegerField(_("duration in days"))
    min_attendance_days = models.PositiveSmallIntegerField(
        _("days of attendance needed to complete"),
        null=True,
        blank=True,
        help_text=_("Leave empty to require every day of the course."),
    )

    class Meta:
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")
        ordering = ["institute__sort_order", "title_en"]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return in_language(self.title_bn, self.title_en)

    @property
    def required_days(self) -> int:
        return self.min_attendance_days or self.duration_days


class Batch(Case):
    """One batch of a course: its dates, venue and trainees; the case of the training process."""

    tracking_prefix = "TRN"

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Training under way")
        SUBMITTED = "submitted", _("Waiting for the head's approval")
        RETURNED = "returned", _("Returned to the course director")
        APPROVED = "approved", _("Approved: certificates being issued")
        CERTIFIED = "certified", _("Certificates issued")

    status_groups = {
        "open": (Status.REGISTERED, Status.SUBMITTED, Status.RETURNED, Status.APPROVED),
        "certified": (Status.CERTIFIED,),
    }

    status = FSMField(_("status"), max_length=30, choices=Status.choices, default=Status.REGISTERED, protected=True)
    course = models.ForeignKey(Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="batches")
    number = models.PositiveSmallIntegerField(_("batch number"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=200)
    director_post = models.ForeignKey(
        "workflows_core.Post", verbose_name=_("course director's post"), on_delete=models.PROTECT, related_name="+"
    )
    return_reason = models.TextField(_("reason for returning"), blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    certified_at = models.DateTimeField(_("certificates issued"), null=True, blank=True)

    class Meta:
        verbose_name = _("training batch")
        verbose_name_plural = _("training batches")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["course", "number"], name="batch_number_per_course"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="batch_ends_after_start"
            ),
        ]
        indexes = [
            # The case list, newest first, in all offices or in each of an officer's (the keyset paginator's).
            models.Index(fields=["submitted_at", "id"], name="batch_submitted"),
            models.Index(fields=["office", "submitted_at", "id"], name="batch_office_submitted"),
        ]

    def __str__(self):
        return f"{self.tracking_number}"

    @property
    def title(self):
        from pages.base.templatetags.bangla import local_digits

        return _("%(course)s, batch %(number)s") % {"course": self.course.title, "number": local_digits(self.number)}

    @property
    def accepts_trainees(self) -> bool:
        """Trainees are imported while the course runs, or after the head returned the batch."""
        return self.status in (self.Status.REGISTERED, self.Status.RETURNED)

    @cached_property
    def certificate_progress(self) -> dict:
        from .services import batch_progress

        return batch_progress(self)

    def trainee_rows(self):
        """The trainees with their days of attendance and certificates, in two queries."""
        return self.trainees.select_related("certificate").annotate(days_attended=models.Count("attendance"))

    def days(self) -> list[datetime.date]:
        count = (self.ends_on - self.starts_on).days + 1
        return [self.starts_on + datetime.timedelta(days=n) for n in range(count)]

    # The lifecycle: each method changes the batch's own fields only (services.transition saves and records).
    @transition(field=status, source=[Status.REGISTERED, Status.RETURNED], target=Status.SUBMITTED)
    def send_for_approval(self):
        self.return_reason = ""

    @transition(field=status, source=Status.SUBMITTED, target=Status.APPROVED)
    def approve(self, at: datetime.datetime):
        self.approved_at = at

    @transition(field=status, source=Status.SUBMITTED, target=Status.RETURNED)
    def return_to_director(self, reason: str):
        self.return_reason = reason

    @transition(field=status, source=Status.APPROVED, target=Status.CERTIFIED)
    def certify(self, at: datetime.datetime):
        self.certified_at = at


class Trainee(models.Model):
    batch = models.ForeignKey(Batch, verbose_name=_("batch"), on_delete=models.CASCADE, related_name="trainees")
    name_bn = models.CharField(_("name (Bengali)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150)
    mobile = models.CharField(_("mobile number"), max_length=14)  # +8801XXXXXXXXX, as SMS are sent
    nid = models.CharField(_("national ID number"), max_length=17, blank=True)
    establishment = models.CharField(_("establishment"), max_length=200, blank=True)
    designation = models.CharField(_("designation"), max_length=100, blank=True)
    completed = models.BooleanField(_("completed the course"), default=False)
    certificate = models.OneToOneField(
        "certificates.Certificate",
        verbose_name=_("certificate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trainee",
    )

    class Meta:
        verbose_name = _("trainee")
        verbose_name_plural = _("trainees")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["batch", "mobile"], name="trainee_mobile_per_batch")]

    def __str__(self):
        return in_language(self.name_bn, self.name_en)

    @property
    def source_key(self) -> str:
        """What the certificate engine knows this trainee's certificate by (one per trainee, ever)."""
        return f"training.trainee:{self.pk}"


class Attendance(models.Model):
    """A day a trainee attended; a day without a row is a day absent."""

    trainee = models.ForeignKey(Trainee, on_delete=models.CASCADE, related_name="attendance")
    day = models.DateField(_("day"))

    class Meta:
        verbose_name = _("attendance")
        constraints = [models.UniqueConstraint(fields=["trainee", "day"], name="attendance_once_a_day")]

    def __str__(self):
        return f"{self.trainee} {self.day:%Y-%m-%d}"


class TrainingProcess(CaseProcessMixin, Process):
    """The viewflow process of one batch: completion, approval, the certificates."""

    case_field = "batch"
    case_template = "training/admin/case.html"

    batch = models.OneToOneField(
        Batch, verbose_name=_("batch"), on_delete=models.PROTECT, related_name="process", null=True
    )

    class Meta:
        verbose_name = _("training process")
        verbose_name_plural = _("training processes")
