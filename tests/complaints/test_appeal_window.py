"""The appeal window is part of the flow: after a decision the complainant may appeal for
`appeal_window_days` working days; when the window closes without an appeal, the periodic timer job
closes the complaint. Driven as it happens: officers on the task page, the citizen on the status page,
and the scheduler's Celery task firing viewflow's timers."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from workflows.complaints.flows import ComplaintFlow
from workflows.complaints.models import Complaint, ComplaintSettings
from workflows.core.models import AuditEntry
from workflows.core.tasks import fire_workflow_timers
from workflows.core.workdays.services import add_working_days

from .test_process import act, file_complaint, look_up, open_route, signed_in

pytestmark = pytest.mark.django_db


def decided(citizen, chattogram, gro):
    complaint = file_complaint(citizen, chattogram)
    officer = signed_in(gro)
    act(officer, open_route(complaint), decision="accept")
    act(officer, open_route(complaint), decision="resolve", text="সনদ দেওয়া হয়েছে।")
    complaint.refresh_from_db()
    return complaint


def window_timer(complaint):
    return Task.objects.get(process__complaintprocess__complaint=complaint, flow_task=ComplaintFlow.appeal_window)


def the_window_closes(complaint):
    """Time passes to the end of the window: the timer is due (as it will be on that day)."""
    Task.objects.filter(pk=window_timer(complaint).pk).update(scheduled=timezone.now() - datetime.timedelta(seconds=1))


def test_a_decision_opens_a_window_of_the_configured_working_days(chattogram, gro, private_root):
    limits = ComplaintSettings.load()
    complaint = decided(Client(), chattogram, gro)
    assert complaint.appeal_until is not None
    assert timezone.localdate(complaint.appeal_until) == add_working_days(
        complaint.resolved_at, limits.appeal_window_days
    )
    timer = window_timer(complaint)
    assert timer.status == STATUS.SCHEDULED and timer.scheduled == complaint.appeal_until
    assert fire_workflow_timers.apply().get()["timers"] == 0  # not yet due: nothing happens
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.RESOLVED


def test_without_an_appeal_the_timer_closes_the_complaint_and_no_appeal_is_taken_after(chattogram, gro, private_root):
    citizen = Client()
    complaint = decided(citizen, chattogram, gro)
    the_window_closes(complaint)
    Complaint.objects.filter(pk=complaint.pk).update(appeal_until=timezone.now() - datetime.timedelta(seconds=1))
    assert fire_workflow_timers.apply().get()["timers"] >= 1
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.CLOSED
    close = AuditEntry.objects.for_object(complaint).get(action="complaint.close")
    assert (close.from_state, close.to_state, close.actor_id) == ("resolved", "closed", None)
    assert window_timer(complaint).process.status == STATUS.DONE
    # Firing again changes nothing; an appeal now is refused.
    assert fire_workflow_timers.apply().get()["timers"] == 0
    look_up(citizen, complaint)
    response = citizen.post(f"/bn/complaints/status/{complaint.tracking_number}/appeal/", {"grounds": "দেরিতে আপিল"})
    assert response.status_code in (200, 409)
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.CLOSED


def test_an_appeal_in_time_keeps_the_complaint_open_when_the_window_ends(chattogram, gro, private_root):
    citizen = Client()
    complaint = decided(citizen, chattogram, gro)
    look_up(citizen, complaint)
    citizen.post(f"/bn/complaints/status/{complaint.tracking_number}/appeal/", {"grounds": "সনদে ভুল আছে।"})
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.APPEALED
    the_window_closes(complaint)
    fire_workflow_timers.apply()
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.APPEALED  # the appeal officer decides, not the timer
    assert not AuditEntry.objects.for_object(complaint).filter(action="complaint.close").exists()
