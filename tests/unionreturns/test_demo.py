"""The demo's annual returns (loaded with the demo site by the test session): one in every state."""

import pytest

from workflows.unionreturns.models import AnnualReturn

pytestmark = pytest.mark.django_db


def test_demo_returns_are_in_every_state(demo):
    statuses = set(AnnualReturn.objects.values_list("status", flat=True))
    assert statuses == {"draft", "submitted", "returned", "accepted", "certified"}
    certified = AnnualReturn.objects.filter(status="certified")
    assert certified.count() == 2 and all(r.certificate_id for r in certified)
    resubmitted = AnnualReturn.objects.get(union__registration_number="চট্ট-২৭৭৬")
    assert resubmitted.version == 2 and resubmitted.versions.get(number=1).remarks
    port = AnnualReturn.objects.get(union__registration_number="চট্ট-১২৩৪", year=2025)
    assert port.status == "returned"
