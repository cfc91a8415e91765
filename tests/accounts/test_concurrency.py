"""One recovery code used twice at the same moment (two browsers, one stolen paper): exactly one sign-in."""

import threading

import pytest
from django.db import connection

from pages.accounts.models import RecoveryCodes
from pages.accounts.services import issue_recovery_codes
from tests.factories import DemoSite, make_user

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's; CI runs this there"),
    pytest.mark.django_db(transaction=True),
    pytest.mark.flushes_db,
]


def test_one_recovery_code_used_twice_at_once_signs_in_once():
    DemoSite.get()
    officer = make_user("race-officer", groups=["Officers"])
    code = issue_recovery_codes(officer, by=officer)[0]
    barrier = threading.Barrier(2)
    results = []

    def use():
        try:
            device = RecoveryCodes.objects.get(user=officer)
            barrier.wait(timeout=10)
            results.append(device.verify_token(code))
        finally:
            connection.close()

    threads = [threading.Thread(target=use) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(results) == [False, True]
    assert RecoveryCodes.objects.get(user=officer).remaining == 9
