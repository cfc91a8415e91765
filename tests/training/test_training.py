"""The training process end to end through HTTP: a batch registered in the admin, its attendance and
completion sent by the course director, approved by the institute's head, certificates issued by the
background job (with an SMS each), a trainee finding and downloading theirs on the portal. Around it:
returns, bad attendance, idempotent issuing after a crash, office-level access and query counts."""

import base64
import datetime
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from tests.factories import make_user, two_factor_client
from workflows.certificates.models import Certificate
from workflows.certificates.services import verification_url
from workflows.core.models import AuditEntry, Office, Post, PostHolding
from workflows.core.nodes import BackgroundJob, resume_background_jobs, run_background_job
from workflows.core.notifications.models import OutboxMessage
from workflows.core.roles import OFFICE_HEAD
from workflows.core.selectors import open_routes_of
from workflows.training import services
from workflows.training.models import Batch

from .factories import batch_in, course_in, director_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def holder(office, role, username):
    post = Post.objects.get(office=office, role=role)
    user = make_user(username, groups=["Officers"])
    PostHolding.objects.create(user=user, post=post)
    return user


@pytest.fixture
def tongi(demo):
    return Office.objects.get(code="iri-tongi")


@pytest.fixture
def people(tongi):
    director_post(tongi)
    from workflows.training.roles import COURSE_DIRECTOR

    return {
        "director": holder(tongi, COURSE_DIRECTOR, "t-director"),
        "head": holder(tongi, OFFICE_HEAD, "t-head"),
    }


def act(client, batch, data):
    route = open_routes_of(batch).get()
    return client.post(f"/admin/workflows/tasks/{route.pk}/", {"post_id": route.post_id, **data})


def sheet(batch, *, absent=()):
    """The director's attendance sheet: every day present, completed, except the trainees in `absent`."""
    data = {}
    for trainee in batch.trainees.all():
        if trainee.pk in absent:
            continue
        for index in range(len(batch.days())):
            data[f"present_{trainee.pk}_{index}"] = "on"
        data[f"completed_{trainee.pk}"] = "on"
    return data


def approve(client, batch, django_capture_on_commit_callbacks):
    """The head approves; the job queued for after the commit runs (Celery is eager here)."""
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, batch, {"decision": "approve"})
    assert response.status_code == 302
    batch.refresh_from_db()
    return batch


def offline_check(url, keys_path) -> int:
    """The standalone offline check, run as a citizen would run it (no Django)."""
    script = Path(settings.BASE_DIR) / "workflows" / "certificates" / "offline.py"
    return subprocess.run(
        [sys.executable, str(script), url, str(keys_path)], capture_output=True, timeout=60
    ).returncode


