"""A trade union's annual return (Bangladesh Labour Act 2006, s.201): by 30 April of the next year, the audited
statement of a year's income and expenditure, assets and liabilities, changes of officers and the constitution.

The return is the case of the annual-return process (flows.py). The union's representative keeps a draft
(incomplete figures allowed) and submits it; every submission freezes a numbered `AnnualReturnVersion`
(its figures, officers' changes, auditor and the two PDFs it was sent with), so a return the examiner sent
back and the union corrected keeps each version readable, with the remarks made on it. The working copy on
the return itself is what the union edits; a version never changes after it is made, except for the
officers' verdict on it (remarks, decided).
"""

import datetime
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from viewflow.workflow.models import Process
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from workflows.core.amounts import DECIMAL_PLACES, MAX_DIGITS, AmountField
from workflows.core.contract import Case, CaseProcessMixin
from workflows.core.models.attachments import PrivateAttachment
from workflows.core.routing import due_after_working_days


class AmountModelField(models.DecimalField):
    """Taka and paisa, never negative; its form field reads Bengali digits and lakh grouping."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", MAX_DIGITS)
        kwargs.setdefault("decimal_places", DECIMAL_PLACES)
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("validators", [MinValueValidator(Decimal(0))])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": AmountField, **kwargs})


INCOME_HEADS = (
    ("income_subscriptions", _("Members' subscriptions")),
    ("income_donations", _("Donations")),
    ("income_other", _("Other income")),
)
EXPENDITURE_HEADS = (
    ("expenditure_salaries", _("Salaries and allowances")),
    ("expenditure_office", _("Office expenses")),
    ("expenditure_legal", _("Legal expenses")),
    ("expenditure_welfare", _("Welfare of members")),
    ("expenditure_federation", _("Federation fees")),
    ("expenditure_other", _("Other expenditure")),
)
BALANCES = (
    ("opening_cash", _("Opening balance: cash in hand")),
    ("opening_bank", _("Opening balance: at the bank")),
    ("closing_cash", _("Closing balance: cash in hand")),
    ("closing_bank", _("Closing balance: at the bank")),
)
ASSETS = (
    ("other_assets", _("Other assets")),
    ("liabilities", _("Liabilities")),
)
AMOUNT_FIELDS = tuple(name for name, _label in INCOME_HEADS + EXPENDITURE_HEADS + BALANCES + ASSETS)
# What a version freezes besides the amounts.
OTHER_FIELDS = ("members_at_year_end", "officer_changes", "auditor_name", "auditor_qualification")


def due_date(year: int) -> datetime.date:
    """The return of `year` is due on 30 April of the next year (s.201)."""
    return datetime.date(year + 1, 4, 30)


class Figures:
    """The sums of a return's figures, whether the working copy or a frozen version (a dict of amounts)."""

    def __init__(self, values: dict):
        self.values = values

    def amount(self, name) -> Decimal:
        value = self.values.get(name)
        return Decimal(value) if value not in (None, "") else Decimal(0)

    @property
    def total_income(self) -> Decimal:
        return sum((self.amount(name) for name, _label in INCOME_HEADS), Decimal("0.00"))

    @property
    def total_expenditure(self) -> Decimal:
        return sum((self.amount(name) for name, _label in EXPENDITURE_HEADS), Decimal("0.00"))

    @property
    def opening_balance(self) -> Decimal:
        return self.amount("opening_cash") + self.amount("opening_bank")

    @property
    def closing_balance(self) -> Decimal:
        return self.amount("closing_cash") + self.amount("closing_bank")

    @property
    def imbalance(self) -> Decimal:
        """Closing balance minus what it should be (opening + income − expenditure): zero when it balances."""
        return self.closing_balance - (self.opening_balance + self.total_income - self.total_expenditure)

    def rows(self, heads):
        return [(label, self.values.get(name)) for name, label in heads]

    def income_rows(self):
        return self.rows(INCOME_HEADS)

    def expenditure_rows(self):
        return self.rows(EXPENDITURE_HEADS)

    def balance_rows(self):
        return self.rows(BALANCES)

    def asset_rows(self):
        return self.rows(ASSETS)


