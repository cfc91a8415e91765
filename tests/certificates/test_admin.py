"""The certificates in the admin: office-scoped read-only list and inspect page, PDF download, revocation
by the office head only, constant query counts; the kinds' wording checks and preview; signature uploads."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from tests.factories import make_user
from workflows.certificates.models import Certificate, CertificateKind, Signature
from workflows.core.models import AuditEntry, Post, PostHolding
from workflows.core.roles import OFFICE_HEAD

from .conftest import HOLDER_BN, signed_in

pytestmark = pytest.mark.django_db

INDEX = "/admin/workflows/certificates/"


@pytest.fixture
def outsider(demo):
    """An officer who holds the head post of DLO Khulna: none of Chattogram's certificates are theirs."""
    user = make_user("khulna-officer", groups=["Officers"])
    PostHolding.objects.create(user=user, post=Post.objects.get(office__code="dlo-khulna", role=OFFICE_HEAD))
    return user


def test_list_and_inspect_page_show_the_certificate_and_its_history(issue, officer):
    certificate = issue()
    client = signed_in(officer)
    listing = client.get(INDEX)
    assert listing.status_code == 200
    assert certificate.serial_display in listing.text and f"{INDEX}{certificate.pk}/" in listing.text
    page = client.get(f"{INDEX}{certificate.pk}/")
    assert page.status_code == 200
    assert HOLDER_BN in page.text and "সনদ দেওয়া হয়েছে" in page.text  # the history: "Certificate issued"
    assert "এই সনদ বাতিল করুন" not in page.text  # the GRO is not the office head
    assert f"{INDEX}{certificate.pk}/pdf/" in page.text


def test_search_finds_a_serial_as_typed(issue, officer):
    certificate = issue()
    other = issue(source_key="x", holder_name_bn="অন্য", holder_name_en="Other")
    listing = signed_in(officer).get(INDEX, {"q": certificate.serial_display.lower()})
    assert certificate.serial_display in listing.text and other.serial_display not in listing.text


def test_officers_of_other_offices_get_404_everywhere(issue, outsider, head):
    certificate = issue()
    client = signed_in(outsider)
    assert certificate.serial_display not in client.get(INDEX).text
    assert client.get(f"{INDEX}{certificate.pk}/").status_code == 404
    assert client.get(f"{INDEX}{certificate.pk}/pdf/").status_code == 404
    assert client.post(f"{INDEX}{certificate.pk}/revoke/", {"reason": "x"}).status_code == 404
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"


def test_pdf_download_is_the_stored_file_as_a_private_attachment(issue, officer):
    certificate = issue()
    response = signed_in(officer).get(f"{INDEX}{certificate.pk}/pdf/")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body == certificate.pdf.open("rb").read()
    assert response["Content-Type"] == "application/pdf" and "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_office_head_revokes_through_the_form_and_the_history_shows_it(issue, head):
    certificate = issue()
    client = signed_in(head)
    page = client.get(f"{INDEX}{certificate.pk}/")
    assert "এই সনদ বাতিল করুন" in page.text
    response = client.post(f"{INDEX}{certificate.pk}/revoke/", {"reason": "ভুল ব্যাচে দেওয়া"}, follow=True)
    assert response.status_code == 200
    assert "সনদটি বাতিল করা হয়েছে" in response.text and "সনদ বাতিল করা হয়েছে" in response.text
    assert Certificate.objects.get(pk=certificate.pk).status == "revoked"


def test_revoke_form_refuses_a_blank_reason_and_other_posts(issue, head, officer):
    certificate = issue()
    blank = signed_in(head).post(f"{INDEX}{certificate.pk}/revoke/", {"reason": " "}, follow=True)
    assert "বাতিলের কারণ লিখুন" in blank.text
    other = signed_in(officer).post(f"{INDEX}{certificate.pk}/revoke/", {"reason": "x"}, follow=True)
    assert "কেবল প্রদানকারী দপ্তরের প্রধান" in other.text
    assert signed_in(head).get(f"{INDEX}{certificate.pk}/revoke/").status_code == 405
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"
    assert not AuditEntry.objects.for_object(certificate).filter(action="certificate.revoke").exists()


def test_no_add_edit_or_delete_views(issue, demo):
    from django.contrib.auth import get_user_model

    certificate = issue()
    admin = signed_in(get_user_model().objects.get(username="admin"))
    for path in (f"{INDEX}add/", f"{INDEX}{certificate.pk}/edit/", f"{INDEX}{certificate.pk}/delete/"):
        assert admin.get(path).status_code == 404, path


def _list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INDEX)
    assert response.status_code == 200
    return len(queries)


def test_the_list_runs_a_constant_number_of_queries(issue, officer, kind, chattogram, head_post):
    from workflows.certificates.models import Certificate as Model

    client = signed_in(officer)
    for i in range(3):
        issue(source_key=f"q-{i}")
    client.get(INDEX)  # warm the access cache, as any later page finds it
    three = _list_queries(client)
    template = Model.objects.first()
    Model.objects.bulk_create(
        [
            Model(
                **{
                    f.attname: getattr(template, f.attname)
                    for f in Model._meta.concrete_fields
                    if f.name not in ("id", "serial", "source_key")
                },
                serial=f"{i:010d}",
                source_key=f"bulk-{i}",
            )
            for i in range(17)
        ]
    )
    assert _list_queries(client) == three


