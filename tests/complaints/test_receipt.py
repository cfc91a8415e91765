"""The acknowledgement (the citizen's receipt): when a decision is due, counted in working days, and a way to
print it."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from pages.base.bengali_calendar import format_gregorian_bn

from .factories import complaint_data, filed_complaints, post_form

pytestmark = pytest.mark.django_db


def test_receipt_shows_the_expected_decision_date_in_working_days(client, service):
    response = post_form(client, "/bn/complaints/new/", complaint_data(service), follow=True)
    complaint = filed_complaints().get()
    # Set by the process when the complaint was filed, in working days (weekly days off and holidays skipped).
    assert complaint.due_at is not None
    row = re.search(r'সিদ্ধান্তের সম্ভাব্য তারিখ</th><td class="due-date">([^<]+)</td>', response.text)
    assert row and row.group(1) == format_gregorian_bn(timezone.localtime(complaint.due_at))
    assert "কর্মদিবসে" in response.text


def test_receipt_in_english_has_the_date_and_a_print_button(client, service_en):
    data = complaint_data(service_en, mobile="", email="karim@example.com")
    html = post_form(client, "/en/complaints/new/", data, follow=True).text
    complaint = filed_complaints().get()
    assert "Expected decision by" in html
    assert f'<td class="due-date">{timezone.localtime(complaint.due_at):%d %B %Y}</td>' in html
    # Shown by the static script only (a button that does nothing without JavaScript is not offered).
    assert '<button type="button" class="button button-secondary print-button" data-print hidden>Print</button>' in html
    assert '<script src="/static/js/print.js" defer></script>' in html
    assert finders.find("js/print.js")