class AnnualReturn(Case):
    """One union's return for one year, through all its versions; the case of the annual-return process."""

    tracking_prefix = "UAR"

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        UNDER_EXAMINATION = "under_examination", _("Under examination again")
        RETURNED = "returned", _("Returned to the union")
        ACCEPTED = "accepted", _("Accepted: with the office head")
        CERTIFIED = "certified", _("Certified")

    status_groups = {
        "draft": (Status.DRAFT,),
        "open": (Status.SUBMITTED, Status.UNDER_EXAMINATION, Status.RETURNED, Status.ACCEPTED),
        "with_office": (Status.SUBMITTED, Status.UNDER_EXAMINATION, Status.ACCEPTED),
        "returned": (Status.RETURNED,),
        "certified": (Status.CERTIFIED,),
        "submitted": (
            Status.SUBMITTED,
            Status.UNDER_EXAMINATION,
            Status.RETURNED,
            Status.ACCEPTED,
            Status.CERTIFIED,
        ),
    }
    public_status_labels = {
        Status.SUBMITTED: _("Submitted: being examined"),
        Status.UNDER_EXAMINATION: _("Submitted: being examined"),
        Status.ACCEPTED: _("Accepted: waiting for the certificate"),
    }
    # Sent to every active representative of the union (notify_contact below).
    notifications = {
        "submit": "union-return-received",
        "return_to_union": "union-return-returned",
    }

    status = FSMField(_("status"), max_length=30, choices=Status.choices, default=Status.DRAFT, protected=True)
    union = models.ForeignKey(
        "unions.Union", verbose_name=_("union"), on_delete=models.PROTECT, related_name="annual_returns"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("versions submitted"), default=0, editable=False)

    income_subscriptions = AmountModelField(_("members' subscriptions"))
    income_donations = AmountModelField(_("donations"))
    income_other = AmountModelField(_("other income"))
    expenditure_salaries = AmountModelField(_("salaries and allowances"))
    expenditure_office = AmountModelField(_("office expenses"))
    expenditure_legal = AmountModelField(_("legal expenses"))
    expenditure_welfare = AmountModelField(_("welfare of members"))
    expenditure_federation = AmountModelField(_("federation fees"))
    expenditure_other = AmountModelField(_("other expenditure"))
    opening_cash = AmountModelField(_("opening balance: cash in hand"))
    opening_bank = AmountModelField(_("opening balance: at the bank"))
    closing_cash = AmountModelField(_("closing balance: cash in hand"))
    closing_bank = AmountModelField(_("closing balance: at the bank"))
    other_assets = AmountModelField(_("other assets"))
    liabilities = AmountModelField(_("liabilities"))
    members_at_year_end = models.PositiveIntegerField(_("members at the end of the year"), null=True, blank=True)
    officer_changes = models.TextField(
        _("changes of officers during the year"),
        blank=True,
        max_length=5000,
        help_text=_("Who left or joined the executive committee, with the position and the date; “none” if none."),
    )
    auditor_name = models.CharField(_("auditor's name"), max_length=200, blank=True)
    auditor_qualification = models.CharField(
        _("auditor's qualification"),
        max_length=200,
        blank=True,
        help_text=_("For example: chartered accountant (ICAB member no. …)."),
    )
    declaration = models.BooleanField(_("declaration"), default=False)
    constitution = models.ForeignKey(
        "ReturnDocument",
        verbose_name=_("constitution with amendments"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    audit_report = models.ForeignKey(
        "ReturnDocument",
        verbose_name=_("auditor's report"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    last_submitted_at = models.DateTimeField(_("last submitted"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    certified_at = models.DateTimeField(_("certified"), null=True, blank=True)
    certificate = models.OneToOneField(
        "certificates.Certificate",
        verbose_name=_("certificate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="union_return",
    )

    class Meta:
        verbose_name = _("union annual return")
        verbose_name_plural = _("union annual returns")
        ordering = ["-year", "-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["union", "year"], name="one_return_per_union_and_year"),
        ]
        indexes = [
            models.Index(fields=["submitted_at", "id"], name="uar_submitted"),
            models.Index(fields=["office", "submitted_at", "id"], name="uar_office_submitted"),
            models.Index(fields=["office", "year", "status"], name="uar_office_year_status"),
        ]

    def __str__(self):
        return self.tracking_number

    @property
    def title(self):
        from pages.base.templatetags.bangla import local_digits

        return _("Annual return %(year)s of %(union)s") % {"year": local_digits(self.year), "union": self.union.name}

    @property
    def due_on(self) -> datetime.date:
        return due_date(self.year)

    @property
    def figures(self) -> Figures:
        return Figures({name: getattr(self, name) for name in AMOUNT_FIELDS})

    @property
    def editable(self) -> bool:
        """The union may change the working copy: a draft, or a return sent back to it."""
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def union_name(self) -> str:
        return self.union.name

    def snapshot(self) -> dict:
        """The working copy as a version keeps it (amounts as text, exact to the paisa)."""
        data = {name: (str(value) if (value := getattr(self, name)) is not None else None) for name in AMOUNT_FIELDS}
        data.update({name: getattr(self, name) for name in OTHER_FIELDS})
        return data

    # --- Notifications: to every active representative of the union -------------------------------

    def notification_context(self) -> dict:
        from pages.base.bengali_calendar import to_bengali_digits

        return {
            **super().notification_context(),
            "union": self.union.name_bn,
            "year": to_bengali_digits(self.year),
        }

    def notify_contact(self, template_key: str, event: str) -> None:
        from workflows.core.notifications.services import notify

        context = self.notification_context()
        for representative in self.union.representatives.filter(active=True):
            notify(
                template_key,
                language="bn",
                phone=representative.mobile,
                context={**context, "name": representative.name},
                idempotency_key=f"{self._meta.model_name}-{self.pk}-{event}-{representative.pk}",
            )

    # --- The lifecycle: each method changes the return's own fields only (services.transition saves) ---

    # The first submission files the return with the office ("annualreturn.submit"); until then the draft is
    # the union's working copy, started with an audit entry of its own ("annualreturn.start", services).
    @transition(field=status, source=Status.DRAFT, target=Status.SUBMITTED)
    def submit(self, at: datetime.datetime):
        self.version += 1
        self.last_submitted_at = at

    @transition(field=status, source=Status.RETURNED, target=Status.SUBMITTED)
    def resubmit(self, at: datetime.datetime):
        self.version += 1
        self.last_submitted_at = at

    @transition(field=status, source=[Status.SUBMITTED, Status.UNDER_EXAMINATION], target=Status.RETURNED)
    def return_to_union(self):
        pass

    @transition(field=status, source=[Status.SUBMITTED, Status.UNDER_EXAMINATION], target=Status.ACCEPTED)
    def accept(self, at: datetime.datetime):
        self.accepted_at = at

    @transition(field=status, source=Status.ACCEPTED, target=Status.UNDER_EXAMINATION)
    def send_back_to_examiner(self):
        self.accepted_at = None

    @transition(field=status, source=Status.ACCEPTED, target=Status.CERTIFIED)
    def certify(self, at: datetime.datetime):
        self.certified_at = at


class AnnualReturnVersion(models.Model):
    """What the union sent in one submission, frozen: figures, officers' changes, auditor and the two PDFs."""

    class Verdict(models.TextChoices):
        PENDING = "", _("Being examined")
        RETURNED = "returned", _("Returned with remarks")
        ACCEPTED = "accepted", _("Accepted")

    annual_return = models.ForeignKey(
        AnnualReturn, verbose_name=_("annual return"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    submitted_by = models.ForeignKey(
        "unions.Representative",
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    data = models.JSONField(_("figures"), default=dict)
    constitution = models.ForeignKey(
        "ReturnDocument", verbose_name=_("constitution with amendments"), on_delete=models.PROTECT, related_name="+"
    )
    audit_report = models.ForeignKey(
        "ReturnDocument", verbose_name=_("auditor's report"), on_delete=models.PROTECT, related_name="+"
    )
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices, blank=True, default="")
    remarks = models.JSONField(_("remarks"), default=list, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("annual return version")
        verbose_name_plural = _("annual return versions")
        ordering = ["annual_return", "number"]
        constraints = [models.UniqueConstraint(fields=["annual_return", "number"], name="return_version_number")]

    def __str__(self):
        return f"{self.annual_return} v{self.number}"

    @property
    def figures(self) -> Figures:
        return Figures(self.data)


class ReturnDocument(PrivateAttachment):
    """A PDF sent with a return (checked by content, kept privately); never deleted, so old versions keep theirs."""

    upload_folder = "unionreturns"

    class Kind(models.TextChoices):
        CONSTITUTION = "constitution", _("Constitution with amendments")
        AUDIT_REPORT = "audit_report", _("Auditor's report")

    annual_return = models.ForeignKey(
        AnnualReturn, verbose_name=_("annual return"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("document"), max_length=20, choices=Kind.choices)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("return document")
        verbose_name_plural = _("return documents")


class AnnualReturnProcess(CaseProcessMixin, Process):
    """The viewflow process of one return, from its first submission to its certificate."""

    case_field = "annual_return"
    case_template = "unionreturns/admin/case.html"

    annual_return = models.OneToOneField(
        AnnualReturn, verbose_name=_("annual return"), on_delete=models.PROTECT, related_name="process", null=True
    )

    class Meta:
        verbose_name = _("annual return process")
        verbose_name_plural = _("annual return processes")


@register_setting(icon="time")
class AnnualReturnSettings(BaseGenericSetting):
    """The annual-return process's time limits (working days) and the dates of the season's reminders."""

    examination_days = models.PositiveSmallIntegerField(_("days to examine a return"), default=15)
    certification_days = models.PositiveSmallIntegerField(_("days for the office head to certify"), default=7)
    reminder_days = models.PositiveSmallIntegerField(
        _("remind this many days before the due date"),
        default=3,
        help_text=_("The post that holds the task gets a reminder this many working days before it is due."),
    )
    season_reminders = models.CharField(
        _("reminder dates to unions"),
        max_length=100,
        default="03-15, 04-15",
        help_text=_(
            "Month and day (MM-DD), separated by commas: on these days every active union that has not "
            "submitted last year's return gets an SMS."
        ),
    )

    class Meta:
        verbose_name = _("union annual return time limits")

    def due(self, start, days) -> datetime.datetime:
        return due_after_working_days(start, days)

    def reminder(self, start, days) -> datetime.datetime:
        return due_after_working_days(start, max(days - self.reminder_days, 0))

    def reminder_dates(self, year: int) -> list[datetime.date]:
        """The season's reminder days in `year` (the year the returns are due), from `season_reminders`."""
        dates = []
        for part in self.season_reminders.split(","):
            try:
                month, day = (int(x) for x in part.strip().split("-"))
                dates.append(datetime.date(year, month, day))
            except ValueError:
                continue
        return sorted(dates)
