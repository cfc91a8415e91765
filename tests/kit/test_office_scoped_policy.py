"""The office-scoped permission policy of a process's registers (workflows/core/permissions.py): who may
view, add and change them at all, and who may never delete."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_user
from workflows.core.models import Delegation, Post, PostHolding
from workflows.core.permissions import OfficeScopedPolicy
from workflows.training.models import Course

pytestmark = pytest.mark.django_db


def test_users_with_permission_are_the_post_holders_delegates_and_superusers(demo):
    post = Post.objects.filter(office__code="dlo-khulna").first()
    holder, delegate, former, nobody = (make_user(name) for name in ("p-holder", "p-delegate", "p-former", "p-nobody"))
    PostHolding.objects.create(user=holder, post=post)
    PostHolding.objects.create(
        user=former, post=post, starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2021, 1, 1)
    )
    Delegation.objects.create(post=post, delegate=delegate, ends_at=timezone.now() + datetime.timedelta(days=1))
    admin = make_user("p-admin", superuser=True)
    policy = OfficeScopedPolicy(Course, "institute")

    users = set(policy.users_with_any_permission(["change"]))
    assert {holder, delegate, admin} <= users and not {former, nobody} & users
    assert not policy.users_with_any_permission(["delete"]).exists()
    assert policy.user_has_permission(holder, "change") and not policy.user_has_permission(holder, "delete")
    assert not policy.user_has_permission(nobody, "view")
