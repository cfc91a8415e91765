"""The seed's minutes (DoL innovation team, 23 Nov 2021) are shown as written, with both calendars."""

import re

import pytest

from pages.innovation.models import MeetingMinutesPage

pytestmark = pytest.mark.django_db

SEED_DISTRIBUTION_FIRST = "পরিচালক, পরিচালক (পরিকল্পনা, পরিসংখ্যান ও তথ্য প্রযুক্তি), শ্রম অধিদপ্তর"
SEED_DISTRIBUTION_LAST = "অফিস কপি।"


def test_seed_minutes_are_faithful(client, demo):
    minutes = demo.page(MeetingMinutesPage, "bn")
    assert minutes.memo_number == "৪০.০২.০০০০.০৪৩.৬৬.০০৭.১৯.৫৩"
    assert str(minutes.meeting_date) == "2021-11-23"
    assert str(minutes.issue_date) == "2021-12-02"
    decisions = list(minutes.decisions.all())
    assert [d.subject for d in decisions] == [
        "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২১-২০২২",
        "উদ্ভাবনী, সেবা সহজীকরণ ও ডিজিটাল সেবা",
        "উদ্ভাবন কর্মপরিকল্পনা অনুযায়ী দেশের অভ্যন্তরে প্রশিক্ষণ/কর্মশালা",
    ]
    assert decisions[2].implementer == "ইনোভেশনটিম/হিসাব শাখা"
    distribution = [entry.recipient for entry in minutes.distribution.all()]
    assert len(distribution) == 11
    assert distribution[0] == SEED_DISTRIBUTION_FIRST
    assert distribution[-1] == SEED_DISTRIBUTION_LAST

    html = client.get(minutes.url).text
    assert "মোঃ বেলাল হোসেন শেখ" in html
    assert "২৩/১১/২০২১ খ্রি." in html
    assert "বেলা ১১.০০ টায়" in html
    assert "মহাপরিচালক মহোদয়ের সভাকক্ষ" in html
    assert "পরিশিষ্ট 'ক' অনুযায়ী।" in html or "পরিশিষ্ট &#x27;ক&#x27; অনুযায়ী।" in html
    assert "৪০.০২.০০০০.০৪৩.৬৬.০০৭.১৯.৫৩" in html
    # The issue date in Bangladesh's Bengali calendar beside the Gregorian one, as on the memo.
    assert "১৭ অগ্রহায়ণ ১৪২৮" in html
    assert "০২ ডিসেম্বর ২০২১" in html
    assert "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়) :" in html
    assert f"১১) {SEED_DISTRIBUTION_LAST}" in html
    assert "মোঃ সোহেল আজিম" in html
    # Decisions in their order, numbered in Bengali.
    positions = [html.index(d.subject) for d in decisions]
    assert positions == sorted(positions)
    assert "<td>৩</td>" in html


def test_english_minutes_write_the_bengali_calendar_date_in_english(client, demo):
    minutes = demo.page(MeetingMinutesPage, "en")
    html = client.get(minutes.url).text
    assert '<span class="bengali-date">17 Agrahayan 1428</span>' in html
    assert "অগ্রহায়ণ" not in html and "১৪২৮" not in html
    assert "02 December 2021" in html


@pytest.mark.parametrize("language", ["bn", "en"])
def test_minutes_title_is_a_heading_without_a_full_stop(client, demo, language):
    html = client.get(demo.page(MeetingMinutesPage, language).url).text
    title = re.search(r'<h1 class="minutes-title">([^<]+)</h1>', html).group(1)
    assert title and not title.endswith(("।", "."))
    assert "।</title>" not in html and ".</title>" not in html


def test_a_title_saved_with_a_danda_loses_it(client, demo):
    minutes = demo.page(MeetingMinutesPage, "bn")
    minutes.title = "সভার কার্যবিবরণী। "
    minutes.save_revision().publish()
    html = client.get(minutes.url).text
    assert '<h1 class="minutes-title">সভার কার্যবিবরণী</h1>' in html


@pytest.mark.parametrize("language", ["bn", "en"])
def test_minutes_have_a_print_button(client, demo, language):
    html = client.get(demo.page(MeetingMinutesPage, language).url).text
    assert '<button type="button" class="button button-secondary print-button" data-print hidden>' in html
    assert '<script src="/static/js/print.js" defer></script>' in html
