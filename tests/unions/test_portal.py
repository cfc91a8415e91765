"""Unions on the portal end to end over HTTP: an officer invites the general secretary from the union's admin
page (SMS), who signs in with a one-time code, sees the union, invites a second representative; another
union's page is 404 and the admin stays closed. Around it: wrong, expired and exhausted codes, numbers that
sign in for no union (the same answers), rate limits, the idle timeout, cancelled unions."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import make_user
from workflows.core.models import AuditEntry, Office, Post, PostHolding
from workflows.core.notifications import sms
from workflows.core.notifications.models import OutboxMessage
from workflows.core.roles import OFFICE_HEAD
from workflows.unions.models import Representative, SignInCode, Union
from workflows.unions.portal import SESSION_KEY

from .factories import make_representative, make_union, signed_in_representative

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    settings.SMS_BACKEND = "workflows.core.notifications.sms.LocmemSmsBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture
def dhaka(demo):
    return Office.objects.get(code="dlo-dhaka")


@pytest.fixture
def officer(dhaka):
    post, _ = Post.objects.get_or_create(
        office=dhaka, role=OFFICE_HEAD, defaults={"title_bn": "দপ্তর প্রধান", "title_en": "Head of office"}
    )
    user = make_user("u-officer", groups=["Officers"])
    PostHolding.objects.create(user=user, post=post)
    client = Client()
    client.force_login(user)
    return client


def ask_code(client, mobile, language="en"):
    return client.post(f"/{language}/unions/sign-in/", {"mobile": mobile})


def last_code(outbox):
    return re.search(r"\b(\d{6})\b", outbox[-1].text).group(1)


def sign_in(client, mobile, outbox, language="en"):
    response = ask_code(client, mobile, language)
    assert response.status_code == 302
    return client.post(f"/{language}/unions/sign-in/code/", {"code": last_code(outbox)})


def test_invitation_sign_in_union_page_second_representative_and_nothing_else(
    officer, dhaka, sms_outbox, django_capture_on_commit_callbacks
):
    union = make_union(dhaka, name_en="Dhaka Press Workers' Union")
    other = make_union(dhaka)

    # The officer invites the general secretary from the union's admin page.
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(
            f"/admin/workflows/unions/{union.pk}/representatives/",
            {"name": "মোঃ আবুল কাশেম", "position": "general_secretary", "mobile": "০১৭১১-২২২৩৩৩"},
        )
    assert response.status_code == 302
    secretary = Representative.objects.get(union=union)
    assert secretary.mobile == "+8801711222333" and secretary.active
    invitation = OutboxMessage.objects.get(idempotency_key=f"union-representative-{secretary.pk}-invited")
    assert "/bn/unions/sign-in/" in invitation.body and invitation.recipient == "+8801711222333"
    assert sms_outbox[-1].to == "+8801711222333"
    assert AuditEntry.objects.filter(action="representative.invite", object_id=str(union.pk)).count() == 1

    # The general secretary signs in on the portal with a code by SMS.
    portal = Client()
    assert portal.get("/en/unions/").status_code == 302
    response = ask_code(portal, "01711222333")
    assert response.status_code == 302 and response["Location"].startswith("/en/unions/sign-in/code/")
    assert sms_outbox[-1].to == "+8801711222333"
    code = last_code(sms_outbox)
    stored = SignInCode.objects.get(representative=secretary)
    assert code not in stored.code_hash
    session_before = portal.session.session_key
    response = portal.post("/en/unions/sign-in/code/", {"code": code})
    assert response.status_code == 302 and response["Location"] == "/en/unions/"
    assert portal.session.session_key != session_before
    assert portal.session[SESSION_KEY] == secretary.pk and "_auth_user_id" not in portal.session
    secretary.refresh_from_db()
    assert secretary.last_signed_in_at is not None

    page = portal.get("/en/unions/")
    assert page.status_code == 200 and "Dhaka Press Workers&#x27; Union" in page.content.decode()
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    bengali = portal.get("/bn/unions/").content.decode()
    assert union.name_bn in bengali and "০১৭১১২২২৩৩৩" in bengali
    assert portal.get(f"/en/unions/{union.pk}/").status_code == 200

    # A second representative, invited by the first.
    response = portal.post(
        "/en/unions/representatives/new/", {"name": "Md. Treasurer", "position": "treasurer", "mobile": "01811000222"}
    )
    assert response.status_code == 302
    treasurer = Representative.objects.get(union=union, mobile="+8801811000222")
    assert treasurer.invited_by_representative == secretary
    assert OutboxMessage.objects.filter(idempotency_key=f"union-representative-{treasurer.pk}-invited").exists()

    # Only their own union, and never the admin.
    assert portal.get(f"/en/unions/{other.pk}/").status_code == 404
    admin = portal.get("/admin/")
    assert admin.status_code == 302 and "/admin/login/" in admin["Location"]
    assert portal.get(f"/admin/workflows/unions/{union.pk}/edit/").status_code == 302

    # Signing out ends it.
    assert portal.post("/en/unions/sign-out/").status_code == 302
    assert portal.get("/en/unions/").status_code == 302


def test_at_most_three_active_representatives(dhaka):
    union = make_union(dhaka)
    first = make_representative(union)
    make_representative(union)
    client = signed_in_representative(Client(), first)
    response = client.post(
        "/en/unions/representatives/new/", {"name": "Third", "position": "president", "mobile": "01911000333"}
    )
    assert response.status_code == 302
    response = client.post(
        "/en/unions/representatives/new/", {"name": "Fourth", "position": "president", "mobile": "01911000444"}
    )
    assert response.status_code == 200
    assert "at most 3 active representatives" in response.content.decode()
    assert union.representatives.filter(active=True).count() == 3


def test_a_mobile_number_signs_in_for_one_union_only(dhaka):
    union = make_union(dhaka)
    make_representative(make_union(dhaka), mobile="01911000555")
    client = signed_in_representative(Client(), make_representative(union))
    response = client.post(
        "/en/unions/representatives/new/", {"name": "X", "position": "president", "mobile": "01911000555"}
    )
    assert response.status_code == 200 and "already signs in for a union" in response.content.decode()
    assert union.representatives.count() == 1


def test_wrong_codes_then_too_many_then_a_new_code_works(dhaka, sms_outbox):
    representative = make_representative(make_union(dhaka), mobile="01711000900")
    client = Client()
    ask_code(client, "01711000900")
    code = last_code(sms_outbox)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for left in (4, 3, 2, 1):
        response = client.post("/en/unions/sign-in/code/", {"code": wrong})
        assert f"try {left} more times" in response.content.decode()
    response = client.post("/en/unions/sign-in/code/", {"code": wrong})
    assert "Too many wrong codes" in response.content.decode()
    response = client.post("/en/unions/sign-in/code/", {"code": code})  # the right one, too late
    assert "Too many wrong codes" in response.content.decode() and SESSION_KEY not in client.session
    sign_in(client, "01711000900", sms_outbox)
    assert client.session[SESSION_KEY] == representative.pk


def test_a_union_session_ends_with_the_browser(dhaka, sms_outbox):
    make_representative(make_union(dhaka), mobile="01711000902")
    response = sign_in(Client(), "01711000902", sms_outbox)
    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""


def test_expired_code_is_refused(dhaka, sms_outbox):
    make_representative(make_union(dhaka), mobile="01711000901")
    client = Client()
    ask_code(client, "01711000901")
    SignInCode.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = client.post("/en/unions/sign-in/code/", {"code": last_code(sms_outbox)})
    assert "This code has expired" in response.content.decode() and SESSION_KEY not in client.session


def test_an_unknown_number_gets_the_same_pages(dhaka, sms_outbox):
    make_representative(make_union(dhaka), mobile="01711000902")
    known, unknown = Client(), Client()
    known_reply = ask_code(known, "01711000902")
    assert len(sms_outbox) == 1
    unknown_reply = ask_code(unknown, "01711000903")
    assert len(sms_outbox) == 1  # nothing sent to a number that signs in for no union
    assert known_reply.status_code == unknown_reply.status_code == 302
    assert known_reply["Location"] == unknown_reply["Location"]
    known_page = known.get(known_reply["Location"]).content.decode().replace("01711000902", "N")
    unknown_page = unknown.get(unknown_reply["Location"]).content.decode().replace("01711000903", "N")
    strip = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub("", known_page) == strip.sub("", unknown_page)
    for client in (known, unknown):
        response = client.post("/en/unions/sign-in/code/", {"code": "000000"})
        assert "try 4 more times" in response.content.decode()


def test_bad_mobile_number_is_refused_with_a_message(demo):
    response = ask_code(Client(), "12345")
    assert response.status_code == 200 and "valid Bangladeshi mobile number" in response.content.decode()


def test_code_requests_are_limited_per_mobile_and_per_address(dhaka, settings, sms_outbox):
    settings.UNION_SIGN_IN_MOBILE_RATE = "2/h"
    settings.UNION_SIGN_IN_RATE = "4/h"
    make_representative(make_union(dhaka), mobile="01711000904")
    assert ask_code(Client(), "01711000904").status_code == 302
    assert ask_code(Client(REMOTE_ADDR="10.0.0.2"), "01711000904").status_code == 302
    refused = ask_code(Client(REMOTE_ADDR="10.0.0.3"), "01711000904")
    assert refused.status_code == 429 and len(sms_outbox) == 2
    client = Client(REMOTE_ADDR="10.0.0.9")
    for number in ("01711000905", "01711000906", "01711000907", "01711000908"):
        assert ask_code(client, number).status_code == 302
    assert ask_code(client, "01711000909").status_code == 429


def test_wrong_code_tries_are_limited_per_address(dhaka, settings, sms_outbox):
    settings.UNION_CODE_RATE = "3/h"
    client = Client()
    for number in ("01711000910", "01711000911"):
        ask_code(client, number)
        client.post("/en/unions/sign-in/code/", {"code": "111111"})
        client.post("/en/unions/sign-in/code/", {"code": "111112"})
    assert client.post("/en/unions/sign-in/code/", {"code": "111113"}).status_code == 429


def test_idle_session_ends(dhaka, settings):
    settings.UNION_SESSION_IDLE_SECONDS = 60
    client = signed_in_representative(Client(), make_representative(make_union(dhaka)))
    assert client.get("/en/unions/").status_code == 200
    session = client.session
    session["unions:last_seen"] -= 61
    session.save()
    assert client.get("/en/unions/").status_code == 302


def test_an_officers_login_does_not_survive_a_union_sign_in(officer, dhaka, sms_outbox):
    make_representative(make_union(dhaka), mobile="01711000912")
    sign_in(officer, "01711000912", sms_outbox)
    assert "_auth_user_id" not in officer.session
    assert officer.get("/admin/").status_code == 302


def test_cancelled_union_is_seen_but_cannot_invite(dhaka):
    union = make_union(dhaka, status=Union.Status.CANCELLED)
    client = signed_in_representative(Client(), make_representative(union))
    page = client.get("/en/unions/").content.decode()
    assert "Registration cancelled" in page and "Add a representative" not in page
    response = client.post(
        "/en/unions/representatives/new/", {"name": "X", "position": "president", "mobile": "01911000666"}
    )
    assert response.status_code == 403 and union.representatives.count() == 1


def test_inactive_representative_sees_but_cannot_invite(dhaka):
    representative = make_representative(make_union(dhaka), active=False)
    client = signed_in_representative(Client(), representative)
    assert client.get("/en/unions/").status_code == 200
    assert client.get("/en/unions/representatives/new/").status_code == 403


def test_page_sections_registered_by_another_app_are_shown(dhaka, tmp_path, settings):
    from workflows.unions import portal

    template = tmp_path / "section.html"
    template.write_text("<p>Returns of {{ union.registration_number }}: {{ count }}</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], str(tmp_path)]}]
    saved = list(portal.SECTIONS)
    try:
        portal.register_union_page_section("section.html", context=lambda request: {"count": 7})
        union = make_union(dhaka)
        client = signed_in_representative(Client(), make_representative(union))
        assert f"Returns of {union.registration_number}: 7" in client.get("/en/unions/").content.decode()
    finally:
        portal.SECTIONS[:] = saved
