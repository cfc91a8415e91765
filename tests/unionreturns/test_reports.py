"""The season report per office and year (active unions, submitted, returned, certified, overdue, median working
days to certification), office-scoped, with CSV and XLSX; and the process report."""

import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tests.factories import make_user
from tests.unions.factories import make_union
from workflows.core.models import Office, Post, PostHolding
from workflows.unions.roles import UNION_EXAMINER

from .factories import ensure_examiner_posts, submitted_return

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def officer_of(code, username):
    ensure_examiner_posts()
    user = make_user(username, groups=["Officers"])
    PostHolding.objects.create(user=user, post=Post.objects.get(office__code=code, role=UNION_EXAMINER))
    client = Client()
    client.force_login(user)
    return client


def test_the_season_report_counts_the_demo_season(demo):
    client = officer_of("dlo-chattogram", "report-officer")
    response = client.get("/admin/workflows/union-returns-season/", {"year": "2025"})
    assert response.status_code == 200
    chattogram = Office.objects.get(code="dlo-chattogram")
    [row] = response.context["rows"]
    assert row["office"] in (chattogram.name_bn, chattogram.name_en)
    # The demo's 2025 returns in Chattogram: certified, accepted, returned, resubmitted, submitted, and a draft.
    assert (row["submitted"], row["returned"], row["certified"]) == (5, 1, 1)
    assert row["overdue"] == row["active_unions"] - 5
    assert row["median_days"] is not None


def test_an_officer_sees_only_the_offices_returns(demo):
    khulna = officer_of("dlo-khulna", "report-outsider")
    rows = khulna.get("/admin/workflows/union-returns-season/", {"year": "2025"}).context["rows"]
    chattogram = Office.objects.get(code="dlo-chattogram")
    assert chattogram.name_bn not in [row["office"] for row in rows]
    assert chattogram.name_en not in [row["office"] for row in rows]


def test_exports_and_constant_queries(demo):
    client = officer_of("dlo-chattogram", "report-officer")
    csv = client.get("/admin/workflows/union-returns-season/", {"year": "2025", "export": "csv"})
    assert csv.content.startswith("\ufeff".encode())
    xlsx = client.get("/admin/workflows/union-returns-season/", {"year": "2025", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 2

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/workflows/union-returns-season/", {"year": "2025"}).status_code == 200
        return len(captured)

    queries()
    few = queries()
    chattogram = Office.objects.get(code="dlo-chattogram")
    for _ in range(3):
        submitted_return(chattogram, union=make_union(chattogram), year=2025)
    assert queries() == few


def test_the_process_report_leaves_drafts_out(demo):
    client = officer_of("dlo-chattogram", "report-officer")
    response = client.get("/admin/workflows/union-returns/report/")
    assert response.status_code == 200
    assert response.context["summary"].total == 6  # the demo's submitted returns in Chattogram, both years
