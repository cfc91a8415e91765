"""Password reset requests are rate-limited per address asked for and per client address."""

import pytest
from django.core import mail
from django.test import Client

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_twelve_requests_for_one_officer_send_three_mails(settings):
    officer = make_user("reset-officer", groups=["Editors"])
    client = Client()
    answers = [
        client.post("/admin/password_reset/", {"email": officer.email}, REMOTE_ADDR=f"10.4.0.{n}") for n in range(12)
    ]
    assert len(mail.outbox) == 3
    assert all(answer.status_code == 302 for answer in answers[:3])
    assert answers[3].status_code == 200
    assert "অনেকবার পাসওয়ার্ড রিসেট" in answers[3].text


def test_one_address_asking_for_many_accounts_is_limited(settings):
    client = Client()
    for n in range(12):
        client.post("/admin/password_reset/", {"email": f"nobody-{n}@example.gov.bd"}, REMOTE_ADDR="10.5.5.5")
    officer = make_user("reset-officer-2", groups=["Editors"])
    response = client.post("/admin/password_reset/", {"email": officer.email}, REMOTE_ADDR="10.5.5.5")
    assert response.status_code == 200
    assert mail.outbox == []
