"""Citizens' contact-form submissions (names, e-mails, phones) are read, exported and deleted only by the
"Contact-form readers" group (the demo's approver), not by everyone who may edit the contact page."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.contrib.forms.models import FormSubmission

from pages.contact.models import ContactPage
from tests.factories import make_user

pytestmark = pytest.mark.django_db

CITIZEN = "রহিমা খাতুন"


@pytest.fixture
def contact(demo):
    return demo.page(ContactPage, "bn")


@pytest.fixture
def submission(contact):
    data = {field.clean_name: CITIZEN for field in contact.form_fields.all()}
    return FormSubmission.objects.create(page=contact, form_data=data)


def signed_in(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def refused(response) -> bool:
    """Wagtail's answer to PermissionDenied in the admin: back to the dashboard with its "Sorry, you do not
    have permission" message (a 403 for a script's request)."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def urls(contact, submission):
    listing = f"/admin/forms/submissions/{contact.pk}/"
    return (
        listing,
        f"{listing}?export=csv",
        f"/admin/forms/submissions/{contact.pk}/delete/?selected-submissions={submission.pk}",
    )


def test_the_editor_may_not_read_export_or_delete_submissions(client, contact, submission):
    signed_in(client, "editor")
    listing, export, delete = urls(contact, submission)
    assert refused(client.get(listing)) and refused(client.get(export))
    assert refused(client.get(delete)) and refused(client.post(delete))
    assert client.get(export, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    assert FormSubmission.objects.filter(pk=submission.pk).exists()
    forms = client.get("/admin/forms/")
    assert forms.status_code == 200 and listing not in forms.text  # the list of forms is empty
    # No Forms item in the menu.
    assert '"name": "forms"' not in client.get("/admin/").text


def test_a_contact_form_reader_reads_exports_and_deletes_them(client, contact, submission):
    signed_in(client, "approver")
    listing, export, delete = urls(contact, submission)
    page = client.get(listing)
    assert page.status_code == 200 and CITIZEN in page.text
    csv = client.get(export)
    assert csv.status_code == 200 and CITIZEN in b"".join(csv.streaming_content).decode("utf-8-sig")
    assert '"name": "forms"' in client.get("/admin/").text
    assert client.post(delete).status_code == 302
    assert not FormSubmission.objects.filter(pk=submission.pk).exists()


def test_membership_is_what_decides(client, contact, submission):
    """An editor put in the group reads them; the group comes from a migration, with its permissions."""
    group = Group.objects.get(name="Contact-form readers")
    assert {"access_admin", "view_formsubmission", "delete_formsubmission"} <= {
        p.codename for p in group.permissions.all()
    }
    editor = make_user("editor-reader", groups=["Editors", "Contact-form readers"])
    client.force_login(editor)
    assert client.get(urls(contact, submission)[0]).status_code == 200
