"""The annual-return process end to end over HTTP: a union's representative signs in, starts a return, is
refused an unbalanced statement (with the difference), fixes it and submits; the examiner returns it with
remarks; the union resubmits; the head certifies; the union downloads the certificate and its QR verifies.
Around it, every bad input gets a clear translated answer and changes nothing."""

import datetime
import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from tests.factories import make_user, two_factor_client
from tests.unions.factories import make_representative, make_union, signed_in_representative
from workflows.certificates.services import verification_url
from workflows.core.models import AuditEntry, Office, Post, PostHolding
from workflows.core.notifications import sms
from workflows.core.notifications.models import OutboxMessage
from workflows.core.roles import OFFICE_HEAD
from workflows.core.selectors import open_routes_of
from workflows.unionreturns.models import AnnualReturn, ReturnDocument
from workflows.unionreturns.services import ReturnError, start_return
from workflows.unions.models import Union
from workflows.unions.roles import UNION_EXAMINER

from .factories import FIGURES, YEAR, ensure_examiner_posts, pdf, submitted_return

pytestmark = pytest.mark.django_db
S = AnnualReturn.Status


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def chattogram(demo):
    ensure_examiner_posts()
    return Office.objects.get(code="dlo-chattogram")


def holder(office, role, username):
    post = Post.objects.get(office=office, role=role)
    user = make_user(username, groups=["Officers"])
    PostHolding.objects.create(user=user, post=post)
    return user


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def union(chattogram):
    return make_union(chattogram, registered_on=datetime.date(2010, 5, 1))


@pytest.fixture
def representative(union):
    return make_representative(union, mobile="01711000111")


@pytest.fixture
def portal(representative):
    return signed_in_representative(Client(), representative)


def start(portal, year=YEAR):
    response = portal.post("/bn/union-returns/new/", {"year": str(year)})
    assert response.status_code == 302, response.content.decode()
    return AnnualReturn.objects.get(union__representatives__pk=portal.session["unions:representative"], year=year)


def edit_url(annual_return):
    return f"/bn/union-returns/{annual_return.pk}/edit/"


def token_of(portal, annual_return):
    page = portal.get(edit_url(annual_return)).content.decode()
    if 'name="submission_token"' not in page:  # not editable now: the token of a form opened earlier
        from workflows.unionreturns.views import SUBMITTING

        return SUBMITTING.issue(scope=str(annual_return.pk))
    return page.split('name="submission_token" value="')[1].split('"')[0]


def post_return(portal, annual_return, data, *, submit=True, files=True, token=None):
    payload = {**data}
    if files:
        payload["constitution"] = pdf("constitution.pdf")
        payload["audit_report"] = pdf("audit.pdf")
    if submit:
        payload["submit"] = "1"
        payload["submission_token"] = token or token_of(portal, annual_return)
    else:
        payload["save"] = "1"
    return portal.post(edit_url(annual_return), payload)


def act(client, annual_return, data):
    route = open_routes_of(annual_return).get()
    return client.post(f"/admin/workflows/tasks/{route.pk}/", {"post_id": route.post_id, **data})


