"""The process's time limits, the certificate job run twice, and the settings' reminder dates."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_user
from workflows.core.models import Office, Post, PostHolding
from workflows.core.roles import OFFICE_HEAD
from workflows.core.routing import due_after_working_days
from workflows.core.selectors import open_routes_of
from workflows.core.services import act_on_task
from workflows.unionreturns.models import AnnualReturnSettings
from workflows.unionreturns.services import issue_return_certificate
from workflows.unions.roles import UNION_EXAMINER

from .factories import ensure_examiner_posts, submitted_return

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def chattogram(demo):
    ensure_examiner_posts()
    return Office.objects.get(code="dlo-chattogram")


def holder(office, role, username):
    user = make_user(username, groups=["Officers"])
    PostHolding.objects.create(user=user, post=Post.objects.get(office=office, role=role))
    return user


def test_each_step_is_due_in_the_settings_working_days(chattogram):
    limits = AnnualReturnSettings.load()
    limits.examination_days, limits.certification_days, limits.reminder_days = 10, 4, 2
    limits.save()
    before = timezone.now()
    annual_return = submitted_return(chattogram)
    route = open_routes_of(annual_return).get()
    assert route.due_at.date() == due_after_working_days(before, 10).date()
    assert route.remind_at.date() == due_after_working_days(before, 8).date()
    act_on_task(route, holder(chattogram, UNION_EXAMINER, "p-examiner"), {"decision": "accept"})
    head_route = open_routes_of(annual_return).get()
    assert head_route.post.role == OFFICE_HEAD
    assert head_route.due_at.date() == due_after_working_days(before, 4).date()


def test_the_certificate_is_issued_once_however_often_the_job_runs(chattogram, django_capture_on_commit_callbacks):
    annual_return = submitted_return(chattogram)
    act_on_task(
        open_routes_of(annual_return).get(), holder(chattogram, UNION_EXAMINER, "p-examiner"), {"decision": "accept"}
    )
    head = PostHolding.objects.current().filter(post__office=chattogram, post__role=OFFICE_HEAD).first().user
    with django_capture_on_commit_callbacks(execute=True):
        act_on_task(open_routes_of(annual_return).get(), head, {"decision": "certify"})
    annual_return.refresh_from_db()
    first = annual_return.certificate
    assert first is not None
    assert issue_return_certificate(annual_return) == first
    assert type(first).objects.filter(source_key=f"unionreturns.return:{annual_return.pk}").count() == 1
    assert not open_routes_of(annual_return).exists()


def test_the_head_may_send_a_return_back_to_the_examiner(chattogram):
    annual_return = submitted_return(chattogram)
    examiner = holder(chattogram, UNION_EXAMINER, "p-examiner")
    act_on_task(open_routes_of(annual_return).get(), examiner, {"decision": "accept"})
    head = PostHolding.objects.current().filter(post__office=chattogram, post__role=OFFICE_HEAD).first().user
    with pytest.raises(ValueError):  # a reason is needed
        act_on_task(open_routes_of(annual_return).get(), head, {"decision": "send_back_to_examiner"})
    act_on_task(open_routes_of(annual_return).get(), head, {"decision": "send_back_to_examiner", "reason": "আবার দেখুন"})
    annual_return.refresh_from_db()
    assert annual_return.status == "under_examination"
    assert open_routes_of(annual_return).get().post.role == UNION_EXAMINER
    act_on_task(open_routes_of(annual_return).get(), examiner, {"decision": "accept"})
    annual_return.refresh_from_db()
    assert annual_return.status == "accepted"


def test_reminder_dates_come_from_the_setting():
    limits = AnnualReturnSettings(season_reminders="04-15, 03-01, nonsense, 02-30")
    assert limits.reminder_dates(2026) == [datetime.date(2026, 3, 1), datetime.date(2026, 4, 15)]
