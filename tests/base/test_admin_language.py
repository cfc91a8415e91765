"""The back office in Bengali: every screen of the coverage list reads in Bengali for Bengali users, the
language is each user's choice (Bengali for new accounts), dates and counts use Bengali digits, and
the packages' catalogue is complete and consistent."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from wagtail.users.models import UserProfile

from pages.base import admin_coverage
from pages.base.admin_coverage import MAX_NON_BENGALI_SHARE, SCREENS, Coverage, Screen, count_words, visible_texts
from pages.base.vendor_catalogue import DOMAINS, build_catalogue, placeholder_mismatches

pytestmark = pytest.mark.django_db

BENGALI_DIGIT = re.compile(r"[০-৯]")


def test_every_listed_admin_screen_is_bengali_for_bengali_officers_and_editors(demo):
    results = admin_coverage.measure()
    assert len(results) >= 40
    users = {result.screen.username for result in results}
    assert {"officer", "editor"} <= users
    problems = [
        f"{r.screen.name}: HTTP {r.status}, {r.share:.1%} non-Bengali {r.words}"
        for r in results
        if r.status != 200 or r.share > MAX_NON_BENGALI_SHARE
    ]
    assert not problems, "\n".join(problems)
    # A screen that rendered next to nothing would pass trivially: each one says something, in Bengali.
    assert all(r.bengali >= 20 for r in results), [(r.screen.name, r.bengali) for r in results if r.bengali < 20]


def test_the_check_fails_for_an_english_screen(demo):
    """The same measure on a user who chose English: far above the limit, so the check can fail."""
    user = get_user_model().objects.get(username="editor")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    coverage = Coverage(Screen("editor: dashboard in English", "editor", lambda: "/admin/"), 200)
    count_words(visible_texts(client.get("/admin/").content.decode()), set(), coverage)
    assert coverage.share > 0.5


def test_words_are_counted_as_a_person_reads_them():
    html = """
    <html><body>
      <h1>পাতা সম্পাদনা</h1><p>Save draft</p>
      <input type="submit" value="Publish"><input placeholder="অনুসন্ধান করুন">
      <script>var label = "Not visible";</script><!-- a comment -->
      <kbd>Ctrl</kbd> <span hidden>None</span>
      <a href="/admin/pages/3/">https://example.gov.bd/x/</a> officer@dol.gov.bd GRS-7KQ2M9XA4D report.pdf
      <script type="application/json">{"_args": [{"label": "Menu label", "url": "/admin/"}]}</script>
      <p>Wagtail PDF ১২৩ Labour</p>
    </body></html>
    """
    coverage = Coverage(Screen("sample", None, lambda: "/"), 200)
    count_words(visible_texts(html), {"labour"}, coverage)
    assert coverage.words == {"Save": 1, "draft": 1, "Publish": 1, "Menu": 1, "label": 1}
    assert coverage.bengali == 4  # পাতা সম্পাদনা অনুসন্ধান করুন (digits are not words)


def test_new_accounts_work_in_bengali_and_each_user_chooses_their_language(demo):
    user = get_user_model().objects.create_user("new-officer", "new-officer@dol.gov.bd", "x-pass-2026")
    user.groups.add(*get_user_model().objects.get(username="officer").groups.all())
    client = Client()
    client.force_login(user)
    assert '<html lang="bn"' in client.get("/admin/").text

    response = client.post(
        "/admin/account/",
        {
            "locale-preferred_language": "en",
            "locale-current_time_zone": "Asia/Dhaka",
            "name_email-first_name": "নতুন",
            "name_email-last_name": "কর্মকর্তা",
            "name_email-email": "new-officer@dol.gov.bd",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
        },
    )
    assert response.status_code == 302
    assert UserProfile.get_for_user(user).preferred_language == "en"
    assert '<html lang="en"' in client.get("/admin/").text
    # Another officer's choice is theirs alone.
    other = Client()
    other.force_login(get_user_model().objects.get(username="officer"))
    assert '<html lang="bn"' in other.get("/admin/").text


def test_listing_dates_use_bengali_digits_and_the_bengali_calendar(demo):
    client = Client()
    client.force_login(get_user_model().objects.get(username="editor"))
    html = client.get("/admin/pages/").text
    dates = re.findall(r'class="w-human-readable-date__date"[^>]*>\s*([^<]+?)\s*</time>', html)
    assert dates and all(BENGALI_DIGIT.search(d) or "এইমাত্র" in d for d in dates), dates
    assert not any(re.search(r"[0-9]", d) for d in dates), dates
    tooltips = re.findall(r'class="w-human-readable-date" [^>]*data-w-tooltip-content-value="([^"]+)"', html)
    months = ("বৈশাখ", "জ্যৈষ্ঠ", "আষাঢ়", "শ্রাবণ", "ভাদ্র", "আশ্বিন", "কার্তিক", "অগ্রহায়ণ", "পৌষ", "মাঘ", "ফাল্গুন", "চৈত্র")
    assert tooltips and all(any(month in tip for month in months) for tip in tooltips), tooltips


def test_the_packages_catalogue_is_complete_and_keeps_every_placeholder():
    for domain in DOMAINS:
        report = build_catalogue(domain, write=False)
        assert report.total > 100
        assert (report.untranslated, report.added, report.dropped) == (0, 0, 0), report
        assert placeholder_mismatches(domain) == []


def test_the_packages_strings_are_bengali_in_the_admin():
    with translation.override("bn"):
        assert translation.gettext("Pages") == "পাতাসমূহ"  # Wagtail's
        assert translation.gettext("Documents") == "নথিসমূহ"
        assert translation.gettext("Publish") == "প্রকাশ করুন"
        assert translation.gettext("This field is required.") != "This field is required."  # Django's
    assert len(SCREENS) >= 40


def test_the_admin_scripts_get_bengali_strings(demo):
    """Wagtail's and wagtail-localize's scripts (the translation editor) read the djangojs catalogue."""
    import json

    client = Client()
    client.force_login(get_user_model().objects.get(username="editor"))
    script = client.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.S).group(1))
    assert catalog["Save"] == "সংরক্ষণ করুন"
    assert catalog["Change document"] == "নথি পরিবর্তন করুন"  # wagtail-localize's translation editor


def test_admin_pagination_counts_in_bengali_digits(client, demo):
    """Wagtail's pagination ("পাতা 1 (মোট 1)", "9 অভিযোগসমূহ") in the page's digits."""
    import re

    from tests.factories import make_user

    client.force_login(make_user("digits-admin", superuser=True))
    page = client.get("/admin/snippets/directory/officer/").text  # 40 demo officers: two pages
    where = re.search(r'<div class="pagination__start">\s*<p>(.*?)</p>', page, re.S).group(1)
    count = re.search(r'<div class="pagination__end">(.*?)</div>', page, re.S).group(1)
    assert "পাতা ১ (মোট ২)" in where
    assert re.search("[০-৯]", count) and not re.search("[0-9]", where + count), (where, count)


def test_the_pagination_template_is_wagtails_but_for_the_digits():
    """A Wagtail upgrade that changes its pagination_nav.html fails here, so our copy is brought up to date."""
    from pathlib import Path

    import wagtail.admin
    from django.conf import settings

    wagtails = (Path(wagtail.admin.__file__).parent / "templates/wagtailadmin/shared/pagination_nav.html").read_text()
    ours = (Path(settings.BASE_DIR) / "templates/wagtailadmin/shared/pagination_nav.html").read_text()
    ours = "".join(line for line in ours.splitlines(keepends=True) if not line.startswith("{% load bangla %}"))
    assert ours.replace("|local_digits", "") == wagtails
