"""The status page: found only with the right contact or access code; answers and appeals only from there."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from workflows.complaints.forms import NO_MATCH
from workflows.complaints.models import Complaint, ComplaintAttachment
from workflows.complaints.services import APPEAL_NOT_ALLOWED, NOT_WAITING_FOR_ANSWER
from workflows.complaints.views import ACCESS

from .factories import (
    EXE,
    complaint_data,
    filed_complaints,
    form_token,
    make_complaint,
    pdf,
    png,
    post_form,
    stored_files,
    upload,
)

pytestmark = pytest.mark.django_db

LOOKUP_BN = "/bn/complaints/status/"
LOOKUP_EN = "/en/complaints/status/"
INVALID_TOKEN = (
    "This form was open too long, or was not sent from our page, so nothing was saved. "
    "Check what you entered and submit it again."
)
# The session key listing the complaints this session proved it may see.
VERIFIED_KEY = ACCESS.verified_key


def translated(message, language="bn"):
    """The message as the page shows it in `language` (lazy or plain msgid)."""
    with translation.override(language):
        return translation.gettext(str(message))


def detail_url(complaint, language="bn"):
    return f"/{language}/complaints/status/{complaint.tracking_number}/"


@pytest.fixture
def complaint(service):
    return make_complaint(service.office, service=service)


def look_up(client, tracking_number, contact, url=LOOKUP_BN):
    return client.post(url, {"tracking_number": tracking_number, "contact": contact})


@pytest.mark.parametrize(
    "contact",
    [
        "01711234567",
        "+880 1711-234567",
        "৮৮০১৭১১২৩৪৫৬৭",
        "karim@example.com",
        "KARIM@Example.COM",
        " karim@example.com ",
    ],
)
def test_lookup_by_tracking_number_and_mobile_or_email(client, complaint, contact):
    response = look_up(client, complaint.tracking_number, contact)
    assert response.status_code == 302
    assert response["Location"] == detail_url(complaint)
    assert complaint.pk in [pk for pk, _last_used in client.session[VERIFIED_KEY]]


def test_tracking_number_is_read_forgivingly(client, complaint):
    sloppy = " " + complaint.tracking_number.lower().replace("-", " ").replace("0", "o").replace("1", "l") + " "
    assert look_up(client, sloppy, "01711234567").status_code == 302


def test_status_page_shows_the_complaint_in_bengali(client, complaint):
    complaint.accept()
    complaint.due_at = timezone.make_aware(datetime.datetime(2031, 3, 15, 17, 0))
    complaint.save()
    look_up(client, complaint.tracking_number, "01711234567")
    response = client.get(detail_url(complaint))
    assert response.status_code == 200
    assert complaint.tracking_number in response.text
    assert complaint.office.name_bn in response.text
    assert complaint.service.title in response.text
    assert translated(Complaint.Status.IN_REVIEW.label) in response.text
    assert "১৫ মার্চ ২০৩১" in response.text  # the due date, in Bengali digits
    assert "no-store" in response["Cache-Control"]


def test_english_status_page(client, complaint):
    look_up(client, complaint.tracking_number, "karim@example.com", url=LOOKUP_EN)
    response = client.get(detail_url(complaint, "en"))
    assert response.status_code == 200
    assert "Submitted" in response.text
    assert complaint.office.name_en in response.text


def test_anonymous_complaint_is_found_only_with_its_access_code(client, service):
    response = post_form(client, "/bn/complaints/new/", complaint_data(service, is_anonymous="on"), follow=True)
    code = response.context["access_code"]
    complaint = filed_complaints().get()
    citizen = Client()
    assert look_up(citizen, complaint.tracking_number, "01711234567").status_code == 200  # contact was not kept
    assert look_up(citizen, complaint.tracking_number, "").status_code == 200
    assert look_up(citizen, complaint.tracking_number, code.lower()).status_code == 302
    assert citizen.get(detail_url(complaint)).status_code == 200


def test_access_code_does_not_open_a_complaint_with_contact(client, complaint):
    assert look_up(client, complaint.tracking_number, "ABCDEFGH").status_code == 200


@pytest.mark.parametrize(
    ("number", "contact"),
    [
        ("right", "01811111111"),  # right number, wrong phone
        ("right", "someone@example.com"),  # right number, wrong email
        ("GRS-0000000000", "01711234567"),  # wrong number, right phone
        ("not a number", "01711234567"),
        ("right-other", "01711234567"),  # another complaint's number with this one's phone
    ],
)
def test_every_failed_lookup_gets_the_same_translated_message(client, complaint, service, number, contact):
    other = make_complaint(service.office, mobile="+8801999999999", email="")
    number = {"right": complaint.tracking_number, "right-other": other.tracking_number}.get(number, number)
    response = look_up(client, number, contact)
    assert response.status_code == 200
    assert translated(NO_MATCH) in response.text
    assert response.context["form"].errors == {"__all__": [translated(NO_MATCH)]}
    assert VERIFIED_KEY not in client.session
    assert client.get(detail_url(complaint)).status_code == 404
    assert client.get(detail_url(other)).status_code == 404

    english = look_up(client, number, contact, url=LOOKUP_EN)
    assert "No complaint matches this tracking number and contact." in english.text


def test_missing_lookup_fields_are_required(client):
    response = look_up(client, "", "")
    assert response.text.count("এই ঘরটি পূরণ করা আবশ্যক।") == 2


def test_lookup_rate_limit_answers_429_in_bengali(client, complaint, settings):
    settings.COMPLAINT_LOOKUP_RATE = "3/h"
    for _ in range(3):
        assert look_up(client, complaint.tracking_number, "01800000000").status_code == 200
    response = look_up(client, complaint.tracking_number, "01711234567")  # right, but too late
    assert response.status_code == 429
    assert "অনেক বেশি অনুরোধ" in response.text
    assert VERIFIED_KEY not in client.session


def test_configured_lookup_rate_is_applied(client, complaint, settings):
    allowed = int(getattr(settings, "COMPLAINT_LOOKUP_RATE", "20/h").split("/")[0])
    for _ in range(allowed):
        look_up(client, complaint.tracking_number, "01800000000")
    assert look_up(client, complaint.tracking_number, "01711234567").status_code == 429


def test_status_page_of_unverified_complaint_is_404(client, complaint, service):
    other = make_complaint(service.office, mobile="+8801999999999")
    look_up(client, complaint.tracking_number, "01711234567")
    assert client.get(detail_url(complaint)).status_code == 200
    assert client.get(detail_url(other)).status_code == 404
    assert client.get("/bn/complaints/status/GRS-0000000000/").status_code == 404
    assert client.get("/bn/complaints/status/../../admin/").status_code == 404


def test_status_page_runs_the_same_queries_however_many_attachments(client, service, django_assert_max_num_queries):
    bare = make_complaint(service.office, service=service)
    data = complaint_data(service, attachments=[pdf("a.pdf"), png("b.png"), pdf("c.pdf")])
    post_form(client, "/bn/complaints/new/", data)
    full = filed_complaints().exclude(pk=bare.pk).get()
    assert full.attachments.count() == 3
    look_up(client, bare.tracking_number, "01711234567")
    client.get(detail_url(bare))  # warm the per-process caches (locales, site settings)

    counts = []
    for complaint in (bare, full):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(detail_url(complaint))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    with django_assert_max_num_queries(12):
        client.get(detail_url(full))


# --- Answering the officer's question ----------------------------------------------------------


@pytest.fixture
def questioned(complaint):
    complaint.accept()
    complaint.request_information("আপনার আবেদনের রসিদ নম্বর কত?")
    complaint.save()
    return complaint


def answer_url(complaint, language="bn"):
    return detail_url(complaint, language) + "answer/"


def appeal_url(complaint, language="bn"):
    return detail_url(complaint, language) + "appeal/"


def test_citizen_answers_the_officers_question_with_a_file(client, questioned, private_root):
    look_up(client, questioned.tracking_number, "01711234567")
    page = client.get(detail_url(questioned))
    assert "আপনার আবেদনের রসিদ নম্বর কত?" in page.text
    assert f'action="{answer_url(questioned)}"' in page.text
    assert 'enctype="multipart/form-data"' in page.text

    data = {"answer": "রসিদ নম্বর ১২৩৪", "attachments": [png("receipt.png")]}
    response = post_form(client, answer_url(questioned), data, page=detail_url(questioned))
    assert response.status_code == 302
    questioned.refresh_from_db()
    assert questioned.status == Complaint.Status.IN_REVIEW
    assert questioned.information_response == "রসিদ নম্বর ১২৩৪"
    assert questioned.attachments.get().original_name == "receipt.png"
    assert len(stored_files(private_root)) == 1
    page = client.get(response["Location"])
    assert translated("Thank you. Your answer has been sent to the office.") in page.text


def test_replayed_answer_after_the_status_moved_on_changes_nothing(client, questioned, private_root):
    look_up(client, questioned.tracking_number, "01711234567")
    # The page open in three tabs: each form carries its own token.
    first, second, third = (form_token(client, detail_url(questioned)) for _ in range(3))
    data = {"answer": "প্রথম উত্তর"}
    assert client.post(answer_url(questioned), data | {"submission_token": first}).status_code == 302
    second_data = {"answer": "দ্বিতীয় উত্তর", "attachments": [pdf()], "submission_token": second}
    response = client.post(answer_url(questioned), second_data)
    assert response.status_code == 409
    assert translated(NOT_WAITING_FOR_ANSWER) in response.text
    questioned.refresh_from_db()
    assert questioned.information_response == "প্রথম উত্তর"
    assert questioned.status == Complaint.Status.IN_REVIEW
    assert ComplaintAttachment.objects.count() == 0
    assert stored_files(private_root) == []

    english = client.post(answer_url(questioned, "en"), data | {"submission_token": third})
    assert "This complaint is no longer waiting for your answer, so nothing was changed." in english.text


def test_answer_with_a_bad_file_changes_nothing(client, questioned, private_root):
    look_up(client, questioned.tracking_number, "01711234567")
    data = {"answer": "Here", "attachments": [upload("r.pdf", EXE)]}
    response = post_form(client, answer_url(questioned, "en"), data, page=detail_url(questioned, "en"))
    assert response.status_code == 200
    assert "“r.pdf” is not a PDF, JPEG or PNG file." in response.text
    questioned.refresh_from_db()
    assert questioned.status == Complaint.Status.INFO_REQUESTED and questioned.information_response == ""
    assert ComplaintAttachment.objects.count() == 0
    assert stored_files(private_root) == []


def test_answer_from_an_unverified_session_is_404_and_changes_nothing(client, questioned, service, private_root):
    other = make_complaint(service.office, mobile="+8801999999999")
    look_up(client, other.tracking_number, "01999999999")  # verified for another complaint only
    for browser in (client, Client()):
        response = browser.post(answer_url(questioned), {"answer": "হ্যাক", "attachments": [pdf()]})
        assert response.status_code == 404
    questioned.refresh_from_db()
    assert questioned.status == Complaint.Status.INFO_REQUESTED
    assert questioned.information_response == ""
    assert ComplaintAttachment.objects.count() == 0
    assert stored_files(private_root) == []


def test_answer_and_appeal_urls_accept_only_post(client, questioned):
    look_up(client, questioned.tracking_number, "01711234567")
    assert client.get(answer_url(questioned)).status_code == 405
    assert client.get(appeal_url(questioned)).status_code == 405


# --- Appeals ------------------------------------------------------------------------------------


def test_appeal_against_a_decision(client, complaint):
    complaint.accept()
    complaint.resolve("আপনার সনদ প্রস্তুত।")
    complaint.save()
    look_up(client, complaint.tracking_number, "karim@example.com")
    page = client.get(detail_url(complaint))
    assert "আপনার সনদ প্রস্তুত।" in page.text  # the officer's public reply
    assert f'action="{appeal_url(complaint)}"' in page.text

    response = client.post(appeal_url(complaint), {"grounds": "সনদে নাম ভুল।"})
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.APPEALED
    assert complaint.appeal_grounds == "সনদে নাম ভুল।"
    assert complaint.appealed_at is not None

    again = client.post(appeal_url(complaint), {"grounds": "আবার"})
    assert again.status_code == 409
    assert translated(APPEAL_NOT_ALLOWED) in again.text
    complaint.refresh_from_db()
    assert complaint.appeal_grounds == "সনদে নাম ভুল।"


def test_no_appeal_while_the_complaint_is_in_time(client, complaint):
    complaint.accept()
    complaint.due_at = timezone.now() + datetime.timedelta(days=3)
    complaint.save()
    look_up(client, complaint.tracking_number, "01711234567")
    assert 'action="' + appeal_url(complaint) not in client.get(detail_url(complaint)).text
    response = client.post(appeal_url(complaint), {"grounds": "দেরি হচ্ছে"})
    assert response.status_code == 409
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.IN_REVIEW and complaint.appeal_grounds == ""


def test_appeal_when_no_decision_came_by_the_due_date(client, complaint):
    complaint.accept()
    complaint.due_at = timezone.now() - datetime.timedelta(days=1)
    complaint.save()
    look_up(client, complaint.tracking_number, "01711234567")
    assert client.post(appeal_url(complaint), {"grounds": "সময় পেরিয়ে গেছে।"}).status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.APPEALED


def test_appeal_from_an_unverified_session_is_404(complaint):
    complaint.accept()
    complaint.resolve("done")
    complaint.save()
    response = Client().post(appeal_url(complaint), {"grounds": "x"})
    assert response.status_code == 404
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.RESOLVED


def test_empty_appeal_is_a_form_error(client, complaint):
    complaint.accept()
    complaint.reject("নিয়মের বাইরে।")
    complaint.save()
    look_up(client, complaint.tracking_number, "01711234567")
    response = client.post(appeal_url(complaint), {"grounds": ""})
    assert response.status_code == 200
    assert "এই ঘরটি পূরণ করা আবশ্যক।" in response.text
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.REJECTED


# --- What counts against the limits; one answer per form ---------------------------------------


def test_only_failed_lookups_count_against_the_limit(client, complaint, settings):
    settings.COMPLAINT_LOOKUP_RATE = "2/h"
    for _ in range(3):  # a citizen coming back to their complaint is never locked out
        assert look_up(client, complaint.tracking_number, "01711234567").status_code == 302
    for _ in range(2):
        assert look_up(client, complaint.tracking_number, "01800000000").status_code == 200
    response = look_up(client, complaint.tracking_number, "01711234567")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert f'href="{LOOKUP_BN}"' in response.text


def test_a_replayed_answer_is_sent_once(client, questioned, private_root):
    look_up(client, questioned.tracking_number, "01711234567")
    data = {"answer": "রসিদ নম্বর ১২৩৪", "submission_token": form_token(client, detail_url(questioned))}
    first = client.post(answer_url(questioned), data | {"attachments": [png()]})
    again = client.post(answer_url(questioned), data | {"attachments": [png()]})
    assert first.status_code == again.status_code == 302
    assert again["Location"] == detail_url(questioned)
    page = client.get(again["Location"])
    assert translated("Thank you. Your answer has been sent to the office.") in page.text
    questioned.refresh_from_db()
    assert questioned.information_response == "রসিদ নম্বর ১২৩৪"
    assert ComplaintAttachment.objects.count() == 1 and len(stored_files(private_root)) == 1


def test_answer_without_a_valid_token_changes_nothing(client, questioned, service, private_root):
    other = make_complaint(service.office, status_path=["accept", ("request_information", "?")])
    look_up(client, other.tracking_number, "01711234567")
    look_up(client, questioned.tracking_number, "01711234567")
    others_token = form_token(client, detail_url(other))  # a token of the same form, for another complaint
    for token in (None, "forged", others_token):
        data = {"answer": "উত্তর", "attachments": [pdf()]} | ({"submission_token": token} if token else {})
        response = client.post(answer_url(questioned), data)
        assert response.status_code == 200
        assert translated(INVALID_TOKEN) in response.text
    questioned.refresh_from_db()
    assert questioned.status == Complaint.Status.INFO_REQUESTED and questioned.information_response == ""
    assert stored_files(private_root) == []
