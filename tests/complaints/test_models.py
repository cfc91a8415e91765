"""The complaint record: its status moves only by transitions; contact rules; tracking numbers and codes."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_fsm import ConcurrentTransition, TransitionNotAllowed

from workflows.complaints.models import Complaint
from workflows.core.codes import CROCKFORD_ALPHABET, new_tracking_number, normalize_access_code
from workflows.core.models import Office

from .factories import TRACKING_NUMBER_RE, make_complaint

pytestmark = pytest.mark.django_db

S = Complaint.Status


@pytest.fixture
def office(demo):
    return Office.objects.get(code="dlo-dhaka")


def test_the_whole_road_with_information_forwarding_and_appeal(office):
    other = Office.objects.get(code="dlo-chattogram")
    complaint = make_complaint(office)
    assert complaint.status == S.SUBMITTED
    complaint.accept()
    complaint.request_information("Receipt number?")
    assert complaint.status == S.INFO_REQUESTED
    complaint.receive_information("R-1234")
    assert (complaint.status, complaint.information_response) == (S.IN_REVIEW, "R-1234")
    complaint.forward(other)
    assert (complaint.status, complaint.office) == (S.FORWARDED, other)
    complaint.accept()
    complaint.resolve("Certificate issued.")
    assert complaint.status == S.RESOLVED and complaint.resolved_at is not None
    complaint.appeal("Wrong name on it.")
    complaint.decide_appeal("Corrected certificate issued.")
    assert complaint.public_reply == "Corrected certificate issued." and complaint.appeal_decided_at
    complaint.close()
    complaint.save()
    complaint.refresh_from_db()
    assert complaint.status == S.CLOSED


def test_transitions_change_only_the_record_in_memory(office):
    complaint = make_complaint(office)
    complaint.accept()
    assert Complaint.objects.get(pk=complaint.pk).status == S.SUBMITTED  # nothing saved


@pytest.mark.parametrize(
    ("path", "forbidden"),
    [
        ((), "resolve"),
        ((), "close"),
        (("accept",), "receive_information"),
        (("accept", ("resolve", "ok")), "resolve"),
        (("accept", ("resolve", "ok"), ("appeal", "no")), "appeal"),
        (("accept", ("reject", "no"), "close"), "appeal"),
    ],
)
def test_transitions_not_allowed_from_the_wrong_status(office, path, forbidden):
    complaint = make_complaint(office, status_path=path)
    with pytest.raises(TransitionNotAllowed):
        getattr(complaint, forbidden)(*(["text"] if forbidden not in ("close",) else []))


def test_status_cannot_be_set_directly(office):
    complaint = make_complaint(office)
    with pytest.raises(AttributeError):
        complaint.status = S.RESOLVED


def test_forward_needs_another_office(office):
    complaint = make_complaint(office)
    with pytest.raises(ValueError):
        complaint.forward(office)
    assert complaint.status == S.SUBMITTED


def test_appeal_against_silence_only_after_the_due_date(office):
    complaint = make_complaint(office, status_path=("accept",))
    assert not complaint.can_appeal
    complaint.due_at = timezone.now() + datetime.timedelta(hours=1)
    assert not complaint.can_appeal
    complaint.due_at = timezone.now() - datetime.timedelta(hours=1)
    assert complaint.is_overdue and complaint.can_appeal


def test_a_stale_copy_cannot_overwrite_a_newer_status(office):
    complaint = make_complaint(office, status_path=("accept", ("request_information", "?")))
    stale = Complaint.objects.get(pk=complaint.pk)
    complaint.receive_information("first")
    complaint.save()
    stale.receive_information("second")
    with pytest.raises(ConcurrentTransition), transaction.atomic():
        stale.save()
    assert Complaint.objects.get(pk=complaint.pk).information_response == "first"


def test_contact_rules_hold_in_the_database(office):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_complaint(office, mobile="", email="")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_complaint(office, is_anonymous=True)  # with a mobile number and an email address
    anonymous = make_complaint(office, is_anonymous=True, contact_name="", mobile="", email="")
    code = anonymous.issue_access_code()
    assert anonymous.check_access_code(code) and not anonymous.check_access_code("WRONG123")


def test_tracking_numbers_are_random_and_unique(office):
    numbers = {new_tracking_number(Complaint.tracking_prefix) for _ in range(1000)}
    assert len(numbers) == 1000
    assert all(TRACKING_NUMBER_RE.fullmatch(n) for n in numbers)
    # Every character of the alphabet turns up in every position: nothing is a counter.
    assert {n[-1] for n in numbers} == set(CROCKFORD_ALPHABET)
    assert {n[4] for n in numbers} == set(CROCKFORD_ALPHABET)


def test_a_clashing_tracking_number_is_drawn_again(office, monkeypatch):
    first = make_complaint(office)
    draws = iter([first.tracking_number, "GRS-ABCDEFGHJK"])
    monkeypatch.setattr("workflows.core.codes.new_tracking_number", lambda prefix: next(draws))
    assert make_complaint(office).tracking_number == "GRS-ABCDEFGHJK"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("GRS-7KQ2M9XA4D", "GRS-7KQ2M9XA4D"),
        (" grs-7kq2 m9xa4d ", "GRS-7KQ2M9XA4D"),
        ("7KQ2M9XA4D", "GRS-7KQ2M9XA4D"),
        ("GRS-O1IL000000", "GRS-0111000000"),
        ("GRS-৭KQ২M৯XA৪D", "GRS-7KQ2M9XA4D"),
        ("GRS-7KQ2M9XA4", None),
        ("GRS-7KQ2M9XA4DU", None),
        ("GRS-UUUUUUUUUU", None),
        ("", None),
        (None, None),
    ],
)
def test_tracking_number_normal_form(typed, expected):
    assert Complaint.normalize_tracking_number(typed) == expected


def test_access_code_normal_form():
    assert normalize_access_code(" ab-cd eF0o ") == "ABCDEF00"
