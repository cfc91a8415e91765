"""The names the annual-returns app builds on: the models, the portal's decorator and the factories."""

import pytest
from django.test import Client

from workflows.core.models import Office
from workflows.unions.models import Union
from workflows.unions.roles import UNION_EXAMINER

from .factories import make_representative, make_union, signed_in_representative

pytestmark = pytest.mark.django_db


def test_signed_in_representative_sees_own_union_and_not_another(demo):
    office = Office.objects.get(code="dlo-dhaka")
    union = make_union(office)
    other = make_union(office)
    representative = make_representative(union, mobile="01711000001")
    assert representative.mobile == "+8801711000001"
    client = signed_in_representative(Client(), representative)
    assert client.get(f"/en/unions/{union.pk}/").status_code == 200
    assert client.get(f"/en/unions/{other.pk}/").status_code == 404
    assert union.is_active and union.status == Union.Status.ACTIVE
    assert UNION_EXAMINER == "union_examiner"


def test_registration_numbers_are_normalised_and_unique_across_digit_scripts(demo):
    office = Office.objects.get(code="dlo-chattogram")
    union = make_union(office, registration_number=" b – 9988 ")
    assert union.registration_number == "B-9988"
    bengali = make_union(office, registration_number="চট্ট-৯৮৭৬")
    assert bengali.registration_number == "চট্ট-৯৮৭৬"
    from django.core.exceptions import ValidationError

    duplicate = Union(office=office, registration_number="চট্ট 9876", name_bn="x", registered_on=union.registered_on)
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_demo_unions_representatives_and_examiner_posts(demo):
    from workflows.core.models import Post, PostHolding
    from workflows.unions.models import Representative

    assert Union.objects.count() >= 20
    assert Union.objects.values("office").distinct().count() >= 3
    assert Union.objects.filter(kind=Union.Kind.FEDERATION).count() >= 3
    assert Union.objects.filter(status=Union.Status.CANCELLED).count() == 1
    port = Union.objects.get(registration_number="চট্ট-১২৩৪")
    assert port.office_bearers.count() == 4
    assert Representative.objects.get(mobile="+8801700000001").union == port
    assert Post.objects.filter(role=UNION_EXAMINER).count() == 4
    assert PostHolding.objects.filter(
        user__username="officer", post__role=UNION_EXAMINER, post__office__code="dlo-chattogram"
    ).exists()
