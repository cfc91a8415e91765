"""Filing a complaint through the public form: stored with its files, acknowledged; refused cleanly otherwise."""

import datetime
import hashlib
import re

import pytest
from django.test import Client
from django.utils import timezone, translation

from workflows.complaints.models import Complaint, ComplaintAttachment
from workflows.core.models import Office

from .factories import (
    PDF,
    TRACKING_NUMBER_RE,
    complaint_data,
    filed_complaints,
    form_token,
    image_bytes,
    make_complaint,
    pdf,
    png,
    post_form,
    stored_files,
)

pytestmark = pytest.mark.django_db

NEW_BN = "/bn/complaints/new/"
NEW_EN = "/en/complaints/new/"
INVALID_TOKEN = (
    "This form was open too long, or was not sent from our page, so nothing was saved. "
    "Check what you entered and submit it again."
)
INVALID_CHOICE = "Select a valid choice. That choice is not one of the available choices."


def translated(message, language="bn"):
    """The message as the page shows it in `language` (lazy or plain msgid)."""
    with translation.override(language):
        return translation.gettext(str(message))


def assert_nothing_stored(private_root):
    assert filed_complaints().count() == 0
    assert ComplaintAttachment.objects.count() == 0
    assert stored_files(private_root) == []


def test_citizen_files_a_complaint_in_bengali_with_a_pdf_and_a_png(client, service, private_root):
    data = complaint_data(service, attachments=[pdf("চিঠি.pdf"), png("ছবি.png")])
    response = post_form(client, NEW_BN, data)

    assert response.status_code == 302
    assert response["Location"] == "/bn/complaints/new/received/"
    complaint = filed_complaints().get()
    assert TRACKING_NUMBER_RE.fullmatch(complaint.tracking_number)
    assert complaint.status == Complaint.Status.SUBMITTED
    assert complaint.language == "bn"
    assert complaint.office_id == service.office_id and complaint.service_id == service.pk
    assert complaint.mobile == "+8801711234567"  # typed in Bengali digits with a hyphen
    assert complaint.email == "Karim@Example.com"
    assert not complaint.is_anonymous and complaint.access_code_hash == ""

    attachments = {a.content_type: a for a in complaint.attachments.all()}
    assert set(attachments) == {"application/pdf", "image/png"}
    assert attachments["application/pdf"].original_name == "চিঠি.pdf"  # Bengali vowel signs kept
    assert attachments["image/png"].original_name == "ছবি.png"
    assert attachments["application/pdf"].sha256 == hashlib.sha256(PDF).hexdigest()
    assert attachments["image/png"].size == len(image_bytes("PNG"))
    assert all(a.uploaded_by_public for a in attachments.values())
    assert len(stored_files(private_root)) == 2

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert complaint.tracking_number in page.text
    assert "দপ্তর" in page.text  # "Office", from the Bengali catalogue
    assert "access-code" not in page.text


def test_english_complaint_is_acknowledged_in_english(client, service_en):
    response = post_form(client, NEW_EN, complaint_data(service_en, mobile="", email="karim@example.com"), follow=True)
    assert response.status_code == 200
    complaint = filed_complaints().get()
    assert complaint.language == "en" and complaint.mobile == ""
    assert '<html lang="en">' in response.text
    assert "Complaint received" in response.text
    assert complaint.tracking_number in response.text


def test_tracking_numbers_are_random_not_sequential(client, service):
    numbers = []
    for _ in range(2):
        assert post_form(client, NEW_BN, complaint_data(service)).status_code == 302
        numbers.append(Complaint.objects.order_by("-pk").first().tracking_number)
    assert all(TRACKING_NUMBER_RE.fullmatch(n) for n in numbers)
    first, second = numbers
    assert first != second
    # Different in more than the last character: nothing counts up.
    assert first[:-1] != second[:-1]


def test_anonymous_complaint_gets_an_access_code_and_keeps_no_contact(client, service):
    data = complaint_data(service, is_anonymous="on")  # name and contact typed anyway
    response = post_form(client, NEW_BN, data, follow=True)
    assert response.status_code == 200
    complaint = filed_complaints().get()
    assert complaint.is_anonymous
    assert (complaint.contact_name, complaint.mobile, complaint.email) == ("", "", "")
    code = response.context["access_code"]
    assert code and 6 <= len(code) <= 8
    assert code in response.text
    assert code not in complaint.access_code_hash  # only a hash is kept
    assert complaint.check_access_code(code)