# --- Certificate kinds -----------------------------------------------------------------------------


def test_unknown_placeholders_and_template_syntax_are_refused_with_their_names(kind):
    from django.core.exceptions import ValidationError

    kind.body_bn = "{holder_name} {colour} ঝালাই"
    with pytest.raises(ValidationError) as error:
        kind.full_clean()
    assert "{colour}" in str(error.value.message_dict["body_bn"])
    kind.body_bn = "{{ settings.SECRET_KEY }} {% debug %}"
    with pytest.raises(ValidationError) as error:
        kind.full_clean()
    assert "body_bn" in error.value.message_dict
    kind.body_bn = "{holder_name} {course} প্রশিক্ষণ"
    kind.full_clean()


def test_editor_wording_is_escaped_never_run_as_a_template(issue, kind):
    from workflows.certificates.rendering import certificate_html

    kind.body_bn = "<script>alert(1)</script> {course} {{ 7|add:1 }}"
    kind.save()
    certificate = issue()
    html = certificate_html(certificate, language="bn", url="https://x/bn/verify/A/")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "{{ 7|add:1 }}" in html or "{{ 7|add:1 }}".replace("|", "&#x7C;") in html
    assert ">8<" not in html


def test_kind_editor_shows_the_translated_error_naming_the_placeholder(kind, demo):
    from django.contrib.auth import get_user_model

    admin = signed_in(get_user_model().objects.get(username="admin"))
    url = f"/admin/snippets/certificates/certificatekind/edit/{kind.pk}/"
    assert admin.get(url).status_code == 200
    data = {
        "name_bn": kind.name_bn,
        "name_en": kind.name_en,
        "layout": "banded",
        "title_bn": kind.title_bn,
        "title_en": kind.title_en,
        "body_bn": "{holder_name} {colour}",
        "body_en": kind.body_en,
        "signatory_line_bn": "",
        "signatory_line_en": "",
        "extra_placeholders": kind.extra_placeholders,
    }
    response = admin.post(url, data)
    assert response.status_code == 200 and "অজানা স্থানধারক: {colour}" in response.text
    assert CertificateKind.objects.get(pk=kind.pk).layout == "classic"  # nothing saved


@pytest.mark.parametrize(("mode", "words"), [("bn", ["প্রশিক্ষণ সনদপত্র", "লক্ষ্মী"]), ("en", ["Certificate of training"])])
def test_kind_preview_renders_the_printed_page_in_each_language(kind, demo, mode, words):
    from django.contrib.auth import get_user_model

    admin = signed_in(get_user_model().objects.get(username="admin"))
    url = f"/admin/snippets/certificates/certificatekind/preview/{kind.pk}/"
    fields = ("name_bn", "name_en", "layout", "title_bn", "title_en", "body_bn", "body_en", "extra_placeholders")
    data = {name: getattr(kind, name) for name in fields}
    assert admin.post(url, {**data, "signatory_line_bn": "", "signatory_line_en": ""}).json()["is_valid"]
    response = admin.get(url, {"mode": mode})
    assert response.status_code == 200
    for word in words:
        assert word in response.text
    assert "@font-face" in response.text and "<svg" in response.text  # the same page as the PDF's


def test_seed_kind_creates_a_missing_kind_and_never_overwrites_an_edited_one(kind):
    from django.apps import apps

    from workflows.certificates.seeding import seed_kind

    operation = seed_kind(
        "audit-return", name_bn="ক", name_en="A", title_bn="খ", title_en="B", body_bn="গ", body_en="C"
    )
    operation.code(apps, None)
    assert CertificateKind.objects.get(key="audit-return").name_en == "A"
    seed_kind(kind.key, name_en="Overwritten").code(apps, None)
    assert CertificateKind.objects.get(pk=kind.pk).name_en == "Training certificate"


# --- Signatures ----------------------------------------------------------------------------------


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_signature_upload_is_checked_by_content_and_printed_on_the_certificate(head_post, issue, demo):
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile

    admin = signed_in(get_user_model().objects.get(username="admin"))
    add = "/admin/snippets/certificates/signature/add/"
    fake = SimpleUploadedFile("sign.png", b"<html>not an image</html>", content_type="image/png")
    refused = admin.post(add, {"post": head_post.pk, "image": fake})
    assert refused.status_code == 200 and not Signature.objects.exists()
    good = SimpleUploadedFile("scan.jpeg", _png(), content_type="image/jpeg")
    assert admin.post(add, {"post": head_post.pk, "image": good}).status_code == 302
    signature = Signature.objects.get(post=head_post)
    assert signature.content_type == "image/png" and signature.image.name.endswith(".png")

    from workflows.certificates.rendering import certificate_html

    html = certificate_html(issue(), language="bn", url="https://x/bn/verify/A/")
    assert "data:image/png;base64," in html


def test_officers_cannot_manage_kinds_or_signatures(officer):
    client = signed_in(officer)
    for path in ("/admin/snippets/certificates/certificatekind/", "/admin/snippets/certificates/signature/add/"):
        assert client.get(path).status_code in (302, 403), path
