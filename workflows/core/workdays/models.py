"""The holiday calendar every SLA counts on: dated holidays and the weekly off days."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class Holiday(models.Model):
    """One dated exception to the working week: a holiday, or a make-up working day.

    Public and executive-order holidays are days off; optional ones are not. A make-up working day
    opens the offices on a weekly off day (the government moves a working day to a Saturday to
    bridge a holiday), so SLAs count it.
    """

    class Kind(models.TextChoices):
        PUBLIC = "public", _("Public holiday")
        EXECUTIVE_ORDER = "executive_order", _("Executive-order holiday")
        # Taken individually by staff of a faith or community: offices stay open, so SLAs keep running.
        OPTIONAL = "optional", _("Optional holiday")
        WORKING_DAY = "working_day", _("Make-up working day (offices open on a weekly off day)")

    # The kinds on which offices are closed.
    DAY_OFF_KINDS = (Kind.PUBLIC, Kind.EXECUTIVE_ORDER)

    date = models.DateField(_("date"), unique=True)
    name_bn = models.CharField(_("name (Bengali)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PUBLIC)

    class Meta:
        ordering = ["date"]
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")

    def __str__(self):
        return f"{self.date.isoformat()} {self.name}"

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "bn").startswith("en") else self.name_bn

    @property
    def is_day_off(self) -> bool:
        return self.kind in self.DAY_OFF_KINDS

    def clean(self):
        super().clean()
        if self.kind == self.Kind.WORKING_DAY and self.date:
            week = WorkingWeek.objects.first() or WorkingWeek()
            if self.date.weekday() not in week.off_weekdays():
                raise ValidationError(
                    {"kind": _("This date is a working day anyway; a make-up working day falls on a weekly off day.")}
                )


@register_setting(icon="date")
class WorkingWeek(BaseGenericSetting):
    """Which days of the week the offices are closed: Friday and Saturday in Bangladesh."""

    # Field order follows the Bangladeshi office week, which starts on Sunday.
    sunday_off = models.BooleanField(_("Sunday"), default=False)
    monday_off = models.BooleanField(_("Monday"), default=False)
    tuesday_off = models.BooleanField(_("Tuesday"), default=False)
    wednesday_off = models.BooleanField(_("Wednesday"), default=False)
    thursday_off = models.BooleanField(_("Thursday"), default=False)
    friday_off = models.BooleanField(_("Friday"), default=True)
    saturday_off = models.BooleanField(_("Saturday"), default=True)

    # Python's date.weekday() numbers: Monday is 0.
    WEEKDAY_FIELDS = {
        0: "monday_off",
        1: "tuesday_off",
        2: "wednesday_off",
        3: "thursday_off",
        4: "friday_off",
        5: "saturday_off",
        6: "sunday_off",
    }

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("sunday_off"),
                FieldPanel("monday_off"),
                FieldPanel("tuesday_off"),
                FieldPanel("wednesday_off"),
                FieldPanel("thursday_off"),
                FieldPanel("friday_off"),
                FieldPanel("saturday_off"),
            ],
            heading=_("Weekly off days"),
            help_text=_("Tick the days on which the offices are closed every week. SLA deadlines skip them."),
        ),
    ]

    class Meta:
        verbose_name = _("working week")
        verbose_name_plural = _("working weeks")

    def __str__(self):
        return str(self._meta.verbose_name)

    def off_weekdays(self) -> frozenset[int]:
        """The weekly off days as date.weekday() numbers."""
        return frozenset(day for day, field in self.WEEKDAY_FIELDS.items() if getattr(self, field))

    def clean(self):
        super().clean()
        if len(self.off_weekdays()) == 7:
            raise ValidationError(_("At least one day of the week must be a working day."))
