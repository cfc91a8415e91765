"""A forwarded case has one access rule everywhere: the forwarding office keeps a read-only view of its
status and of its history up to the forward; comments, files and actions after it belong to the office
that received it. Tried on the task page, comments, comment files, attachments and exports."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import make_user
from workflows.complaints import roles as complaint_roles
from workflows.complaints.models import Complaint, ComplaintAttachment
from workflows.core.models import CaseComment, Office, Post, PostHolding
from workflows.core.services import add_comment
from workflows.core.uploads import check_upload

from .factories import PDF
from .test_process import act, file_complaint, open_route, signed_in

pytestmark = pytest.mark.django_db


def pdf(name):
    return check_upload(SimpleUploadedFile(name, PDF, content_type="application/pdf"))


@pytest.fixture
def forwarded(chattogram, gro, private_root):
    """A complaint Chattogram's GRO commented on and forwarded to Khulna, where it was accepted and commented on."""
    khulna = Office.objects.get(code="dlo-khulna")
    khulna_gro = make_user("khulna-receiver", groups=["Officers"])
    PostHolding.objects.create(
        user=khulna_gro, post=Post.objects.get(office=khulna, role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    )
    complaint = file_complaint(Client(), chattogram, attachments=[SimpleUploadedFile("a.pdf", PDF, "application/pdf")])
    first = open_route(complaint)
    before = add_comment(first, gro, "চট্টগ্রামের মন্তব্য", [pdf("before.pdf")])
    assert act(signed_in(gro), first, decision="forward", to_office=khulna.pk).status_code == 302
    second = open_route(complaint)
    assert second.office == khulna
    receiver = signed_in(khulna_gro)
    assert act(receiver, second, decision="accept").status_code == 302
    after = add_comment(open_route(complaint), khulna_gro, "খুলনার মন্তব্য", [pdf("after.pdf")])
    return {"complaint": complaint, "first": first, "before": before, "after": after, "receiver": receiver}


def test_forwarding_office_sees_status_and_history_up_to_the_forward_read_only(forwarded, gro):
    officer = signed_in(gro)
    page = officer.get(f"/admin/workflows/tasks/{forwarded['first'].pk}/")
    assert page.status_code == 200
    assert "চট্টগ্রামের মন্তব্য" in page.text
    assert "খুলনার মন্তব্য" not in page.text  # after the forward: Khulna's
    assert forwarded["complaint"].description not in page.text  # the case's content is the new office's now
    assert page.context["comment_form"] is None and page.context["form"] is None
    assert page.context["reassign_form"] is None and not page.context["can_claim"]


def test_forwarding_office_cannot_comment_or_act_any_more(forwarded, gro):
    officer = signed_in(gro)
    base = f"/admin/workflows/tasks/{forwarded['first'].pk}"
    comments = CaseComment.objects.count()
    assert officer.post(f"{base}/comment/", {"text": "আরও একটি"}).status_code == 404
    assert officer.post(f"{base}/claim/").status_code == 404
    assert officer.post(f"{base}/reassign/", {"post": forwarded["first"].post_id}).status_code == 404
    assert CaseComment.objects.count() == comments


def test_comment_files_after_the_forward_are_the_receiving_offices(forwarded, gro):
    officer = signed_in(gro)
    base = f"/admin/workflows/tasks/{forwarded['first'].pk}/comment-files"
    assert officer.get(f"{base}/{forwarded['before'].attachments.get().pk}/").status_code == 200
    assert officer.get(f"{base}/{forwarded['after'].attachments.get().pk}/").status_code == 404


def test_attachments_and_exports_follow_the_case_to_its_new_office(forwarded, gro):
    complaint = forwarded["complaint"]
    attachment = ComplaintAttachment.objects.get(complaint=complaint)
    officer = signed_in(gro)
    assert officer.get(f"/admin/workflows/complaints/attachments/{attachment.pk}/").status_code == 404
    assert officer.get(f"/admin/workflows/complaints/{complaint.pk}/").status_code == 404
    export = b"".join(officer.get("/admin/workflows/complaints/?export=csv").streaming_content).decode("utf-8-sig")
    assert complaint.tracking_number not in export
    receiver = forwarded["receiver"]
    assert receiver.get(f"/admin/workflows/complaints/attachments/{attachment.pk}/").status_code == 200
    received = b"".join(receiver.get("/admin/workflows/complaints/?export=csv").streaming_content).decode("utf-8-sig")
    assert complaint.tracking_number in received


def test_receiving_office_works_the_case_in_full(forwarded):
    complaint = Complaint.objects.get(pk=forwarded["complaint"].pk)
    route = open_route(complaint)
    page = forwarded["receiver"].get(f"/admin/workflows/tasks/{route.pk}/")
    assert page.status_code == 200
    assert complaint.description in page.text
    assert "চট্টগ্রামের মন্তব্য" in page.text and "খুলনার মন্তব্য" in page.text
    assert page.context["form"] is not None
