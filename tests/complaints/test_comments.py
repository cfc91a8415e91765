"""Officers' internal comments on a case: written on the task page with attachments, shown in the
history, downloadable by officers of the case's office only, and refused (changing nothing) when the
input is bad or the officer is from another office."""

import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import make_user
from workflows.complaints import roles as complaint_roles
from workflows.core.models import AuditEntry, CaseComment, CaseCommentAttachment, Post, PostHolding

from .factories import EXE, PDF, pdf, stored_files, upload
from .test_process import file_complaint, open_route, signed_in

pytestmark = pytest.mark.django_db


def comment_url(route):
    return f"/admin/workflows/tasks/{route.pk}/comment/"


def post_comment(client, route, **data):
    return client.post(comment_url(route), data)


@pytest.fixture
def case(chattogram):
    complaint = file_complaint(Client(), chattogram)
    return complaint, open_route(complaint)


def test_officer_comments_with_a_file_and_colleagues_see_and_download_it(case, gro, private_root):
    complaint, route = case
    officer = signed_in(gro)
    before = stored_files(private_root)
    response = post_comment(officer, route, text="মালিকপক্ষের সঙ্গে কথা হয়েছে।", attachments=[pdf("নোট.pdf")])
    assert response.status_code == 302

    comment = CaseComment.objects.for_object(complaint).get()
    assert comment.author == gro and comment.task_id == route.task_id
    assert comment.acting_for == route.post
    attachment = comment.attachments.get()
    assert attachment.original_name == "নোট.pdf" and attachment.content_type == "application/pdf"
    assert attachment.file.name.startswith("comments/")
    assert len(stored_files(private_root)) == len(before) + 1

    entry = AuditEntry.objects.for_object(complaint).get(action="case.comment")
    assert entry.comment == "মালিকপক্ষের সঙ্গে কথা হয়েছে।" and entry.actor == gro
    assert entry.data["attachments"] == ["নোট.pdf"]

    page = officer.get(f"/admin/workflows/tasks/{route.pk}/").text
    assert "মালিকপক্ষের সঙ্গে কথা হয়েছে।" in page
    download_url = f"/admin/workflows/tasks/{route.pk}/comment-files/{attachment.pk}/"
    assert download_url in page
    download = officer.get(download_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")

    # Never shown to the citizen.
    citizen = Client()
    citizen.post("/bn/complaints/status/", {"tracking_number": complaint.tracking_number, "contact": complaint.mobile})
    status_page = citizen.get(f"/bn/complaints/status/{complaint.tracking_number}/").text
    assert "মালিকপক্ষের সঙ্গে কথা হয়েছে।" not in status_page


def test_officer_of_another_office_can_neither_comment_nor_download(case, gro, private_root):
    complaint, route = case
    signed_in(gro).post(comment_url(route), {"text": "ভেতরের নোট", "attachments": [pdf()]})
    attachment = CaseCommentAttachment.objects.get()
    khulna_gro_post = Post.objects.get(office__code="dlo-khulna", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    outsider = make_user("khulna-commenter", groups=["Officers"])
    PostHolding.objects.create(user=outsider, post=khulna_gro_post)
    client = signed_in(outsider)
    files = stored_files(private_root)

    assert post_comment(client, route, text="ঢুকে পড়া মন্তব্য").status_code == 404
    assert client.get(f"/admin/workflows/tasks/{route.pk}/comment-files/{attachment.pk}/").status_code == 404
    assert CaseComment.objects.for_object(complaint).count() == 1
    assert not AuditEntry.objects.filter(action="case.comment", comment="ঢুকে পড়া মন্তব্য").exists()
    assert stored_files(private_root) == files


def test_a_file_of_another_case_is_not_reachable_through_a_visible_task(case, gro, chattogram, private_root):
    _, route = case
    other_route = open_route(file_complaint(Client(), chattogram))
    officer = signed_in(gro)
    officer.post(comment_url(other_route), {"text": "অন্য কেস", "attachments": [pdf()]})
    attachment = CaseCommentAttachment.objects.get()
    assert officer.get(f"/admin/workflows/tasks/{route.pk}/comment-files/{attachment.pk}/").status_code == 404
    assert officer.get(f"/admin/workflows/tasks/{other_route.pk}/comment-files/{attachment.pk}/").status_code == 200


FILE_NOT_ALLOWED = "“%(name)s” is not a PDF, JPEG or PNG file. Only these kinds of file can be attached."


@pytest.mark.parametrize(
    "make_data, message",
    [
        (lambda: {"text": ""}, "This field is required."),
        (lambda: {"text": "ফাইল", "attachments": [upload("report.pdf", EXE, "application/pdf")]}, FILE_NOT_ALLOWED),
    ],
    ids=["empty", "exe-renamed-pdf"],
)
def test_bad_comment_is_refused_with_a_translated_message_and_stores_nothing(
    case, gro, private_root, make_data, message
):
    complaint, route = case
    files = stored_files(private_root)
    entries = AuditEntry.objects.count()
    in_bengali = signed_in(gro).post(comment_url(route), make_data())
    gro.wagtail_userprofile.preferred_language = "en"
    gro.wagtail_userprofile.save()
    in_english = signed_in(gro).post(comment_url(route), make_data())
    assert in_bengali.status_code == in_english.status_code == 200
    params = {"name": "report.pdf"}
    assert message % params in in_english.content.decode()
    with translation.override("bn"):
        bengali = gettext(message) % params
    assert bengali != message % params
    assert bengali in in_bengali.content.decode()
    assert not CaseComment.objects.for_object(complaint).exists()
    assert AuditEntry.objects.count() == entries
    assert stored_files(private_root) == files


def test_oversized_comment_file_is_refused_before_it_is_kept(case, gro, private_root, settings):
    complaint, route = case
    settings.ATTACHMENT_MAX_BYTES = 1000
    gro.wagtail_userprofile.preferred_language = "en"
    gro.wagtail_userprofile.save()
    files = stored_files(private_root)
    big = upload("big.pdf", PDF + b"0" * 5000, "application/pdf")
    response = post_comment(signed_in(gro), route, text="বড় ফাইল", attachments=[big])
    assert response.status_code == 200
    assert "“big.pdf” is larger than 1000" in response.content.decode()
    assert not CaseComment.objects.for_object(complaint).exists()
    assert stored_files(private_root) == files


def test_comment_needs_a_csrf_token(case, gro):
    complaint, route = case
    client = Client(enforce_csrf_checks=True)
    client.force_login(gro)
    assert client.post(comment_url(route), {"text": "নোট"}).status_code == 403
    assert not CaseComment.objects.for_object(complaint).exists()


def test_task_page_queries_do_not_grow_with_comments(case, gro, django_assert_max_num_queries):
    _, route = case
    officer = signed_in(gro)
    post_comment(officer, route, text="প্রথম", attachments=[pdf()])
    with django_assert_max_num_queries(200) as first:
        officer.get(f"/admin/workflows/tasks/{route.pk}/")
    queries_with_one_comment = len(first)  # now: the log is cleared by the next request
    for n in range(5):
        post_comment(officer, route, text=f"আরও {n}", attachments=[pdf(), pdf("b.pdf")])
    with django_assert_max_num_queries(queries_with_one_comment):
        assert officer.get(f"/admin/workflows/tasks/{route.pk}/").status_code == 200