def test_the_access_code_is_shown_once_and_the_acknowledgement_not_for_long(client, service, settings):
    """A shared computer (a cyber café, a union office): a reload shows no code, the session keeps none,
    and after ACKNOWLEDGEMENT_SECONDS the acknowledgement is gone."""
    from django.contrib.sessions.models import Session

    response = post_form(client, NEW_BN, complaint_data(service, is_anonymous="on"), follow=True)
    code = response.context["access_code"]
    assert code in response.text
    reload = client.get("/bn/complaints/new/received/")
    assert reload.status_code == 200 and code not in reload.text
    assert "একবারই দেখানো" in reload.text
    stored = Session.objects.get(session_key=client.session.session_key).get_decoded()
    assert code not in str(stored)
    settings.ACKNOWLEDGEMENT_SECONDS = 0
    assert client.get("/bn/complaints/new/received/").status_code == 404


def test_acknowledgement_is_only_for_the_session_that_filed(client, service):
    post_form(client, NEW_BN, complaint_data(service))
    complaint = filed_complaints().get()
    stranger = Client()
    assert stranger.get("/bn/complaints/new/received/").status_code == 404
    assert stranger.get(f"/bn/complaints/status/{complaint.tracking_number}/").status_code == 404
    # The session that filed it may follow it at once.
    assert client.get(f"/bn/complaints/status/{complaint.tracking_number}/").status_code == 200


def test_service_page_link_preselects_the_service_and_its_office(client, service, service_en):
    response = client.get(f"{NEW_BN}?service={service.pk}")
    assert response.status_code == 200
    assert response.context["form"].initial == {"service": service.pk, "office": service.office_id}
    assert f'<option value="{service.pk}" selected data-office="{service.office_id}">' in response.text
    # An English service's id on the Bengali form selects its Bengali translation.
    response = client.get(f"{NEW_BN}?service={service_en.pk}")
    assert response.context["form"].initial["service"] == service.pk
    # Nonsense is ignored, not an error.
    assert client.get(f"{NEW_BN}?service=abc").status_code == 200
    assert client.get(f"{NEW_BN}?service=99999999999999999999999").status_code == 200


def test_form_page_is_multipart_has_a_honeypot_and_is_never_cached(client):
    response = client.get(NEW_BN)
    assert 'enctype="multipart/form-data"' in response.text
    assert 'name="website"' in response.text
    assert "no-store" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_missing_fields_get_translated_errors_and_store_nothing(client, private_root):
    response = post_form(client, NEW_BN, {})
    assert response.status_code == 200
    assert response.text.count("এই ঘরটি পূরণ করা আবশ্যক।") >= 5  # office, subject, description, date, remedy
    response = post_form(client, NEW_EN, {})
    assert "This field is required." in response.text
    assert_nothing_stored(private_root)


def test_contact_or_anonymity_is_required(client, service, private_root):
    data = complaint_data(service, mobile="", email="", attachments=[pdf()])
    response = post_form(client, NEW_EN, data)
    assert response.status_code == 200
    assert "Give a mobile number or an email address" in response.text
    response = post_form(client, NEW_BN, data)
    assert (
        translated("Give a mobile number or an email address so that we can reach you, or complain anonymously.")
        in response.text
    )
    assert_nothing_stored(private_root)


@pytest.mark.parametrize("mobile", ["12345", "01212345678", "+1 202 555 0100", "০১৭১১"])
def test_invalid_mobile_number_is_refused(client, service, mobile, private_root):
    response = post_form(client, NEW_EN, complaint_data(service, mobile=mobile))
    assert response.status_code == 200
    assert "Enter a valid Bangladeshi mobile number" in response.text
    assert_nothing_stored(private_root)


def test_future_date_is_refused(client, service, private_root):
    response = post_form(client, NEW_EN, complaint_data(service, occurred_on="2999-01-01", attachments=[png()]))
    assert response.status_code == 200
    today = timezone.localdate()
    assert f"The date cannot be in the future: enter {today:%d %B %Y} or earlier." in response.text
    assert_nothing_stored(private_root)


@pytest.mark.parametrize("occurred_on", ["0001-01-01", "1971-12-31"])
def test_a_date_before_the_earliest_is_refused_naming_it_in_bengali_digits(client, service, occurred_on):
    response = post_form(client, NEW_BN, complaint_data(service, occurred_on=occurred_on))
    assert response.status_code == 200
    [error] = response.context["form"].errors["occurred_on"]
    with translation.override("bn"):
        message = translation.gettext("Enter a date on or after %(date)s.")
    assert message != "Enter a date on or after %(date)s."
    assert error == message % {"date": "০১ জানুয়ারি ১৯৭২"}
    assert not filed_complaints().exists()


