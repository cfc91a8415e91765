"""What a new officer stumbled on: length limits on their texts, the words for the complainant's status,
the steps' names in *Done by me*, and the message after a final decision."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from workflows.complaints.models import Complaint
from workflows.core.models import AuditEntry, CaseComment
from workflows.core.notifications.models import OutboxMessage
from workflows.core.selectors import routes_of

from .test_process import act, file_complaint, look_up, open_route, signed_in

pytestmark = pytest.mark.django_db

TWO_MEGABYTES = "প" * (2 * 1024 * 1024 // 3)


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_two_megabyte_question_is_refused_and_nothing_is_sent(chattogram, gro, private_root):
    complaint = file_complaint(Client(), chattogram)
    officer = signed_in(gro)
    act(officer, open_route(complaint), decision="accept")
    outbox, entries = OutboxMessage.objects.count(), AuditEntry.objects.count()
    response = act(officer, open_route(complaint), decision="request_information", text=TWO_MEGABYTES)
    assert response.status_code == 200
    assert "text" in response.context["form"].errors
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.IN_REVIEW
    assert (OutboxMessage.objects.count(), AuditEntry.objects.count()) == (outbox, entries)


def test_an_overlong_internal_comment_is_refused(chattogram, gro, private_root):
    complaint = file_complaint(Client(), chattogram)
    route = open_route(complaint)
    response = signed_in(gro).post(f"/admin/workflows/tasks/{route.pk}/comment/", {"text": TWO_MEGABYTES})
    assert response.status_code == 200
    assert not CaseComment.objects.filter(task=route.task).exists()


def test_officers_read_the_status_in_their_words_and_the_citizen_in_theirs(chattogram, gro, private_root):
    citizen = Client()
    complaint = file_complaint(citizen, chattogram)
    officer = signed_in(gro)
    act(officer, open_route(complaint), decision="accept")
    act(officer, open_route(complaint), decision="request_information", text="রসিদের নম্বর দিন।")
    last_route = routes_of(complaint).order_by("-task__created").first()  # now waiting for the complainant
    task_page = officer.get(f"/admin/workflows/tasks/{last_route.pk}/").text
    case_page = officer.get(f"/admin/workflows/complaints/{complaint.pk}/").text
    for page in (task_page, case_page):
        assert "অভিযোগকারীর কাছে তথ্য চাওয়া হয়েছে" in page
        assert "আপনার কাছে তথ্য চাওয়া হয়েছে" not in page
    look_up(citizen, complaint)
    status_page = citizen.get(f"/bn/complaints/status/{complaint.tracking_number}/").text
    assert "আপনার কাছে তথ্য চাওয়া হয়েছে" in status_page


def test_done_names_each_step_and_the_final_message_says_nothing_waits(chattogram, gro, private_root):
    complaint = file_complaint(Client(), chattogram)
    officer = signed_in(gro)
    accepted = act(officer, open_route(complaint), decision="accept")
    assert any("জিআরও" in m for m in messages_of(accepted)), messages_of(accepted)  # where it waits now
    resolved = act(officer, open_route(complaint), decision="resolve", text="সনদ দেওয়া হয়েছে।")
    final = messages_of(resolved)
    assert any("কোনো কর্মকর্তার জন্য কিছু অপেক্ষমাণ নেই" in m for m in final), final
    done = officer.get("/admin/workflows/tasks/done/").text
    assert "অভিযোগ নিষ্পত্তি কর্মকর্তা (জিআরও) কর্তৃক গ্রহণ" in done
    assert "অভিযোগ নিষ্পত্তি কর্মকর্তা (জিআরও)-র সিদ্ধান্ত" in done