def test_a_batch_from_registration_to_certificates(
    people, tongi, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.TWO_FACTOR_GRACE_DAYS = 0  # the officers sign in with their password and an authenticator app
    director, head = two_factor_client(people["director"]), two_factor_client(people["head"])
    course = course_in(tongi, days=2)
    # Registered in the admin by the director.
    assert director.get("/admin/workflows/training/new/").status_code == 200
    response = director.post(
        "/admin/workflows/training/new/",
        {
            "course": course.pk,
            "number": 7,
            "starts_on": "2026-11-10",
            "ends_on": "2026-11-11",
            "venue": "প্রশিক্ষণ কক্ষ ২",
            "director_post": director_post(tongi).pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    batch = Batch.objects.get(course=course, number=7)
    assert batch.status == Batch.Status.REGISTERED and batch.office == tongi
    # The trainees from a spreadsheet, through the import's upload, preview and confirm.
    rows = [
        HEADER,
        ["লক্ষ্মী রানী স্থপতি", "Lakshmi Rani Sthapati", "01711000001", "", "টংগী টেক্সটাইল মিলস", "অপারেটর"],
        ["মোঃ কৃষ্ণ কর্মকার", "Md. Krishna Karmakar", "০১৮১১-০০০০০২", "", "", ""],
        ["স্বপ্না ব্যানার্জি", "Swapna Banerjee", "01911000003", "", "", ""],
    ]
    preview_url = director.post(f"/admin/workflows/training/{batch.pk}/import/", {"file": csv_upload(rows)})["Location"]
    assert director.post(preview_url).status_code == 302
    assert batch.trainees.count() == 3
    absent = batch.trainees.get(mobile="+8801911000003")
    # The director's task: in the inbox, with the attendance sheet.
    assert batch.tracking_number in director.get("/admin/workflows/tasks/mine/").text
    page = director.get(f"/admin/workflows/tasks/{open_routes_of(batch).get().pk}/").text
    assert "লক্ষ্মী রানী স্থপতি" in page and f"completed_{absent.pk}" in page
    assert act(director, batch, sheet(batch, absent={absent.pk})).status_code == 302
    batch.refresh_from_db()
    assert batch.status == Batch.Status.SUBMITTED
    # The head approves; the certificates are issued in the background.
    batch = approve(head, batch, django_capture_on_commit_callbacks)
    assert batch.status == Batch.Status.CERTIFIED
    certified = {t.mobile: t.certificate for t in batch.trainees.select_related("certificate")}
    assert certified["+8801911000003"] is None  # did not complete: no certificate
    lakshmi = certified["+8801711000001"]
    assert lakshmi.holder_name_bn == "লক্ষ্মী রানী স্থপতি" and lakshmi.office == tongi
    assert lakshmi.signatory_post == Post.objects.get(office=tongi, role=OFFICE_HEAD)
    assert lakshmi.signatory_name == people["head"].get_full_name() or people["head"].username
    # Each trainee got an SMS with the download link.
    sms = OutboxMessage.objects.get(recipient__endswith="1711000001", channel="sms")
    assert lakshmi.serial in sms.body and "/bn/training/certificates/" in sms.body
    assert batch.certificate_progress == {"completing": 2, "issued": 2, "waiting": 0}
    actions = list(AuditEntry.objects.for_object(batch).values_list("action", flat=True))
    assert actions == [
        "batch.submit",
        "batch.import_trainees",
        "batch.send_for_approval",
        "batch.approve",
        "batch.certify",
    ]
    # The progress bar's figures.
    assert head.get(f"/admin/workflows/training/{batch.pk}/progress/").json()["issued"] == 2

    # The trainee finds it on the portal with the serial and the mobile number, and downloads it.
    trainee = Client()
    response = trainee.post("/bn/training/certificates/", {"number": lakshmi.serial.lower(), "mobile": "০১৭১১০০০০০১"})
    assert response.status_code == 302
    page = trainee.get(response["Location"])
    assert "লক্ষ্মী রানী স্থপতি" in page.text
    pdf = trainee.get(f"/bn/training/certificates/{lakshmi.serial}/download/")
    assert pdf["Content-Type"] == "application/pdf" and b"".join(pdf.streaming_content).startswith(b"%PDF")
    # By the batch's number too.
    other = Client()
    response = other.post("/bn/training/certificates/", {"number": batch.tracking_number, "mobile": "01711000001"})
    assert response.status_code == 302
    # The SMS link opens it on a phone that never looked it up.
    link = sms.body.split("http://127.0.0.1:8000", 1)[1].split()[0]
    assert Client().get(link).status_code == 200

    # Anyone verifies it from its QR code: online, and offline with the published keys.
    url = verification_url(lakshmi)
    page = Client().get(url.removeprefix("http://127.0.0.1:8000"))
    assert "বৈধ সনদ" in page.text and "লক্ষ্মী রানী স্থপতি" in page.text and "01711000001" not in page.text
    keys = tmp_path / "keys.json"
    keys.write_text(Client().get("/certificates/keys.json").text)
    assert offline_check(url, keys) == 0
    query = dict(parse_qsl(urlsplit(url).query))
    fields = json.loads(base64.urlsafe_b64decode(query["d"] + "=" * (-len(query["d"]) % 4)))
    fields = {
        key: (value.replace("লক্ষ্মী", "লক্ষী") if isinstance(value, str) else value) for key, value in fields.items()
    }
    forged = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    tampered = (
        url.split("?")[0] + "?" + urlencode({**query, "d": base64.urlsafe_b64encode(forged).decode().rstrip("=")})
    )
    assert offline_check(tampered, keys) == 1
    assert "খাঁটি নয়" in Client().get(tampered.removeprefix("http://127.0.0.1:8000")).text

    # The institute's head revokes it; the verify page says so at once.
    response = head.post(f"/admin/workflows/certificates/{lakshmi.pk}/revoke/", {"reason": "নামের বানান ভুল"})
    assert response.status_code == 302
    page = Client().get(url.removeprefix("http://127.0.0.1:8000"))
    assert "বাতিল" in page.text and "নামের বানান ভুল" in page.text


def test_a_batch_may_be_planned_ahead_but_not_dated_before_the_earliest_date(people, tongi):
    director = signed_in(people["director"])
    course = course_in(tongi, days=2)
    data = {"course": course.pk, "number": 8, "venue": "কক্ষ ১", "director_post": director_post(tongi).pk}
    response = director.post(
        "/admin/workflows/training/new/", {**data, "starts_on": "0001-01-01", "ends_on": "0001-01-02"}
    )
    assert response.status_code == 200
    assert not Batch.objects.filter(course=course, number=8).exists()
    next_year = timezone.localdate().year + 1
    response = director.post(
        "/admin/workflows/training/new/", {**data, "starts_on": f"{next_year}-01-10", "ends_on": f"{next_year}-01-11"}
    )
    assert response.status_code == 302
    assert Batch.objects.filter(course=course, number=8).exists()


def test_a_returned_batch_goes_back_to_its_director(people, tongi, django_capture_on_commit_callbacks):
    batch = batch_in(tongi, trainees=2)
    director, head = signed_in(people["director"]), signed_in(people["head"])
    assert act(director, batch, sheet(batch)).status_code == 302
    # Returning needs a reason: without one, nothing changes.
    response = act(head, batch, {"decision": "return_to_director"})
    assert response.status_code == 200 and "কেন ফেরত" in response.text
    batch.refresh_from_db()
    assert batch.status == Batch.Status.SUBMITTED
    assert act(head, batch, {"decision": "return_to_director", "reason": "উপস্থিতির তারিখ ভুল"}).status_code == 302
    batch.refresh_from_db()
    assert batch.status == Batch.Status.RETURNED and batch.return_reason == "উপস্থিতির তারিখ ভুল"
    route = open_routes_of(batch).get()
    assert route.post == batch.director_post
    assert act(director, batch, sheet(batch)).status_code == 302
    batch = approve(head, Batch.objects.get(pk=batch.pk), django_capture_on_commit_callbacks)
    assert batch.status == Batch.Status.CERTIFIED
    assert Certificate.objects.filter(trainee__batch=batch).count() == 2


def test_a_trainee_short_of_attendance_cannot_be_marked_complete(people, tongi):
    batch = batch_in(tongi, days=3, trainees=1)
    trainee = batch.trainees.get()
    data = {f"present_{trainee.pk}_0": "on", f"completed_{trainee.pk}": "on"}
    response = act(signed_in(people["director"]), batch, data)
    assert response.status_code == 200
    assert "প্রয়োজনীয় ৩ দিনের মধ্যে ১ দিন উপস্থিত ছিলেন" in response.text
    batch.refresh_from_db()
    assert batch.status == Batch.Status.REGISTERED
    trainee.refresh_from_db()
    assert not trainee.completed and not trainee.attendance.exists()


def test_a_batch_with_no_trainees_cannot_be_sent(people, tongi):
    batch = batch_in(tongi, trainees=0)
    response = act(signed_in(people["director"]), batch, {})
    assert response.status_code == 200 and "প্রশিক্ষণার্থী" in response.text
    batch.refresh_from_db()
    assert batch.status == Batch.Status.REGISTERED


def test_issuing_again_after_a_crash_issues_no_duplicate(people, tongi, django_capture_on_commit_callbacks):
    batch = batch_in(tongi, trainees=4)
    director, head = signed_in(people["director"]), signed_in(people["head"])
    act(director, batch, sheet(batch))
    # Approved, but the worker died before the job ran: nothing executes the queued job.
    with django_capture_on_commit_callbacks(execute=False) as queued:
        act(head, batch, {"decision": "approve"})
    assert len(queued) == 1
    job = Task.objects.get(process=batch.process, flow_task_type=BackgroundJob.task_type)
    assert job.status == STATUS.SCHEDULED
    # A worker got through two trainees, then was killed.
    batch.refresh_from_db()
    first_two = [services.issue_trainee_certificate(batch, t).pk for t in batch.trainees.order_by("pk")[:2]]
    Task.objects.filter(pk=job.pk).update(status=STATUS.STARTED, started=timezone.now() - datetime.timedelta(hours=1))
    # The sweep finds the stale job and runs it again (eager Celery): the other two are issued.
    with django_capture_on_commit_callbacks(execute=True):
        assert resume_background_jobs() == 1
    batch.refresh_from_db()
    assert batch.status == Batch.Status.CERTIFIED
    certificates = Certificate.objects.filter(trainee__batch=batch)
    assert certificates.count() == 4
    assert list(batch.trainees.order_by("pk").values_list("certificate", flat=True)[:2]) == first_two
    # A late duplicate delivery of the job changes nothing; each trainee got one SMS.
    assert run_background_job(job.pk) == "not waiting"
    assert certificates.count() == 4
    keys = [f"certificate-{pk}-issued" for pk in certificates.values_list("pk", flat=True)]
    assert OutboxMessage.objects.filter(idempotency_key__in=keys, channel="sms").count() == 4


def test_officers_of_another_institute_see_nothing(people, tongi, demo):
    batch = batch_in(tongi, trainees=1)
    khulna = Office.objects.get(code="iri-khulna")
    from workflows.training.roles import COURSE_DIRECTOR

    outsider = signed_in(holder(khulna, COURSE_DIRECTOR, "k-director"))
    assert outsider.get(f"/admin/workflows/training/{batch.pk}/").status_code == 404
    assert outsider.get(f"/admin/workflows/training/{batch.pk}/progress/").status_code == 404
    assert batch.tracking_number not in outsider.get("/admin/workflows/training/").text
    # Another institute's course cannot be edited, nor chosen for a new batch.
    course = batch.course
    assert outsider.get(f"/admin/workflows/training-courses/edit/{course.pk}/").status_code == 404
    assert (
        str(course.pk)
        not in outsider.get("/admin/workflows/training/new/").text.split('name="course"')[1].split("</select>")[0]
    )
    # The portal: no certificate page without proof, and a forged SMS link opens nothing.
    assert Client().get("/bn/training/certificates/ABCDE-FGHJK/").status_code == 404


def test_only_failed_lookups_count(people, tongi, settings, django_capture_on_commit_callbacks):
    settings.TRAINING_LOOKUP_RATE = "2/h"
    batch = batch_in(tongi, trainees=1)
    act(signed_in(people["director"]), batch, sheet(batch))
    batch = approve(signed_in(people["head"]), batch, django_capture_on_commit_callbacks)
    serial = batch.trainees.get().certificate.serial
    client = Client()
    # A typing mistake (not a mobile number at all) is answered and does not count.
    response = client.post("/bn/training/certificates/", {"number": serial, "mobile": "017"})
    assert response.status_code == 200 and "errorlist" in response.text
    for _ in range(2):  # a wrong mobile number is a guess: it counts
        response = client.post("/bn/training/certificates/", {"number": serial, "mobile": "01999999999"})
        assert response.status_code == 200 and "মিলছে না" in response.text
    response = client.post("/bn/training/certificates/", {"number": serial, "mobile": "01999999999"})
    assert response.status_code == 429
    # None of it opened the certificate's page.
    assert client.get(f"/bn/training/certificates/{serial}/").status_code == 404


def test_the_batch_page_runs_constant_queries(people, tongi):
    head = signed_in(people["head"])
    few, many = batch_in(tongi, trainees=2), batch_in(tongi, trainees=20)

    def count(batch):
        with CaptureQueriesContext(connection) as queries:
            assert head.get(f"/admin/workflows/training/{batch.pk}/").status_code == 200
        return len(queries)

    count(few)
    assert count(few) == count(many)


def test_demo_batch_is_certified_with_one_revoked(demo):
    batch = Batch.objects.get(course__title_en="Labour law and industrial relations", number=1)
    assert batch.status == Batch.Status.CERTIFIED and batch.trainees.count() == 30
    certificates = Certificate.objects.filter(trainee__batch=batch)
    assert certificates.count() == 28
    assert certificates.filter(status=Certificate.Status.REVOKED).count() == 1
    assert get_user_model().objects.filter(username="director").exists()


def csv_upload(rows):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = "\n".join(",".join(row) for row in rows) + "\n"
    return SimpleUploadedFile("trainees.csv", text.encode("utf-8-sig"), content_type="text/csv")


HEADER = ["Name (Bengali)", "Name (English)", "Mobile", "National ID", "Establishment", "Designation"]


def test_trainees_are_imported_from_a_spreadsheet_only_when_every_row_is_valid(people, tongi):
    batch = batch_in(tongi, trainees=0)
    director = signed_in(people["director"])
    url = f"/admin/workflows/training/{batch.pk}/import/"
    assert director.get(url).status_code == 200
    bad = [
        HEADER,
        ["লক্ষ্মী রানী স্থপতি", "Lakshmi Rani Sthapati", "০১৭১১-০০০০০১", "", "টংগী টেক্সটাইল", "অপারেটর"],
        ["†gvt Kwig", "Md. Karim", "01811000002", "", "", ""],  # Bijoy-typed Bengali
        ["স্বপ্না ব্যানার্জি", "Swapna Banerjee", "01711000001", "", "", ""],  # the first row's mobile again
    ]
    preview = director.get(director.post(url, {"file": csv_upload(bad)})["Location"])
    assert "বিজয়" in preview.text and "সারি ৩" in preview.text and "সারি ৪" in preview.text
    director.post(preview.wsgi_request.path)  # a confirm of a file with errors
    assert batch.trainees.count() == 0
    good = [HEADER, bad[1], ["মোঃ কৃষ্ণ কর্মকার", "Md. Krishna Karmakar", "+880 1811 000002", "", "", ""]]
    preview_url = director.post(url, {"file": csv_upload(good)})["Location"]
    assert director.post(preview_url).status_code == 302
    assert director.post(preview_url).status_code in (302, 404)  # a replay imports nothing more
    assert sorted(batch.trainees.values_list("mobile", flat=True)) == ["+8801711000001", "+8801811000002"]
    assert AuditEntry.objects.for_object(batch).filter(action="batch.import_trainees").count() == 1
    # Another institute's officer cannot reach the import.
    from workflows.training.roles import COURSE_DIRECTOR

    outsider = signed_in(holder(Office.objects.get(code="iri-khulna"), COURSE_DIRECTOR, "k-importer"))
    assert outsider.get(url).status_code == 404
