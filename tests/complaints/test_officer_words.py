"""Officers read people's names and kinds of file, not user names and MIME types."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from workflows.complaints.models import Complaint

from .factories import complaint_data, pdf, png, post_form
from .test_process import file_complaint, open_route, signed_in

pytestmark = pytest.mark.django_db


def test_claimed_tasks_name_the_officer_not_the_user_name(chattogram, gro, private_root):
    route = open_route(file_complaint(Client(), chattogram))
    officer = signed_in(gro)
    officer.post("/admin/workflows/tasks/bulk-claim/", {"task": [route.pk]})
    mine = officer.get("/admin/workflows/tasks/mine/").text
    assert gro.get_full_name() and gro.get_full_name() in mine
    assert f">{gro.username}<" not in mine


def test_attachments_show_their_kind_in_words(service, private_root):
    response = post_form(Client(), "/bn/complaints/new/", complaint_data(service, attachments=[pdf(), png()]))
    assert response.status_code == 302
    complaint = Complaint.objects.order_by("-pk").first()
    assert complaint.attachments.count() == 2
    admin = get_user_model().objects.get(username="admin")  # the service's office may be any office
    page = signed_in(admin).get(f"/admin/workflows/complaints/{complaint.pk}/").text
    assert "application/pdf" not in page and "image/png" not in page
    assert "(PDF," in page and "(PNG ছবি," in page
