"""Two-factor sign-in: enrolling an authenticator app, the second step, recovery codes, enforcement."""

import re
import time
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from pages.accounts.models import EnrolmentDeadline, RecoveryCodes
from tests.factories import make_user, totp_code, two_factor_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return make_user("twofactor-officer", groups=["Officers"])


def password_only(user):
    client = Client()
    response = client.post(
        "/admin/login/", {"username": user.username, "password": "pass-for-tests", "next": "/admin/"}
    )
    assert response.status_code == 302
    return client


def enrol(client, user):
    assert client.get("/admin/two-factor/authenticator/").status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/admin/two-factor/authenticator/", {"name": "office phone", "code": totp_code(device)})
    return device, response


def test_enrolling_shows_a_qr_code_and_ten_recovery_codes_once(officer):
    client = password_only(officer)
    page = client.get("/admin/two-factor/authenticator/")
    assert "<svg" in page.text and "otpauth" not in page.text  # the secret is in the QR code, not in a link
    device, response = enrol(client, officer)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    codes = re.findall(r"<code>([0-9A-Z]{5}-[0-9A-Z]{5})</code>", response.text)
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed and device.name == "office phone"
    stored = RecoveryCodes.objects.get(user=officer)
    assert not any(code.replace("-", "") in str(stored.digests) for code in codes)  # only digests are kept
    assert ModelLogEntry.objects.filter(action="accounts.device_added", object_id=str(officer.pk)).exists()
    # The two-factor page no longer shows them.
    assert codes[0] not in client.get("/admin/two-factor/").text


def test_a_wrong_code_does_not_enrol(officer):
    client = password_only(officer)
    client.get("/admin/two-factor/authenticator/")
    response = client.post("/admin/two-factor/authenticator/", {"name": "phone", "code": "000000"})
    assert response.status_code == 200
    assert "কোডটি সঠিক নয়" in response.text
    assert not TOTPDevice.objects.filter(user=officer, confirmed=True).exists()


def test_after_the_password_the_admin_asks_for_the_code(officer):
    two_factor_client(officer)  # enrols
    client = password_only(officer)
    response = client.get("/admin/workflows/tasks/mine/")
    assert response.status_code == 302 and response.url.startswith("/admin/two-factor/verify/")
    # Nothing of the admin is reachable meanwhile, not even the two-factor page (no new device, no removal).
    assert client.get("/admin/two-factor/").status_code == 302
    device = TOTPDevice.objects.get(user=officer, confirmed=True)
    assert client.post(f"/admin/two-factor/remove/totp/{device.pk}/").status_code == 302
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    wrong = client.post(response.url, {"code": "123456"})
    assert wrong.status_code == 200 and "কোডটি সঠিক নয়" in wrong.text
    time.sleep(1.1)  # after a wrong code the app's codes are refused for a second (then 2, 4, 8…)
    right = client.post(response.url, {"code": totp_code(device), "next": "/admin/workflows/tasks/mine/"})
    assert right.status_code == 302 and right.url == "/admin/workflows/tasks/mine/"
    assert client.get("/admin/workflows/tasks/mine/").status_code == 200


def test_the_code_step_does_not_follow_a_next_to_another_site(officer):
    two_factor_client(officer)
    client = password_only(officer)
    device = TOTPDevice.objects.get(user=officer, confirmed=True)
    response = client.post("/admin/two-factor/verify/", {"code": totp_code(device), "next": "https://evil.example/"})
    assert response.status_code == 302 and response.url == "/admin/"


def test_a_recovery_code_signs_in_once(officer):
    client = password_only(officer)
    _device, response = enrol(client, officer)
    code = re.findall(r"<code>([0-9A-Z]{5}-[0-9A-Z]{5})</code>", response.text)[0]
    first = password_only(officer)
    assert first.post("/admin/two-factor/verify/", {"code": code.lower()}).status_code == 302
    assert first.get("/admin/").status_code == 200
    second = password_only(officer)
    response = second.post("/admin/two-factor/verify/", {"code": code})
    assert response.status_code == 200
    assert RecoveryCodes.objects.get(user=officer).remaining == 9


def test_new_recovery_codes_replace_the_old_ones(officer):
    client = password_only(officer)
    _device, response = enrol(client, officer)
    old = re.findall(r"<code>([0-9A-Z]{5}-[0-9A-Z]{5})</code>", response.text)[0]
    fresh = client.post("/admin/two-factor/recovery-codes/")
    assert len(re.findall(r"<code>[0-9A-Z]{5}-[0-9A-Z]{5}</code>", fresh.text)) == 10
    assert password_only(officer).post("/admin/two-factor/verify/", {"code": old}).status_code == 200


def test_within_the_grace_period_the_admin_works_and_warns(officer):
    client = password_only(officer)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert "দুই ধাপে লগ ইন চালু করুন" in response.text
    deadline = EnrolmentDeadline.objects.get(user=officer).enrol_by
    assert timedelta(days=6) < deadline - timezone.now() <= timedelta(days=7)


def test_after_the_grace_period_only_enrolment_is_open(officer):
    EnrolmentDeadline.objects.create(user=officer, enrol_by=timezone.now() - timedelta(minutes=1))
    client = password_only(officer)
    response = client.get("/admin/workflows/tasks/mine/")
    assert response.status_code == 302 and response.url == "/admin/two-factor/"
    assert client.get("/admin/two-factor/").status_code == 200
    _device, enrolled = enrol(client, officer)
    assert enrolled.status_code == 200
    assert client.get("/admin/workflows/tasks/mine/").status_code == 200


def test_groups_outside_the_setting_are_not_asked(officer, settings):
    settings.TWO_FACTOR_REQUIRED_GROUPS = ["Moderators"]
    EnrolmentDeadline.objects.create(user=officer, enrol_by=timezone.now() - timedelta(days=1))
    client = password_only(officer)
    assert client.get("/admin/workflows/tasks/mine/").status_code == 200
    # A superuser always is.
    admin = make_user("twofactor-admin", superuser=True)
    EnrolmentDeadline.objects.create(user=admin, enrol_by=timezone.now() - timedelta(days=1))
    assert password_only(admin).get("/admin/").url == "/admin/two-factor/"


def test_the_last_device_cannot_be_removed_while_two_factor_is_required(officer):
    client = two_factor_client(officer)
    device = TOTPDevice.objects.get(user=officer, confirmed=True)
    response = client.post(f"/admin/two-factor/remove/totp/{device.pk}/", follow=True)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert "অন্যটি যোগ করুন" in response.text


def test_someone_elses_device_cannot_be_removed(officer):
    other = make_user("twofactor-other", groups=["Officers"])
    two_factor_client(other)
    device = TOTPDevice.objects.get(user=other, confirmed=True)
    client = two_factor_client(officer)
    assert client.post(f"/admin/two-factor/remove/totp/{device.pk}/").url == "/admin/"  # Wagtail's refusal
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_a_second_device_may_be_added_and_the_first_removed(officer):
    client = two_factor_client(officer)
    first = TOTPDevice.objects.get(user=officer, confirmed=True)
    _second, response = enrol(client, officer)
    assert response.status_code == 302  # recovery codes exist already
    assert client.post(f"/admin/two-factor/remove/totp/{first.pk}/").status_code == 302
    assert not TOTPDevice.objects.filter(pk=first.pk).exists()
    assert ModelLogEntry.objects.filter(action="accounts.device_removed").count() == 1


def test_the_account_page_links_to_two_factor_sign_in(officer):
    client = two_factor_client(officer)
    assert "/admin/two-factor/" in client.get("/admin/account/").text