def test_a_return_from_the_union_to_its_certificate(
    chattogram, union, demo, settings, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = "workflows.core.notifications.sms.LocmemSmsBackend"
    settings.TWO_FACTOR_GRACE_DAYS = 0  # the officers sign in with their password and an authenticator app
    sms.outbox.clear()
    examiner = holder(chattogram, UNION_EXAMINER, "uar-examiner")
    head_post = Post.objects.get(office=chattogram, role=OFFICE_HEAD)
    head = PostHolding.objects.current().filter(post=head_post).first()
    head = head.user if head else holder(chattogram, OFFICE_HEAD, "uar-head")
    examiner_client, head_client = two_factor_client(examiner), two_factor_client(head)
    make_union(chattogram, name_bn="বিলম্বিত শ্রমিক ইউনিয়ন", registered_on=datetime.date(2010, 5, 1))  # files nothing

    # The office invites the union's general secretary; the SMS says where to sign in.
    with django_capture_on_commit_callbacks(execute=True):
        response = examiner_client.post(
            f"/admin/workflows/unions/{union.pk}/representatives/",
            {"name": "মোঃ আবুল কাশেম", "position": "general_secretary", "mobile": "০১৭১১-৫৫৫৬৬৬"},
        )
    assert response.status_code == 302
    assert "/bn/unions/sign-in/" in sms.outbox[-1].text
    # They sign in on the portal with the one-time code sent by SMS.
    portal = Client()
    assert portal.post("/bn/unions/sign-in/", {"mobile": "01711555666"}).status_code == 302
    code = re.search(r"(\d{6})", sms.outbox[-1].text.translate(str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789"))).group(1)
    assert portal.post("/bn/unions/sign-in/code/", {"code": code})["Location"] == "/bn/unions/"

    # The union's page lists its returns; it starts one for last year.
    annual_return = start(portal)
    assert annual_return.status == S.DRAFT and annual_return.office == chattogram
    assert annual_return.due_on == datetime.date(YEAR + 1, 4, 30)
    assert str(YEAR) in portal.get("/bn/union-returns/").content.decode().translate(
        str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
    )

    # A draft may be saved incomplete.
    response = post_return(portal, annual_return, {"income_subscriptions": "১০,০০,০০০.৫০"}, submit=False, files=False)
    assert response.status_code == 302
    annual_return.refresh_from_db()
    assert annual_return.income_subscriptions == Decimal("1000000.50")
    assert annual_return.status == S.DRAFT

    # Unbalanced: refused with the difference, in Bengali digits with lakh grouping; nothing saved.
    unbalanced = {**FIGURES, "closing_bank": "৩,৪০,০০০"}
    response = post_return(portal, annual_return, unbalanced)
    assert response.status_code == 400
    page = response.content.decode()
    assert "১০,০০০.০০" in page  # the difference: 3,79,500 expected, 3,69,500 declared
    assert "৩,৬৯,৫০০.০০" in page
    annual_return.refresh_from_db()
    assert annual_return.status == S.DRAFT and annual_return.closing_bank is None
    assert not annual_return.documents.exists()

    # Fixed and submitted: version 1, the examiner's task; an SMS to the representative.
    response = post_return(portal, annual_return, FIGURES)
    assert response.status_code == 302
    annual_return.refresh_from_db()
    assert (annual_return.status, annual_return.version) == (S.SUBMITTED, 1)
    assert annual_return.figures.closing_balance == Decimal("379500.00")
    route = open_routes_of(annual_return).get()
    assert route.post.role == UNION_EXAMINER and route.post.office == chattogram
    assert OutboxMessage.objects.filter(template_key="union-return-received", recipient__endswith="1711555666").exists()

    # The examiner sees the figures with lakh grouping and downloads the PDFs.
    officer = examiner_client
    task_page = officer.get(f"/admin/workflows/tasks/{route.pk}/").content.decode()
    assert "১২,৫০,০০০.৫০" in task_page  # total income
    document = annual_return.audit_report
    download = officer.get(f"/admin/workflows/union-returns/attachments/{document.pk}/")
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment")

    # Returned with itemised remarks.
    response = act(
        officer, annual_return, {"decision": "return_to_union", "remarks": "১. ব্যাংক বিবরণী দিন\n২. নিরীক্ষকের স্বাক্ষর নেই"}
    )
    assert response.status_code == 302
    annual_return.refresh_from_db()
    assert annual_return.status == S.RETURNED
    first = annual_return.versions.get(number=1)
    assert first.remarks == ["ব্যাংক বিবরণী দিন", "নিরীক্ষকের স্বাক্ষর নেই"]
    detail = portal.get(f"/bn/union-returns/{annual_return.pk}/").content.decode()
    assert "নিরীক্ষকের স্বাক্ষর নেই" in detail
    assert OutboxMessage.objects.filter(template_key="union-return-returned").exists()

    # The union corrects (a new auditor's report) and resubmits: version 2, back to the examiner.
    response = post_return(portal, annual_return, {**FIGURES, "auditor_name": "মোঃ করিম, এফসিএ"})
    assert response.status_code == 302
    annual_return.refresh_from_db()
    assert (annual_return.status, annual_return.version) == (S.SUBMITTED, 2)
    assert annual_return.versions.get(number=1).data["auditor_name"] == FIGURES["auditor_name"]  # frozen
    assert annual_return.versions.get(number=2).audit_report_id != first.audit_report_id
    # Every version stays readable, with its own PDFs.
    assert portal.get(f"/bn/union-returns/{annual_return.pk}/versions/1/").status_code == 200
    old_pdf = portal.get(f"/bn/union-returns/{annual_return.pk}/documents/{first.audit_report_id}/")
    assert old_pdf.status_code == 200

    assert act(officer, annual_return, {"decision": "accept"}).status_code == 302
    annual_return.refresh_from_db()
    assert annual_return.status == S.ACCEPTED
    assert open_routes_of(annual_return).get().post == head_post

    with django_capture_on_commit_callbacks(execute=True):
        assert act(head_client, annual_return, {"decision": "certify"}).status_code == 302
    annual_return.refresh_from_db()
    assert annual_return.status == S.CERTIFIED
    certificate = annual_return.certificate
    assert certificate is not None and certificate.kind.key == "union-audit"
    assert certificate.holder_name_bn == union.name_bn
    assert OutboxMessage.objects.filter(template_key="union-return-certified").exists()

    # The union downloads the certificate; another union's representative cannot.
    response = portal.get(f"/bn/union-returns/{annual_return.pk}/certificate/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    other = signed_in_representative(Client(), make_representative(make_union(chattogram)))
    assert other.get(f"/bn/union-returns/{annual_return.pk}/certificate/").status_code == 404

    # Its QR verifies.
    url = urlsplit(verification_url(certificate))
    verified = Client().get(url.path, dict(pair.split("=", 1) for pair in url.query.split("&")))
    assert verified.status_code == 200
    assert certificate.holder_name_bn in verified.content.decode()

    actions = list(AuditEntry.objects.for_object(annual_return).values_list("action", flat=True))
    assert actions == [
        "annualreturn.start",
        "annualreturn.submit",
        "annualreturn.return_to_union",
        "annualreturn.resubmit",
        "annualreturn.accept",
        "annualreturn.certify",
    ]

    # After 30 April, the office's defaulters list names the union that filed nothing, not this one.
    defaulters = examiner_client.get("/admin/workflows/union-returns-defaulters/", {"year": str(YEAR)})
    assert "বিলম্বিত শ্রমিক ইউনিয়ন" in defaulters.content.decode()
    assert union.name_bn not in defaulters.content.decode()


# --- Bad input: a clear answer, nothing changed --------------------------------------------------


def test_negative_amounts_are_refused(portal):
    annual_return = start(portal)
    response = post_return(portal, annual_return, {**FIGURES, "income_donations": "-৫০০"})
    assert response.status_code == 400
    with translation.override("bn"):
        from workflows.core.amounts import NEGATIVE_AMOUNT

        assert str(NEGATIVE_AMOUNT) in response.content.decode()
    annual_return.refresh_from_db()
    assert annual_return.status == S.DRAFT and annual_return.income_donations is None


def test_a_missing_pdf_is_refused(portal):
    annual_return = start(portal)
    response = post_return(portal, annual_return, {**FIGURES, "audit_report": ""}, files=False)
    assert response.status_code == 400
    assert "নিরীক্ষকের প্রতিবেদন (পিডিএফ) সংযুক্ত করুন।" in response.content.decode()
    annual_return.refresh_from_db()
    assert annual_return.status == S.DRAFT and annual_return.version == 0


def test_a_fake_pdf_is_refused(portal):
    annual_return = start(portal)
    fake = SimpleUploadedFile("audit.pdf", "এটি পিডিএফ নয়".encode(), content_type="application/pdf")
    data = {**FIGURES, "submit": "1", "submission_token": token_of(portal, annual_return)}
    response = portal.post(edit_url(annual_return), {**data, "constitution": pdf(), "audit_report": fake})
    assert response.status_code == 400
    [error] = response.context["form"].errors["audit_report"]
    assert "audit.pdf" in error
    assert not ReturnDocument.objects.filter(annual_return=annual_return).exists()
    annual_return.refresh_from_db()
    assert annual_return.status == S.DRAFT


def test_a_second_return_for_the_same_year_is_refused(portal, union):
    start(portal)
    response = portal.post("/bn/union-returns/new/", {"year": "২০২৫"})
    assert response.status_code == 400
    assert "এই বছরের রিটার্ন ইউনিয়নের ইতিমধ্যে আছে" in response.content.decode()
    assert AnnualReturn.objects.filter(union=union).count() == 1
    with pytest.raises(ReturnError):
        start_return(union, YEAR)


@pytest.mark.parametrize("year", [timezone.localdate().year, timezone.localdate().year + 1, 2009])
def test_a_year_not_over_or_before_registration_is_refused(portal, union, year):
    response = portal.post("/bn/union-returns/new/", {"year": str(year)})
    assert response.status_code == 400
    assert not AnnualReturn.objects.filter(union=union).exists()


def test_a_double_click_submits_once(portal):
    annual_return = start(portal)
    token = token_of(portal, annual_return)
    assert post_return(portal, annual_return, FIGURES, token=token).status_code == 302
    assert post_return(portal, annual_return, FIGURES, token=token).status_code == 302
    annual_return.refresh_from_db()
    assert annual_return.version == 1
    assert annual_return.versions.count() == 1


def test_a_return_not_returned_cannot_be_resubmitted(chattogram, union, representative, portal):
    annual_return = submitted_return(chattogram, union=union, representative=representative)
    entries = AuditEntry.objects.count()
    response = post_return(portal, annual_return, {**FIGURES, "auditor_name": "অন্য কেউ"})
    assert response.status_code == 409
    assert "কেবল ইউনিয়নে ফেরত পাঠানো রিটার্নই আবার জমা দেওয়া যায়" in response.content.decode()
    annual_return.refresh_from_db()
    assert (annual_return.status, annual_return.version) == (S.SUBMITTED, 1)
    assert annual_return.auditor_name == FIGURES["auditor_name"]
    assert AuditEntry.objects.count() == entries
    # Nor saved as a draft.
    assert post_return(portal, annual_return, {"auditor_name": "x"}, submit=False, files=False).status_code == 409


def test_another_unions_return_is_404(chattogram, portal):
    other_union = make_union(chattogram)
    theirs = submitted_return(chattogram, union=other_union)
    for url in (
        f"/bn/union-returns/{theirs.pk}/",
        f"/bn/union-returns/{theirs.pk}/edit/",
        f"/bn/union-returns/{theirs.pk}/versions/1/",
        f"/bn/union-returns/{theirs.pk}/documents/{theirs.audit_report_id}/",
        f"/bn/union-returns/{theirs.pk}/certificate/",
    ):
        assert portal.get(url).status_code == 404, url
    assert post_return(portal, theirs, FIGURES, submit=False).status_code == 404
    assert theirs.tracking_number not in portal.get("/bn/union-returns/").content.decode()


def test_an_officer_of_another_office_gets_404(chattogram, demo):
    annual_return = submitted_return(chattogram)
    khulna = Office.objects.get(code="dlo-khulna")
    outsider = signed_in(holder(khulna, UNION_EXAMINER, "uar-outsider"))
    route = open_routes_of(annual_return).get()
    assert outsider.get(f"/admin/workflows/tasks/{route.pk}/").status_code == 404
    assert outsider.get(f"/admin/workflows/union-returns/{annual_return.pk}/").status_code == 404
    assert (
        outsider.get(f"/admin/workflows/union-returns/attachments/{annual_return.audit_report_id}/").status_code == 404
    )
    assert act(outsider, annual_return, {"decision": "accept"}).status_code == 404
    annual_return.refresh_from_db()
    assert annual_return.status == S.SUBMITTED


def test_a_stale_task_form_is_refused(chattogram):
    annual_return = submitted_return(chattogram)
    officer = signed_in(holder(chattogram, UNION_EXAMINER, "uar-examiner"))
    route = open_routes_of(annual_return).get()
    assert act(officer, annual_return, {"decision": "accept"}).status_code == 302
    entries = AuditEntry.objects.count()
    response = officer.post(
        f"/admin/workflows/tasks/{route.pk}/",
        {"post_id": route.post_id, "decision": "return_to_union", "remarks": "x"},
        follow=True,
    )
    assert "Nothing was changed" in response.content.decode() or "কিছুই পরিবর্তন" in response.content.decode()
    annual_return.refresh_from_db()
    assert annual_return.status == S.ACCEPTED
    assert AuditEntry.objects.count() == entries


def test_remarks_are_needed_to_return(chattogram):
    annual_return = submitted_return(chattogram)
    officer = signed_in(holder(chattogram, UNION_EXAMINER, "uar-examiner"))
    response = act(officer, annual_return, {"decision": "return_to_union", "remarks": "  \n "})
    assert response.status_code == 200
    annual_return.refresh_from_db()
    assert annual_return.status == S.SUBMITTED


def test_a_cancelled_union_cannot_submit(chattogram, union, representative, portal):
    annual_return = start(portal)
    union.cancel(datetime.date(2026, 1, 10), "নিবন্ধন বাতিল")
    union.save()
    response = post_return(portal, annual_return, FIGURES)
    assert response.status_code == 403
    annual_return.refresh_from_db()
    assert annual_return.status == S.DRAFT and annual_return.version == 0
    assert portal.post("/bn/union-returns/new/", {"year": "2024"}).status_code == 403
    assert Union.objects.get(pk=union.pk).status == Union.Status.CANCELLED


# --- The union's pages -------------------------------------------------------------------------------


def test_the_unions_page_lists_its_returns(chattogram, union, representative, portal):
    annual_return = submitted_return(chattogram, union=union, representative=representative)
    page = portal.get("/bn/unions/").content.decode()
    assert f"/bn/union-returns/{annual_return.pk}/" in page
    assert "বার্ষিক রিটার্ন" in page


def test_the_english_pages_print_amounts_in_latin_digits(chattogram, union, representative, portal):
    annual_return = submitted_return(chattogram, union=union, representative=representative)
    page = portal.get(f"/en/union-returns/{annual_return.pk}/versions/1/").content.decode()
    assert "12,50,000.50" in page  # total income, lakh grouping
    bengali = portal.get(f"/bn/union-returns/{annual_return.pk}/versions/1/").content.decode()
    assert "১২,৫০,০০০.৫০" in bengali


def test_the_list_of_returns_runs_constant_queries(chattogram, union, representative, portal):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert portal.get("/bn/union-returns/").status_code == 200
        return len(captured)

    submitted_return(chattogram, union=union, representative=representative, year=2020)
    queries()
    few = queries()
    for year in (2021, 2022, 2023):
        submitted_return(chattogram, union=union, representative=representative, year=year)
    assert queries() == few


def test_signed_out_visitors_are_sent_to_the_sign_in_page(chattogram):
    annual_return = submitted_return(chattogram)
    response = Client().get(f"/bn/union-returns/{annual_return.pk}/")
    assert response.status_code == 302 and "/unions/sign-in/" in response["Location"]
    assert "no-cache" in response.get("Cache-Control", "") or "max-age=0" in response.get("Cache-Control", "")


def test_an_oversized_pdf_is_refused_by_name(portal, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    annual_return = start(portal)
    big = pdf("audit.pdf", body="x" * 5000)
    data = {**FIGURES, "submit": "1", "submission_token": token_of(portal, annual_return)}
    response = portal.post(edit_url(annual_return), {**data, "constitution": pdf(), "audit_report": big})
    assert response.status_code == 400
    [error] = response.context["form"].errors["audit_report"]
    assert "নিরীক্ষকের প্রতিবেদন (পিডিএফ)" in error and "১" in error  # the field by name, the limit in Bengali
    assert "constitution" not in response.context["form"].errors
    assert not ReturnDocument.objects.filter(annual_return=annual_return).exists()
