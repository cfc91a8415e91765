"""The officer's dashboard panel and the complaints report: their figures, their access and their query counts."""

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import make_user
from workflows.complaints import roles as complaint_roles
from workflows.complaints.models import Complaint
from workflows.complaints.reports import ComplaintReport
from workflows.core.models import Office, Post, PostHolding

from .test_process import file_complaint, signed_in

pytestmark = pytest.mark.django_db


def test_dashboard_shows_my_open_tasks_overdue_first(chattogram, gro, private_root):
    complaint = file_complaint(Client(), chattogram)
    home = signed_in(gro).get("/admin/")
    assert home.status_code == 200
    assert 'id="my-tasks-section"' in home.text
    assert complaint.tracking_number in home.text
    assert 'id="complaints-chart-section"' in home.text


def test_dashboard_of_another_office_shows_none_of_these_cases(chattogram, private_root):
    complaint = file_complaint(Client(), chattogram)
    outsider = make_user("khulna-dash", groups=["Officers"])
    PostHolding.objects.create(
        user=outsider, post=Post.objects.get(office__code="dlo-khulna", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    )
    home = signed_in(outsider).get("/admin/")
    assert complaint.tracking_number not in home.text
    assert 'id="complaints-chart-section"' not in home.text  # no complaints in Khulna


def test_report_figures_and_csv_export(chattogram, gro, private_root):
    officer = signed_in(gro)
    page = officer.get("/admin/workflows/complaints/report/")
    assert page.status_code == 200
    summary = ComplaintReport(gro).summary()
    visible = Complaint.objects.filter(office=chattogram)
    assert summary.total == visible.count()
    assert summary.open == visible.filter(status__in=Complaint.OPEN_STATUSES).count()
    export = officer.get("/admin/workflows/complaints/report/?export=csv")
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert len(rows) >= 2
    assert sum(int(row[2]) for row in rows[1:]) == visible.count()


def test_report_counts_only_the_users_offices(chattogram, private_root):
    file_complaint(Client(), chattogram)
    outsider = make_user("khulna-report", groups=["Officers"])
    PostHolding.objects.create(
        user=outsider, post=Post.objects.get(office__code="dlo-khulna", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    )
    assert ComplaintReport(outsider).summary().total == 0
    export = signed_in(outsider).get("/admin/workflows/complaints/report/?export=csv")
    assert len(list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))) == 1  # the header only


def test_anonymous_visitor_cannot_see_the_report(demo):
    response = Client().get("/admin/workflows/complaints/report/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/admin/", "/admin/workflows/complaints/report/"])
def test_dashboard_and_report_run_constant_queries(chattogram, gro, private_root, settings, url):
    settings.COMPLAINT_SUBMIT_RATE = "1000/h"
    officer = signed_in(gro)
    count_queries(officer, url)
    before = count_queries(officer, url)
    for _ in range(5):
        file_complaint(Client(), chattogram)
    assert count_queries(officer, url) == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_case_list_exports_only_the_users_offices(chattogram, gro, private_root, fmt):
    mine = file_complaint(Client(), chattogram)
    other = file_complaint(Client(), Office.objects.get(code="dlo-khulna"))
    response = signed_in(gro).get(f"/admin/workflows/complaints/?export={fmt}")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        text = content.decode("utf-8-sig")
        assert mine.tracking_number in text
        assert other.tracking_number not in text
    else:
        assert content[:2] == b"PK"  # an xlsx workbook (a zip file)
