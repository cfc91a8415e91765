"""The returns season: reminders in March and April to unions that have not submitted (once per union and
date), and after 30 April the defaulters per office with a notice letter each (office-scoped)."""

import datetime

import pytest
from django.test import Client

from tests.factories import make_user
from tests.unions.factories import make_representative, make_union
from workflows.core.models import Office, Post, PostHolding
from workflows.core.notifications.models import OutboxMessage
from workflows.unionreturns import season
from workflows.unions.models import Union
from workflows.unions.roles import UNION_EXAMINER

from .factories import ensure_examiner_posts, submitted_return

pytestmark = pytest.mark.django_db

REMINDER_DAY = datetime.date(2026, 3, 15)  # a default reminder date; the returns of 2025 are due


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def offices(demo):
    ensure_examiner_posts()
    return Office.objects.get(code="dlo-chattogram"), Office.objects.get(code="dlo-khulna")


def reminders_to(representative):
    return OutboxMessage.objects.filter(template_key="union-return-season-reminder", recipient=representative.mobile)


def test_reminders_go_once_to_unions_that_have_not_submitted(offices):
    chattogram, _ = offices
    late = make_representative(make_union(chattogram), mobile="01811000001")
    on_time_union = make_union(chattogram)
    on_time = make_representative(on_time_union, mobile="01811000002")
    submitted_return(chattogram, union=on_time_union, representative=on_time, year=2025)
    cancelled = make_representative(make_union(chattogram, status=Union.Status.CANCELLED), mobile="01811000003")

    assert season.send_season_reminders(REMINDER_DAY - datetime.timedelta(days=1)) == 0  # not a reminder day
    assert not reminders_to(late).exists()

    season.send_season_reminders(REMINDER_DAY)
    season.send_season_reminders(REMINDER_DAY)  # the job runs again the same day: nothing new
    assert reminders_to(late).count() == 1
    assert "২০২৫" in reminders_to(late).get().body
    assert not reminders_to(on_time).exists()
    assert not reminders_to(cancelled).exists()

    season.send_season_reminders(datetime.date(2026, 4, 15))  # the second reminder of the season
    assert reminders_to(late).count() == 2


def test_defaulters_appear_after_the_due_date_only(offices):
    chattogram, _ = offices
    union = make_union(chattogram)
    assert union not in season.defaulters(2025, today=datetime.date(2026, 4, 30))
    assert union in season.defaulters(2025, today=datetime.date(2026, 5, 1))
    submitted_return(chattogram, union=union, year=2025)
    assert union not in season.defaulters(2025, today=datetime.date(2026, 5, 1))


def test_the_defaulters_page_and_notice_are_office_scoped(offices):
    chattogram, khulna = offices
    union = make_union(chattogram, name_bn="খেলাপি শ্রমিক ইউনিয়ন")
    officer = make_user("season-officer", groups=["Officers"])
    PostHolding.objects.create(user=officer, post=Post.objects.get(office=chattogram, role=UNION_EXAMINER))
    outsider = make_user("season-outsider", groups=["Officers"])
    PostHolding.objects.create(user=outsider, post=Post.objects.get(office=khulna, role=UNION_EXAMINER))
    mine, theirs = Client(), Client()
    mine.force_login(officer)
    theirs.force_login(outsider)

    page = mine.get("/admin/workflows/union-returns-defaulters/", {"year": "2025"})
    assert page.status_code == 200 and "খেলাপি শ্রমিক ইউনিয়ন" in page.content.decode()
    elsewhere = theirs.get("/admin/workflows/union-returns-defaulters/", {"year": "2025"})
    assert "খেলাপি শ্রমিক ইউনিয়ন" not in elsewhere.content.decode()

    url = f"/admin/workflows/union-returns-defaulters/{union.pk}/2025/notice.pdf"
    assert theirs.get(url).status_code == 404
    response = mine.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_notice_carries_both_calendars(offices):
    chattogram, _ = offices
    union = make_union(chattogram)
    html = season.notice_html(union, 2025, today=datetime.date(2026, 5, 10))
    assert "২৭ বৈশাখ ১৪৩৩" in html and "১০ মে ২০২৬" in html
    assert union.name_bn in html and "৩০ এপ্রিল ২০২৬" in html