def test_the_earliest_date_is_a_setting_and_bounds_the_date_picker(client, service, settings):
    settings.EVENT_DATE_EARLIEST = datetime.date(2020, 1, 1)
    page = client.get(NEW_EN).text
    assert f'min="2020-01-01" max="{timezone.localdate().isoformat()}"' in page
    response = post_form(client, NEW_EN, complaint_data(service, occurred_on="2019-12-31"))
    assert "Enter a date on or after 01 January 2020." in response.text
    response = post_form(client, NEW_BN, complaint_data(service, occurred_on="2020-01-01"))
    assert response.status_code == 302


@pytest.mark.parametrize("office", ["999999", "abc", "9" * 30, "-1", "1 OR 1=1"])
def test_tampered_office_id_is_a_form_error(client, service, office, private_root):
    response = post_form(client, NEW_BN, complaint_data(service, office=office, attachments=[pdf()]))
    assert response.status_code == 200
    assert translated(INVALID_CHOICE) in response.text  # from Django's Bengali catalogue
    assert_nothing_stored(private_root)


def test_service_of_another_office_is_refused(client, service_en, private_root):
    other = Office.objects.exclude(pk=service_en.office_id).first()
    response = post_form(client, NEW_EN, complaint_data(service_en, office=str(other.pk)))
    assert response.status_code == 200
    assert "This service is provided by" in response.text
    assert_nothing_stored(private_root)


def test_service_of_the_other_language_is_refused(client, service_en, private_root):
    response = post_form(client, NEW_BN, complaint_data(service_en))
    assert response.status_code == 200
    assert translated(INVALID_CHOICE) in response.text
    assert_nothing_stored(private_root)


def test_honeypot_stores_nothing(client, service, private_root):
    response = post_form(client, NEW_BN, complaint_data(service, website="http://spam.example", attachments=[pdf()]))
    assert response.status_code == 200
    assert response.context["complaint"] is None
    assert_nothing_stored(private_root)


def test_submit_rate_limit_answers_429_in_bengali(client, service, settings, private_root):
    settings.COMPLAINT_SUBMIT_RATE = "2/h"
    assert post_form(client, NEW_BN, complaint_data(service)).status_code == 302
    assert post_form(client, NEW_BN, {}).status_code == 200  # a form with errors does not count
    assert post_form(client, NEW_BN, complaint_data(service)).status_code == 302
    response = post_form(client, NEW_BN, complaint_data(service, attachments=[pdf()]))
    assert response.status_code == 429
    assert "অনেক বেশি অনুরোধ" in response.text
    assert filed_complaints().count() == 2
    assert stored_files(private_root) == []
    # Reading the form is not limited.
    assert client.get(NEW_BN).status_code == 200


def test_configured_submit_rate_is_applied(client, service, settings):
    allowed = int(getattr(settings, "COMPLAINT_SUBMIT_RATE", "5/h").split("/")[0])
    for _ in range(allowed):
        assert post_form(client, NEW_BN, complaint_data(service)).status_code == 302
    assert post_form(client, NEW_BN, complaint_data(service)).status_code == 429
    assert filed_complaints().count() == allowed


def test_csrf_is_checked_even_though_uploads_are_limited_first(service, private_root):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(NEW_BN, complaint_data(service, attachments=[pdf()]))
    assert response.status_code == 403
    assert_nothing_stored(private_root)

    form_page = browser.get(NEW_BN)
    token = form_page.context["csrf_token"]
    data = complaint_data(service, csrfmiddlewaretoken=str(token), attachments=[pdf()])
    response = post_form(browser, NEW_BN, data)
    assert response.status_code == 302
    assert ComplaintAttachment.objects.count() == 1


# --- One complaint per form, however often it is sent ------------------------------------------


def test_a_replayed_post_files_one_complaint_and_acknowledges_it_again(client, service, private_root):
    data = complaint_data(service, submission_token=form_token(client, NEW_BN), attachments=[pdf()])
    first = client.post(NEW_BN, data)
    data["attachments"] = [pdf()]  # the browser sends the file again
    again = client.post(NEW_BN, data)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == "/bn/complaints/new/received/"
    complaint = filed_complaints().get()
    assert ComplaintAttachment.objects.count() == 1 and len(stored_files(private_root)) == 1
    assert complaint.tracking_number in client.get(again["Location"]).text


def test_double_click_of_an_anonymous_complaint_still_shows_the_access_code(client, service):
    """The second click's request carries the cookie the browser had before the first answered."""
    token = form_token(client, NEW_BN)
    cookies_before = {name: morsel.value for name, morsel in client.cookies.items()}
    data = complaint_data(service, is_anonymous="on", submission_token=token)
    code = client.post(NEW_BN, data, follow=True).context["access_code"]

    second_click = Client()
    for name, value in cookies_before.items():
        second_click.cookies[name] = value
    response = second_click.post(NEW_BN, data, follow=True)
    assert response.status_code == 200
    assert filed_complaints().count() == 1
    complaint = filed_complaints().get()
    assert response.context["complaint"] == complaint
    assert response.context["access_code"] == code and code in response.text
    assert complaint.check_access_code(code)


