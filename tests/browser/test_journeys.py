"""The journeys in Chromium, as people make them: a citizen files a complaint with an attachment and reads its
status; an editor edits a page and submits it, an approver publishes it; an officer claims and decides a task;
the home page and the complaint form on a phone. Any console error or failed request fails the test. The
screenshots in docs/screenshots/ (the README's) are taken here."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model

from pages.services.models import ServicePage
from tests.factories import DemoSite
from workflows.core.demo import text_pdf

from .support import PHONE, chromium, screenshot, sign_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.flushes_db]
PASSWORD = "browser-test-password"


def with_password(*usernames):
    for user in get_user_model().objects.filter(username__in=usernames):
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])


@pytest.fixture
def journeys(site_server, monkeypatch):
    DemoSite.get()
    # Playwright's sync API runs an event loop in this thread; our own ORM calls between its steps are safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium(site_server.url) as browser:
        yield browser
        assert browser.problems == []


def file_a_complaint(page, service, tmp_path):
    page.goto("/bn/complaints/new/")
    page.select_option("select[name=office]", str(service.office_id))
    page.select_option("select[name=service]", str(service.pk))
    page.fill("input[name=subject]", "সনদ দিতে দেরি")
    page.fill("textarea[name=description]", "তিন মাস আগে আবেদন করেছি, এখনও সনদ পাইনি।")
    page.fill("input[name=occurred_on]", (datetime.date.today() - datetime.timedelta(days=10)).isoformat())
    page.fill("textarea[name=desired_remedy]", "দ্রুত সনদ দেওয়া হোক।")
    page.fill("input[name=complainant_name]", "করিম")
    page.fill("input[name=mobile]", "০১৭১১-২৩৪৫৬৭")
    attachment = tmp_path / "আবেদনের-কপি.pdf"
    attachment.write_bytes(text_pdf("application copy"))
    page.set_input_files("input[name=attachments]", str(attachment))
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    return page.locator(".tracking-number").inner_text().strip()


def test_a_citizen_files_a_complaint_and_reads_its_status(journeys, tmp_path):
    service = ServicePage.objects.live().filter(locale__language_code="bn", office__isnull=False).first()
    page = journeys.page()
    tracking_number = file_a_complaint(page, service, tmp_path)
    assert re.fullmatch(r"[A-Z]+-[0-9A-Z]+", tracking_number), tracking_number
    screenshot(page, "complaint-receipt")
    # Later, on another computer: the status by tracking number and mobile number.
    other = journeys.page()
    other.goto("/bn/complaints/status/")
    other.fill("input[name=tracking_number]", tracking_number)
    other.fill("input[name=contact]", "01711234567")
    other.locator("main form button[type=submit]").first.click()
    other.wait_for_load_state()
    assert tracking_number in other.content() and "সনদ দিতে দেরি" in other.content()


def test_the_home_page_and_the_complaint_form_on_a_phone(journeys):
    page = journeys.page(viewport=PHONE)
    page.goto("/bn/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "home-phone")
    page.goto("/bn/complaints/new/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "complaint-form-phone")
    desktop = journeys.page()
    desktop.goto("/bn/")
    screenshot(desktop, "home-desktop")
    desktop.goto("/bn/complaints/new/")
    screenshot(desktop, "complaint-form-desktop")


def test_an_editor_submits_a_page_and_an_approver_publishes_it(journeys):
    with_password("editor", "approver")
    service = ServicePage.objects.live().filter(locale__language_code="bn").order_by("path").first()
    editor = journeys.page()
    sign_in(editor, "editor", PASSWORD)
    editor.goto(f"/admin/pages/{service.pk}/edit/")
    editor.fill("input[name=title]", "সেবার নতুন শিরোনাম")
    editor.locator("[data-w-dropdown-target='toggle']").last.click()  # the footer's other actions
    editor.locator("button[name=action-submit]").click()
    editor.wait_for_load_state()
    service.refresh_from_db()
    assert service.title != "সেবার নতুন শিরোনাম"  # not published by the editor

    approver = journeys.page()
    sign_in(approver, "approver", PASSWORD)
    approver.goto(f"/admin/pages/{service.pk}/edit/")
    approver.locator("[data-w-dropdown-target='toggle']").last.click()
    # "Approve" (the other one, "Approve with comment", opens a dialog first).
    with approver.expect_navigation():
        approver.locator("button[data-workflow-action-name=approve]").first.click()
    service.refresh_from_db()
    assert service.title == "সেবার নতুন শিরোনাম"


def test_an_officer_claims_and_decides_a_task(journeys, tmp_path):
    with_password("officer")
    service = (
        ServicePage.objects.live()
        .filter(locale__language_code="bn", office__code="dlo-chattogram")
        .order_by("path")
        .first()
    )
    tracking_number = file_a_complaint(journeys.page(), service, tmp_path)
    officer = journeys.page()
    sign_in(officer, "officer", PASSWORD)
    officer.goto("/admin/workflows/tasks/mine/")
    officer.get_by_text(tracking_number).first.click()
    officer.wait_for_load_state()
    screenshot(officer, "officer-task")
    claim = officer.locator("form[action*='/claim/'] button[type=submit]")
    if claim.count():
        claim.first.click()
        officer.wait_for_load_state()
    officer.check("input[name=decision][value=accept]")
    with officer.expect_navigation():
        officer.locator("form:has(input[name=decision]) button[type=submit]").first.click()
    from workflows.complaints.models import Complaint

    assert Complaint.objects.get(tracking_number=tracking_number).status == Complaint.Status.IN_REVIEW
