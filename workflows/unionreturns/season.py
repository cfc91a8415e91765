"""The returns season: SMS reminders in March and April to unions that have not submitted last year's return,
and after 30 April the defaulters of each office, with a printable notice letter each.

`send_season_reminders` runs daily (schedule.py) and sends only on the dates of the setting
(`AnnualReturnSettings.season_reminders`); the notification's idempotency key (union, year, date) makes it
once per union and reminder, however often the job runs.
"""

from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override

from pages.base.bengali_calendar import format_bengali_date, format_gregorian_bn, to_bengali_digits
from workflows.core.notifications.services import notify
from workflows.unions.models import Representative, Union

from .models import AnnualReturn, AnnualReturnSettings, due_date


def not_submitted(year: int, office_ids=None):
    """Active unions, registered before the end of `year`, with no submitted return for `year`."""
    submitted = AnnualReturn.objects.filter(union=OuterRef("pk"), year=year).exclude(status=AnnualReturn.Status.DRAFT)
    unions = Union.objects.active().filter(registered_on__year__lte=year).exclude(Exists(submitted))
    if office_ids is not None:
        unions = unions.filter(office_id__in=office_ids)
    return unions.select_related("office")


def defaulters(year: int, office_ids=None, today=None):
    """The unions that missed the due date of `year`'s return (empty before it has passed)."""
    today = today or timezone.localdate()
    if today <= due_date(year):
        return Union.objects.none()
    return not_submitted(year, office_ids).order_by("office__sort_order", "name_bn")


def send_season_reminders(today=None) -> int:
    """On a reminder date, an SMS to every active representative of every union that has not submitted the
    return due this season (last year's); returns how many representatives it reminded (a second run on the
    same day reminds them again in name only: the outbox keeps one message per key)."""
    today = today or timezone.localdate()
    year = today.year - 1
    if today not in AnnualReturnSettings.load().reminder_dates(today.year):
        return 0
    due_on = format_gregorian_bn(due_date(year))
    reminded = 0
    representatives = Representative.objects.filter(active=True, union__in=not_submitted(year)).select_related("union")
    for representative in representatives:
        notify(
            "union-return-season-reminder",
            language="bn",
            phone=representative.mobile,
            context={"union": representative.union.name_bn, "year": to_bengali_digits(year), "due_on": due_on},
            idempotency_key=f"union-return-reminder-{representative.union_id}-{year}-{today:%m%d}-{representative.pk}",
        )
        reminded += 1
    return reminded


def notice_html(union, year: int, today=None) -> str:
    """The notice letter to a defaulting union, in Bengali, dated in both calendars."""
    from workflows.certificates.rendering import font_css

    today = today or timezone.localdate()
    with override("bn"):
        return render_to_string(
            "unionreturns/notice.html",
            {
                "union": union,
                "year": year,
                "due_on": due_date(year),
                "today": today,
                "today_bengali": format_bengali_date(today),
                "font_css": font_css(),
            },
        )


def notice_pdf(union, year: int, today=None) -> bytes:
    from workflows.certificates.pdf import html_to_pdf

    return html_to_pdf(notice_html(union, year, today))
