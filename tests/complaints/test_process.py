"""The complaint process end to end through HTTP: citizen, grievance redress officer, appeal officer.

A citizen files in Bengali, the GRO finds it in *My tasks* in the Wagtail admin, asks for more
information, the citizen answers on the status page, the GRO resolves, the citizen reads the reply
and appeals, and the appeal officer of the office above decides. Around it: forbidden access, replays,
stale forms, SLA escalation and the inboxes' query counts.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from viewflow.workflow.status import STATUS

from tests.factories import make_user, two_factor_client
from workflows.complaints import roles as complaint_roles
from workflows.complaints.models import Complaint
from workflows.core import roles, sla
from workflows.core.models import AuditEntry, Post, PostHolding, RoutedTask
from workflows.core.notifications.models import OutboxMessage

from .factories import complaint_data, post_form

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def file_complaint(client, office, **overrides):
    data = complaint_data_for(office, **overrides)
    response = post_form(client, "/bn/complaints/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Complaint.objects.order_by("-pk").first()


def complaint_data_for(office, **overrides):
    from pages.services.models import ServicePage

    service = ServicePage.objects.filter(office=office).first()
    data = complaint_data(service, **overrides) if service else complaint_data_without_service(office, **overrides)
    data["office"] = str(office.pk)
    return data


def complaint_data_without_service(office, **overrides):
    class _Service:
        office_id = office.pk
        pk = ""

    data = complaint_data(_Service(), **overrides)
    data.pop("service", None)
    return data


def open_route(complaint):
    return RoutedTask.objects.select_related("task", "post").get(
        task__process__complaintprocess__complaint=complaint, task__status__in=[STATUS.NEW, STATUS.ASSIGNED]
    )


def act(client, route, **data):
    return client.post(f"/admin/workflows/tasks/{route.pk}/", {"post_id": route.post_id, **data})


def look_up(client, complaint):
    return client.post(
        "/bn/complaints/status/", {"tracking_number": complaint.tracking_number, "contact": "01711234567"}
    )


def test_citizen_officer_and_appeal_officer_end_to_end(
    chattogram, gro, private_root, settings, django_capture_on_commit_callbacks
):
    settings.TWO_FACTOR_GRACE_DAYS = 0  # the officers sign in with their password and an authenticator app
    citizen = Client()
    with django_capture_on_commit_callbacks(execute=True):
        complaint = file_complaint(citizen, chattogram)
    assert complaint.status == Complaint.Status.SUBMITTED
    assert complaint.due_at is not None
    # Acknowledged by SMS and email, after the commit.
    assert OutboxMessage.objects.filter(idempotency_key=f"complaint-{complaint.pk}-received").count() == 2

    # The GRO of DLO Chattogram sees it in My tasks.
    officer = two_factor_client(gro)
    inbox = officer.get("/admin/workflows/tasks/mine/")
    assert inbox.status_code == 200
    assert complaint.tracking_number in inbox.text
    route = open_route(complaint)
    assert route.post.role == complaint_roles.GRIEVANCE_REDRESS_OFFICER and route.office == chattogram
    page = officer.get(f"/admin/workflows/tasks/{route.pk}/")
    assert page.status_code == 200
    assert complaint.description in page.text

    # Accept, then ask for more information.
    assert act(officer, route, decision="accept").status_code == 302
    route = open_route(complaint)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(officer, route, decision="request_information", text="নিয়োগপত্রের কপি দিন।")
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.INFO_REQUESTED

    # The citizen answers on the status page; the case goes back to the GRO.
    assert look_up(citizen, complaint).status_code == 302
    detail = citizen.get(f"/bn/complaints/status/{complaint.tracking_number}/")
    assert "নিয়োগপত্রের কপি দিন।" in detail.text
    answer = post_form(
        citizen,
        f"/bn/complaints/status/{complaint.tracking_number}/answer/",
        {"answer": "কপি সংযুক্ত।"},
        page=f"/bn/complaints/status/{complaint.tracking_number}/",
    )
    assert answer.status_code in (200, 302)
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.IN_REVIEW
    route = open_route(complaint)
    assert route.post.role == complaint_roles.GRIEVANCE_REDRESS_OFFICER

    # The GRO resolves with a reply; the citizen reads it.
    with django_capture_on_commit_callbacks(execute=True):
        act(officer, route, decision="resolve", text="সনদ ইস্যু করা হয়েছে।")
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.RESOLVED
    assert "সনদ ইস্যু করা হয়েছে।" in citizen.get(f"/bn/complaints/status/{complaint.tracking_number}/").text
    assert not RoutedTask.objects.filter(
        task__process__complaintprocess__complaint=complaint, task__status__in=[STATUS.NEW, STATUS.ASSIGNED]
    ).exists()

    # Not satisfied: the appeal reaches the appeal officer of the office above (the Department of Labour).
    citizen.post(f"/bn/complaints/status/{complaint.tracking_number}/appeal/", {"grounds": "সনদে ভুল আছে।"})
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.APPEALED
    appeal_route = RoutedTask.objects.get(task__process__appealprocess__complaint=complaint)
    assert appeal_route.post.role == complaint_roles.APPEAL_OFFICER
    assert appeal_route.office == chattogram.parent
    appeal_officer = two_factor_client(get_user_model().objects.get(username="appeal"))
    assert complaint.tracking_number in appeal_officer.get("/admin/workflows/tasks/mine/").text
    response = appeal_officer.post(
        f"/admin/workflows/tasks/{appeal_route.pk}/",
        {"post_id": appeal_route.post_id, "reply": "সংশোধিত সনদ দেওয়া হবে।"},
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.APPEAL_DECIDED

    # Every step is in the audit trail, in order.
    actions = list(AuditEntry.objects.for_object(complaint).values_list("action", flat=True))
    assert actions == [
        "complaint.submit",
        "complaint.accept",
        "complaint.request_information",
        "complaint.receive_information",
        "complaint.resolve",
        "complaint.appeal",
        "complaint.decide_appeal",
    ]
    # The task page's history names each step in the officer's language, with the claims recorded on the process.
    history = officer.get(f"/admin/workflows/tasks/{route.pk}/").text
    with translation.override("bn"):
        for action in [*actions, "task.review"]:
            assert str(AuditEntry(action=action).action_label) in history
    assert "complaint.request_information" not in history  # labels, not codes


def test_officer_of_another_office_gets_404_and_changes_nothing(chattogram, private_root):
    complaint = file_complaint(Client(), chattogram)
    route = open_route(complaint)
    khulna_gro_post = Post.objects.get(office__code="dlo-khulna", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    outsider = make_user("khulna-gro", groups=["Officers"])
    PostHolding.objects.create(user=outsider, post=khulna_gro_post)
    client = signed_in(outsider)
    assert client.get(f"/admin/workflows/tasks/{route.pk}/").status_code == 404
    assert act(client, route, decision="accept").status_code == 404
    assert client.post(f"/admin/workflows/tasks/{route.pk}/claim/").status_code == 404
    assert client.post(f"/admin/workflows/tasks/{route.pk}/reassign/", {"post": khulna_gro_post.pk}).status_code == 404
    assert complaint.tracking_number not in client.get("/admin/workflows/tasks/mine/").text
    assert complaint.tracking_number not in client.get("/admin/workflows/tasks/unassigned/").text
    assert complaint.tracking_number not in client.get("/admin/workflows/complaints/").text
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.SUBMITTED
    assert open_route(complaint).task.owner_id is None


def test_replayed_post_after_the_task_was_done_changes_nothing(chattogram, gro, private_root):
    complaint = file_complaint(Client(), chattogram)
    route = open_route(complaint)
    officer = signed_in(gro)
    act(officer, route, decision="accept")
    entries = AuditEntry.objects.count()
    response = act(officer, route, decision="reject", text="প্রত্যাখ্যাত")
    assert response.status_code == 302
    messages = [str(m) for m in officer.get(response["Location"]).context["messages"]]
    assert any("কিছুই পরিবর্তন করা হয়নি" in m for m in messages), messages  # "Nothing was changed."
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.IN_REVIEW
    assert AuditEntry.objects.count() == entries


def test_stale_form_after_reassignment_is_refused(chattogram, gro, private_root):
    complaint = file_complaint(Client(), chattogram)
    route = open_route(complaint)
    stale_post_id = route.post_id
    head = Post.objects.get(office=chattogram, role=roles.OFFICE_HEAD)
    supervisor = signed_in(get_user_model().objects.get(username="head"))
    assert supervisor.post(f"/admin/workflows/tasks/{route.pk}/reassign/", {"post": head.pk}).status_code == 302
    route.refresh_from_db()
    assert route.post == head
    # The head now submits a form that was rendered for the GRO's post.
    supervisor.post(f"/admin/workflows/tasks/{route.pk}/", {"post_id": stale_post_id, "decision": "accept"})
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.SUBMITTED


def test_invalid_decision_gets_translated_errors_and_changes_nothing(chattogram, gro, private_root):
    complaint = file_complaint(Client(), chattogram)
    route = open_route(complaint)
    officer = signed_in(gro)
    response = act(officer, route, decision="forward")  # no office chosen
    assert response.status_code == 200
    response = act(officer, route, decision="resolve")  # not allowed before accepting
    assert response.status_code == 200
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.SUBMITTED


def test_missed_sla_escalates_once_to_the_office_head(chattogram, private_root, django_capture_on_commit_callbacks):
    complaint = file_complaint(Client(), chattogram)
    route = open_route(complaint)
    later = route.due_at + datetime.timedelta(hours=1)  # "frozen time": the timers take `now`
    with django_capture_on_commit_callbacks(execute=True):
        assert sla.escalate_overdue(now=later) >= 1  # this one, and demo complaints due by then
        assert sla.escalate_overdue(now=later) == 0  # firing twice escalates once
    route.refresh_from_db()
    assert route.post.role == roles.OFFICE_HEAD
    assert route.escalated_at == later
    assert AuditEntry.objects.filter(action="sla.escalate", case_label=complaint.tracking_number).count() == 1
    head = signed_in(get_user_model().objects.get(username="head"))
    assert complaint.tracking_number in head.get("/admin/workflows/tasks/mine/").text


def test_reminder_before_the_due_date_is_sent_once(chattogram, private_root):
    complaint = file_complaint(Client(), chattogram)
    route = open_route(complaint)
    almost = route.due_at - datetime.timedelta(days=2)
    assert sla.send_reminders(now=almost) >= 1  # this one, and demo complaints due by then
    assert sla.send_reminders(now=almost) == 0
    route.refresh_from_db()
    assert route.reminded_at == almost
    assert AuditEntry.objects.filter(action="sla.reminder", case_label=complaint.tracking_number).count() == 1


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/admin/workflows/tasks/mine/", "/admin/workflows/tasks/unassigned/", "/admin/workflows/complaints/"]
)
def test_inboxes_run_constant_queries(chattogram, gro, private_root, settings, url):
    settings.COMPLAINT_SUBMIT_RATE = "1000/h"
    citizen = Client()
    file_complaint(citizen, chattogram)
    officer = signed_in(gro)
    count_queries(officer, url)  # warm caches (content types, settings)
    few = count_queries(officer, url)
    for _ in range(6):
        file_complaint(citizen, chattogram)
    assert count_queries(officer, url) == few


def test_bulk_claim_and_unassign(chattogram, gro, private_root, settings):
    settings.COMPLAINT_SUBMIT_RATE = "1000/h"
    complaints = [file_complaint(Client(), chattogram) for _ in range(3)]
    routes = [open_route(c) for c in complaints]
    officer = signed_in(gro)
    officer.post("/admin/workflows/tasks/bulk-claim/", {"task": [r.pk for r in routes]})
    for route in routes:
        route.task.refresh_from_db()
        assert route.task.owner_id == gro.pk
    officer.post(f"/admin/workflows/tasks/{routes[0].pk}/unassign/")
    routes[0].task.refresh_from_db()
    assert routes[0].task.owner_id is None


def test_delegate_acts_for_the_post_and_is_recorded_as_such(chattogram, private_root):
    from workflows.core.models import Delegation

    complaint = file_complaint(Client(), chattogram)
    route = open_route(complaint)
    stand_in = make_user("stand-in-gro", groups=["Officers"])
    Delegation.objects.create(
        post=route.post, delegate=stand_in, ends_at=timezone.now() + datetime.timedelta(days=7), reason="ছুটি"
    )
    assert act(signed_in(stand_in), route, decision="accept").status_code == 302
    entry = AuditEntry.objects.for_object(complaint).get(action="complaint.accept")
    assert entry.data.get("delegated") is True
    assert entry.acting_for_id == route.post_id


def test_attachments_download_only_for_the_complaints_offices(chattogram, gro, private_root):
    from workflows.complaints.models import ComplaintAttachment

    from .factories import PDF, pdf

    file_complaint(Client(), chattogram, attachments=[pdf("চিঠি.pdf")])
    attachment = ComplaintAttachment.objects.order_by("-pk").first()
    url = f"/admin/workflows/complaints/attachments/{attachment.pk}/"
    response = signed_in(gro).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF
    outsider = make_user("khulna-download", groups=["Officers"])
    PostHolding.objects.create(
        user=outsider, post=Post.objects.get(office__code="dlo-khulna", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    )
    assert signed_in(outsider).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the login page


def test_bulk_claim_ignores_tasks_of_other_offices(chattogram, private_root):
    complaint = file_complaint(Client(), chattogram)
    route = open_route(complaint)
    outsider = make_user("khulna-bulk", groups=["Officers"])
    PostHolding.objects.create(
        user=outsider, post=Post.objects.get(office__code="dlo-khulna", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    )
    signed_in(outsider).post("/admin/workflows/tasks/bulk-claim/", {"task": [route.pk]})
    route.task.refresh_from_db()
    assert route.task.owner_id is None
