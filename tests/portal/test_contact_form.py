"""The contact form: stored when valid; translated errors, a honeypot, a rate limit and 400s otherwise."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from pages.contact.models import ContactPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(demo):
    return demo.page(ContactPage, "bn")


def valid_data(page):
    data = {}
    for field in page.form_fields.all():
        name = field.clean_name
        if field.field_type == "email":
            data[name] = "karim@example.com"
        elif field.field_type == "multiline":
            data[name] = "আমার বেতন তিন মাস ধরে বকেয়া।"
        else:
            data[name] = "করিম"
    return data


def test_valid_submission_is_stored_and_mailed(client, contact, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(contact.url, valid_data(contact))
    assert response.status_code == 200
    assert "ধন্যবাদ" in response.text
    assert FormSubmission.objects.filter(page=contact).count() == 1
    assert len(mail.outbox) == 1
    assert "আমার বেতন তিন মাস ধরে বকেয়া।" in mail.outbox[0].body


def test_missing_and_malformed_fields_get_translated_errors(client, contact):
    data = valid_data(contact)
    email_field = next(f.clean_name for f in contact.form_fields.all() if f.field_type == "email")
    data[email_field] = "not-an-email"
    required = next(f.clean_name for f in contact.form_fields.all() if f.required and f.field_type == "multiline")
    data[required] = ""
    response = client.post(contact.url, data)
    assert response.status_code == 200
    assert "এই ঘরটি পূরণ করা আবশ্যক।" in response.text  # Django's "This field is required."
    assert "একটি বৈধ ইমেইল ঠিকানা লিখুন" in response.text
    assert FormSubmission.objects.count() == 0


def test_english_errors_on_the_english_page(client, demo):
    contact = demo.page(ContactPage, "en")
    response = client.post(contact.url, {})
    assert "This field is required." in response.text
    assert FormSubmission.objects.count() == 0


def test_honeypot_stores_nothing(client, contact):
    data = valid_data(contact) | {"website": "http://spam.example"}
    response = client.post(contact.url, data)
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 0
    assert len(mail.outbox) == 0


def test_rate_limit_answers_429_in_the_visitors_language(client, contact):
    from django.conf import settings

    allowed = int(settings.CONTACT_FORM_RATE.split("/")[0])
    for _ in range(allowed):
        assert client.post(contact.url, valid_data(contact)).status_code == 200
    response = client.post(contact.url, valid_data(contact))
    assert response.status_code == 429
    assert "অনেক বেশি অনুরোধ" in response.text
    assert FormSubmission.objects.count() == allowed


def test_oversized_post_is_refused(client, contact, settings):
    data = valid_data(contact)
    data["padding"] = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(contact.url, data)
    assert response.status_code == 400
    assert "অনুরোধটি বোঝা যায়নি" in response.content.decode()
    assert FormSubmission.objects.count() == 0


def test_malformed_multipart_is_refused(client, contact):
    body = b"--\r\nContent-Disposition: form-data; name=x\r\n\r\nbroken"
    response = client.generic("POST", contact.url, body, content_type="multipart/form-data")  # no boundary
    assert response.status_code == 400
    assert FormSubmission.objects.count() == 0