@pytest.mark.parametrize("token", [None, "", "forged", "abc:def:ghi"])
def test_missing_or_forged_token_gets_a_translated_error_and_the_form_back(
    client, service, service_en, token, private_root
):
    data = complaint_data(service, submission_token=token, attachments=[pdf()])
    response = client.post(NEW_BN, data)
    assert response.status_code == 200
    assert translated(INVALID_TOKEN) in response.text
    assert translated(INVALID_TOKEN) != INVALID_TOKEN  # the Bengali page is in Bengali
    assert response.context["form"]["subject"].value() == data["subject"]  # what was typed is kept
    assert INVALID_TOKEN in client.post(NEW_EN, complaint_data(service_en, submission_token=token)).text
    assert_nothing_stored(private_root)
    # The page that said so carries a fresh token: sending the form again files it.
    fresh = form_token(client, NEW_BN)
    assert client.post(NEW_BN, complaint_data(service, submission_token=fresh)).status_code == 302
    assert filed_complaints().count() == 1


def test_token_of_another_form_is_refused(client, service, private_root):
    complaint = make_complaint(service.office, status_path=["accept", ("request_information", "কোন তারিখে?")])
    client.post("/bn/complaints/status/", {"tracking_number": complaint.tracking_number, "contact": "01711234567"})
    answer_token = form_token(client, f"/bn/complaints/status/{complaint.tracking_number}/")
    response = client.post(NEW_BN, complaint_data(service, submission_token=answer_token))
    assert response.status_code == 200
    assert translated(INVALID_TOKEN) in response.text
    assert list(filed_complaints()) == [complaint]  # only the one the test made


def test_a_form_with_errors_does_not_use_the_token_up(client, service):
    token = form_token(client, NEW_BN)
    assert client.post(NEW_BN, complaint_data(service, subject="", submission_token=token)).status_code == 200
    assert filed_complaints().count() == 0
    assert client.post(NEW_BN, complaint_data(service, submission_token=token)).status_code == 302
    assert filed_complaints().count() == 1


# --- Rate limit: only accepted complaints count -------------------------------------------------


def test_two_invalid_posts_then_a_valid_one_are_accepted_at_one_an_hour(client, service, settings):
    settings.COMPLAINT_SUBMIT_RATE = "1/h"
    assert post_form(client, NEW_BN, complaint_data(service, mobile="12345")).status_code == 200
    assert post_form(client, NEW_BN, complaint_data(service, occurred_on="2999-01-01")).status_code == 200
    assert client.post(NEW_BN, complaint_data(service)).status_code == 200  # no token: not counted either
    assert post_form(client, NEW_BN, complaint_data(service)).status_code == 302
    assert filed_complaints().count() == 1
    assert post_form(client, NEW_BN, complaint_data(service)).status_code == 429
    assert filed_complaints().count() == 1


def test_429_page_says_how_long_to_wait_and_how_to_go_back(client, service, settings):
    settings.COMPLAINT_SUBMIT_RATE = "1/h"
    assert post_form(client, NEW_BN, complaint_data(service)).status_code == 302
    response = post_form(client, NEW_BN, complaint_data(service))
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 0 < retry_after <= 3600
    wait = response.context["wait"]
    assert "প্রায় " + wait in response.text
    assert not re.search(r"[0-9]", wait) and re.search("[০-৯]", wait)  # Bengali digits on a Bengali page
    assert "মিনিট" in wait or "ঘণ্টা" in wait
    assert f'href="{NEW_BN}"' in response.text and 'href="/bn/"' in response.text
    assert translated("Back to the form") in response.text

    english = post_form(client, NEW_EN, complaint_data(service))
    assert english.status_code == 429
    assert re.search(r"Please wait about \d+(\xa0|\s)(minutes?|hours?), then try again\.", english.text)
    assert f'href="{NEW_EN}"' in english.text and 'href="/en/"' in english.text
    assert "Back to the form" in english.text


def test_429_page_rounds_the_wait_up_to_the_minute(settings):
    from pages.base.templatetags.bangla import local_duration

    with translation.override("en"):
        assert local_duration(3600).replace("\xa0", " ") == "1 hour"
        assert local_duration(61).replace("\xa0", " ") == "2 minutes"
        assert local_duration(5).replace("\xa0", " ") == "1 minute"
    with translation.override("bn"):
        assert local_duration(3600).replace("\xa0", " ") == "১ ঘণ্টা"
