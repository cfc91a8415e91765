"""Citizens' privacy on shared computers: the access code is never in the session in clear, a proof of
access runs out when left idle, and "forget this device" takes every process's proofs away."""

import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from workflows.certificates.models import Certificate
from workflows.complaints.views import ACCESS

from .factories import complaint_data, filed_complaints, make_complaint, post_form

pytestmark = pytest.mark.django_db

NEW_BN = "/bn/complaints/new/"
ACKNOWLEDGEMENT_BN = "/bn/complaints/new/received/"
FORGET_BN = "/bn/case-access/forget/"
FORGET_ACTION = f'action="{FORGET_BN}"'


def stored_session(client) -> str:
    """Everything the session table holds for this browser, as text."""
    session = Session.objects.get(session_key=client.cookies["sessionid"].value)
    return session.session_data + str(session.get_decoded())


def detail_url(case):
    return f"/bn/complaints/status/{case.tracking_number}/"


@pytest.fixture
def complaint(service):
    return make_complaint(service.office, service=service)


def look_up(client, complaint):
    assert (
        client.post(
            "/bn/complaints/status/", {"tracking_number": complaint.tracking_number, "contact": "01711234567"}
        ).status_code
        == 302
    )


def test_the_access_code_is_never_in_the_session_in_clear(client, service):
    filed = post_form(client, NEW_BN, complaint_data(service, is_anonymous="on"))
    assert filed.status_code == 302 and filed["Location"] == ACKNOWLEDGEMENT_BN
    between = stored_session(client)  # after the filing POST, before the acknowledgement's GET
    key = filed.cookies[ACCESS.code_key_cookie]
    # The browser's half: for the acknowledgement's URL only, out of scripts' reach, never sent cross-site.
    assert key["httponly"] and key["samesite"] == "Strict" and key["path"] == ACKNOWLEDGEMENT_BN
    assert key["max-age"] == 120
    assert key.value not in between

    shown = client.get(ACKNOWLEDGEMENT_BN)
    code = shown.context["access_code"]
    assert code and code in shown.text
    assert code not in between and code not in stored_session(client)
    assert filed_complaints().get().check_access_code(code)
    assert "access_code" not in filed_complaints().get().__dict__  # the database holds the hash only
    # Both halves are gone: the session's sealed code, and the browser's key (deleted by the response).
    assert ACCESS.sealed_code_key not in client.session
    assert shown.cookies[ACCESS.code_key_cookie]["max-age"] == 0


def test_the_session_alone_does_not_give_the_code(client, service):
    """Someone who reads the session table (or steals the session cookie) without the key cookie."""
    post_form(client, NEW_BN, complaint_data(service, is_anonymous="on"))
    del client.cookies[ACCESS.code_key_cookie]
    shown = client.get(ACKNOWLEDGEMENT_BN)
    assert shown.status_code == 200 and shown.context["access_code"] is None
    assert "একবারই দেখানো" in shown.text  # "the code was shown once"


def test_a_proof_of_access_runs_out_when_left_idle(client, complaint, settings):
    look_up(client, complaint)
    assert client.get(detail_url(complaint)).status_code == 200
    settings.CASE_ACCESS_SECONDS = 0
    assert client.get(detail_url(complaint)).status_code == 404


def test_each_use_of_a_proof_keeps_it_for_another_idle_period(client, complaint, settings, monkeypatch):
    settings.CASE_ACCESS_SECONDS = 30 * 60
    start = time.time()
    look_up(client, complaint)
    for minutes, expected in ((20, 200), (45, 200), (76, 404)):  # 25 minutes idle, then 31
        monkeypatch.setattr(time, "time", lambda minutes=minutes: start + minutes * 60)
        assert client.get(detail_url(complaint)).status_code == expected, minutes


def test_case_pages_offer_to_forget_this_device(client, service, complaint):
    post_form(client, NEW_BN, complaint_data(service))
    assert FORGET_ACTION in client.get(ACKNOWLEDGEMENT_BN).text
    look_up(client, complaint)
    page = client.get(detail_url(complaint)).text
    assert FORGET_ACTION in page and 'method="post"' in page and "csrfmiddlewaretoken" in page
    assert "এই ডিভাইস ভুলে যান" in page


def test_forget_this_device_forgets_every_process_s_cases(client, complaint):
    look_up(client, complaint)
    certificate = Certificate.objects.exclude(mobile="").filter(revoked_at__isnull=True).first()
    found = client.post("/bn/training/certificates/", {"number": certificate.serial, "mobile": certificate.mobile})
    assert found.status_code == 302
    certificate_url = found["Location"]
    assert FORGET_ACTION in client.get(certificate_url).text
    session_key = client.cookies["sessionid"].value

    forgotten = client.post(FORGET_BN)
    assert forgotten.status_code == 200
    assert "এই ডিভাইস আপনার কেসগুলো ভুলে গেছে" in forgotten.text
    assert "no-store" in forgotten["Cache-Control"]
    assert client.get(detail_url(complaint)).status_code == 404
    assert client.get(certificate_url).status_code == 404
    assert client.cookies["sessionid"].value != session_key  # a new session key as well
    assert not [key for key, _value in client.session.items() if key.startswith("case-access:")]


def test_forgetting_takes_a_post_with_its_csrf_token(client, complaint):
    look_up(client, complaint)
    browser = Client(enforce_csrf_checks=True)
    browser.cookies = client.cookies
    assert browser.get(FORGET_BN).status_code == 405
    assert browser.post(FORGET_BN).status_code == 403  # no CSRF token: a link elsewhere cannot do it
    assert browser.get(detail_url(complaint)).status_code == 200
