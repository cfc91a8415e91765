"""The back office as officers and approvers read it: the task page's order, one "internal comment" box,
the question and the citizen's answer in the history, the dashboard's task panel only for officers, the
overdue filter's choices and chips, and the ministry's name instead of Wagtail's."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from workflows.complaints.models import Complaint
from workflows.complaints.services import answer_information_request
from workflows.core.models import AuditEntry, RoutedTask

pytestmark = pytest.mark.django_db


def _signed_in(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_task_page_shows_the_case_then_the_action_then_the_history(demo, client):
    _signed_in(client, "officer")
    complaint = Complaint.objects.filter(status=Complaint.Status.INFO_REQUESTED).first()
    answer_information_request(complaint, "বেতনের রসিদ সংযুক্ত করলাম।")
    route = RoutedTask.objects.filter(task__process__in=_process_ids(complaint)).order_by("-pk").first()
    html = client.get(reverse("workflows_core:task", args=[route.pk])).content.decode()
    order = [
        html.index(marker) for marker in ('id="case-data"', 'id="history"', 'id="task-status"', 'id="process-steps"')
    ]
    assert order == sorted(order)
    assert "<details" in html.split('id="process-steps"')[1]  # the diagram folded
    assert html.count("অভ্যন্তরীণ মন্তব্য</label>") <= 1
    assert "{#" not in html  # no template comment leaks onto the page


def test_history_shows_the_question_and_the_citizens_answer(demo, client):
    _signed_in(client, "officer")
    complaint = Complaint.objects.filter(status=Complaint.Status.INFO_REQUESTED).first()
    question = AuditEntry.objects.filter(action="complaint.request_information", object_id=str(complaint.pk)).get()
    answer = "বেতনের রসিদ সংযুক্ত করলাম।"
    answer_information_request(complaint, answer)
    route = RoutedTask.objects.filter(task__process__in=_process_ids(complaint)).order_by("-pk").first()
    html = client.get(reverse("workflows_core:task", args=[route.pk])).content.decode()
    history = html.split('id="history"')[1]
    assert question.data["public_text"][:30] in history
    assert answer in history
    assert "নাগরিকের উত্তর" in history


def _process_ids(case):
    from workflows.core.models import CaseProcessMixin

    return list(CaseProcessMixin.processes_of(case).values_list("pk", flat=True))


def test_approver_dashboard_has_no_empty_task_panel_above_pages_to_review(demo, client):
    html = _signed_in(client, "approver").get("/admin/").content.decode()
    assert "কোনো চলমান কাজ নেই" not in html
    assert 'id="my-tasks"' not in html
    officer = _signed_in(client, "officer").get("/admin/").content.decode()
    assert 'id="my-tasks' in officer


def test_overdue_filter_offers_all_yes_no_and_its_chip_reads_bengali(demo, client):
    _signed_in(client, "officer")
    url = reverse("complaints_admin:index")
    html = client.get(url).content.decode()
    assert "অজানা" not in html
    chips = client.get(url, {"overdue": "false", "submitted_at_after": "2026-11-01"}).content.decode()
    assert ": False" not in chips and "False</" not in chips
    assert "২০২৬" in chips.split('id="id_submitted_at')[0] or "২০২৬" in chips


def test_admin_is_branded_as_the_ministrys(demo, client):
    login = client.get("/admin/login/").content.decode()
    assert "Wagtail-এ লগ ইন করুন" not in login
    assert "শ্রম ও কর্মসংস্থান মন্ত্রণালয়ের ব্যাক অফিসে লগ ইন করুন" in login
    assert "- Wagtail</title>" not in login
    dashboard = _signed_in(client, "officer").get("/admin/").content.decode()
    assert "- শ্রম ও কর্মসংস্থান মন্ত্রণালয়</title>" in dashboard
    assert "img/emblem.svg" in dashboard
