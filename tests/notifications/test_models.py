"""Notification templates render plain text in Bengali and English, and refuse broken template syntax."""

import pytest
from django.core.exceptions import ValidationError

from workflows.core.notifications.models import NotificationTemplate

pytestmark = pytest.mark.django_db

CONTEXT = {"reference": "CMP-2026-0042", "name": "করিম & Sons <Ltd>"}


def test_email_renders_in_bengali(complaint_received):
    subject, body = complaint_received.render("email", "bn", CONTEXT)
    assert subject == "অভিযোগ CMP-2026-0042 গৃহীত হয়েছে"
    assert body == "প্রিয় করিম & Sons <Ltd>,\nআপনার অভিযোগ CMP-2026-0042 গৃহীত হয়েছে।"


def test_email_renders_in_english(complaint_received):
    subject, body = complaint_received.render("email", "en", CONTEXT)
    assert subject == "Complaint CMP-2026-0042 received"
    assert body.startswith("Dear করিম & Sons <Ltd>,\nyour complaint CMP-2026-0042")


def test_sms_renders_without_subject_and_without_html_escaping(complaint_received):
    assert complaint_received.render("sms", "bn", CONTEXT) == ("", "অভিযোগ CMP-2026-0042 গৃহীত। করিম & Sons <Ltd>")
    assert complaint_received.render("sms", "en", CONTEXT) == (
        "",
        "Complaint CMP-2026-0042 received. করিম & Sons <Ltd>",
    )


def test_regional_language_code_uses_that_language(complaint_received):
    assert complaint_received.render("sms", "en-gb", CONTEXT)[1].startswith("Complaint")


def test_unknown_language_or_channel_is_refused(complaint_received):
    with pytest.raises(ValueError):
        complaint_received.render("sms", "fr", CONTEXT)
    with pytest.raises(ValueError):
        complaint_received.render("fax", "bn", CONTEXT)


def test_template_renders_in_the_message_language_with_bangla_filters():
    template = NotificationTemplate(key="digits", sms_bn="{% load bangla %}{{ n|local_digits }}")
    template.sms_en = template.sms_bn
    assert template.render("sms", "bn", {"n": 42})[1] == "৪২"
    assert template.render("sms", "en", {"n": 42})[1] == "42"


def test_blank_english_text_falls_back_to_bengali():
    template = NotificationTemplate(key="bn-only", sms_bn="শুধু বাংলা {{ x }}")
    assert template.render("sms", "en", {"x": 1}) == ("", "শুধু বাংলা 1")


def test_channel_without_text_renders_nothing(complaint_received):
    complaint_received.sms_bn = complaint_received.sms_en = " "
    assert complaint_received.render("sms", "en", CONTEXT) == ("", "")


def test_subject_is_one_line():
    template = NotificationTemplate(key="multi", email_subject_bn="প্রথম\n{{ x }}\n", email_body_bn="body")
    assert template.render("email", "bn", {"x": "দ্বিতীয়"}) == ("প্রথম দ্বিতীয়", "body")


def test_broken_template_syntax_is_refused_on_save_in_the_admin(complaint_received):
    complaint_received.sms_en = "Complaint {% if reference %}received"
    with pytest.raises(ValidationError) as excinfo:
        complaint_received.full_clean()
    assert list(excinfo.value.message_dict) == ["sms_en"]
