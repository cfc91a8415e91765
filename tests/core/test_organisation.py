"""Posts, holdings and delegations decide which offices' cases a user sees and for which posts they act."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_user
from workflows.complaints import roles as complaint_roles
from workflows.core import roles
from workflows.core.access import acting_posts, can_act_for, visible_office_ids
from workflows.core.models import Delegation, Office, Post, PostHolding

pytestmark = pytest.mark.django_db


@pytest.fixture
def offices(demo):
    dol = Office.objects.get(code="dol")
    ctg = Office.objects.create(code="t-ctg", name_bn="চট্টগ্রাম", name_en="Chattogram", parent=dol)
    sub = Office.objects.create(code="t-ctg-sub", name_bn="উপ-দপ্তর", name_en="Sub-office", parent=ctg)
    dhaka = Office.objects.create(code="t-dhaka", name_bn="ঢাকা", name_en="Dhaka", parent=dol)
    return {"dol": dol, "ctg": ctg, "sub": sub, "dhaka": dhaka}


def make_post(office, role=roles.OTHER, covers=False, title="পদ"):
    return Post.objects.create(office=office, role=role, title_bn=title, title_en="Post", covers_sub_offices=covers)


def test_holder_sees_only_their_office(offices):
    officer = make_user("ctg-officer")
    post = make_post(offices["ctg"], complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    PostHolding.objects.create(user=officer, post=post)
    assert visible_office_ids(officer) == {offices["ctg"].pk}


def test_supervising_post_sees_sub_offices(offices):
    head = make_user("ctg-head")
    PostHolding.objects.create(user=head, post=make_post(offices["ctg"], roles.OFFICE_HEAD, covers=True))
    assert visible_office_ids(head) == {offices["ctg"].pk, offices["sub"].pk}


def test_ended_holding_gives_nothing(offices):
    former = make_user("former")
    post = make_post(offices["dhaka"])
    PostHolding.objects.create(
        user=former, post=post, starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2021, 1, 1)
    )
    assert acting_posts(former) == []
    assert visible_office_ids(former) == set()


def test_delegation_is_time_limited_and_marked(offices):
    gro = make_post(offices["ctg"], complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    stand_in = make_user("stand-in")
    now = timezone.now()
    Delegation.objects.create(
        post=gro,
        delegate=stand_in,
        starts_at=now - datetime.timedelta(days=1),
        ends_at=now + datetime.timedelta(days=1),
    )
    acting = can_act_for(stand_in, gro)
    assert acting is not None and acting.delegated
    assert can_act_for(stand_in, gro, at=now + datetime.timedelta(days=2)) is None


def test_superuser_sees_everything(offices):
    assert visible_office_ids(make_user("root", superuser=True)) is None


def test_user_without_posts_sees_nothing(offices):
    assert visible_office_ids(make_user("nobody")) == set()
