"""Attachments: accepted for what they are, not what they are called; stored privately; refused cleanly."""

import hashlib
import io
import re

import pytest
from django.conf import settings as django_settings
from django.test.client import MULTIPART_CONTENT, encode_multipart
from django.utils import translation
from PIL import Image

from tests.factories import assert_no_metadata, gps_photo
from tests.kit.pdf_corpus import PLAIN
from workflows.complaints.models import ComplaintAttachment
from workflows.core.uploads import display_name, download_response, private_storage

from .factories import (
    EXE,
    HTML,
    PDF,
    PDF_WITH_EMBEDDED_EXE,
    PDF_WITH_GOTOE,
    PDF_WITH_HIDDEN_LAUNCH,
    PDF_WITH_JAVASCRIPT,
    PDF_WITH_PACKED_JAVASCRIPT,
    PDF_WITH_SUBMIT_FORM,
    PDF_WITH_URI,
    SVG,
    complaint_data,
    filed_complaints,
    form_token,
    image_bytes,
    jpeg,
    pdf,
    png,
    post_form,
    stored_files,
    upload,
)

pytestmark = pytest.mark.django_db

NEW_BN = "/bn/complaints/new/"
NEW_EN = "/en/complaints/new/"
STORED_NAME_RE = re.compile(r"complaints/\d{4}/\d{2}/[0-9a-f]{32}\.(pdf|png|jpg)")


def assert_nothing_stored(private_root):
    assert filed_complaints().count() == 0
    assert ComplaintAttachment.objects.count() == 0
    assert stored_files(private_root) == []


def test_pdf_png_and_jpeg_are_stored_under_random_names_outside_public_folders(client, service, private_root):
    response = post_form(client, NEW_BN, complaint_data(service, attachments=[pdf(), png(), jpeg()]))
    assert response.status_code == 302
    attachments = list(ComplaintAttachment.objects.order_by("pk"))
    assert [a.content_type for a in attachments] == ["application/pdf", "image/png", "image/jpeg"]
    for attachment in attachments:
        assert STORED_NAME_RE.fullmatch(attachment.file.name)
        path = (private_root / attachment.file.name).resolve()
        assert path.is_file()
        assert django_settings.MEDIA_ROOT.resolve() not in path.parents
    assert len(stored_files(private_root)) == 3


BAD_FILES = {
    "exe-renamed-pdf": ("invoice.pdf", EXE, "application/pdf"),
    "html-named-pdf": ("letter.pdf", HTML, "application/pdf"),
    "svg-with-script-named-png": ("photo.png", SVG, "image/png"),
    "svg": ("drawing.svg", SVG, "image/svg+xml"),
    "pdf-with-javascript": ("form.pdf", PDF_WITH_JAVASCRIPT, "application/pdf"),
    "pdf-with-hidden-launch": ("scan.pdf", PDF_WITH_HIDDEN_LAUNCH, "application/pdf"),
    "pdf-with-javascript-in-an-object-stream": ("packed.pdf", PDF_WITH_PACKED_JAVASCRIPT, "application/pdf"),
    "pdf-with-an-embedded-exe": ("attached.pdf", PDF_WITH_EMBEDDED_EXE, "application/pdf"),
    "pdf-opening-an-embedded-file": ("gotoe.pdf", PDF_WITH_GOTOE, "application/pdf"),
    "pdf-opening-a-web-address": ("link.pdf", PDF_WITH_URI, "application/pdf"),
    "pdf-sending-a-form-away": ("submit.pdf", PDF_WITH_SUBMIT_FORM, "application/pdf"),
    "png-header-then-garbage": ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"),
    "empty": ("empty.pdf", b"", "application/pdf"),
}


@pytest.mark.parametrize("case", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_file_is_refused_by_name_and_changes_nothing(client, service, case, private_root):
    name, content, content_type = case
    # A good file beside it is not stored either: the complaint is refused as a whole.
    data = complaint_data(service, attachments=[pdf("good.pdf"), upload(name, content, content_type)])
    response = post_form(client, NEW_EN, data)
    assert response.status_code == 200
    errors = response.context["form"].errors["attachments"]
    assert any(name in error for error in errors), errors
    assert name in response.text
    assert_nothing_stored(private_root)


def test_file_type_error_is_translated(client, service, private_root):
    response = post_form(client, NEW_BN, complaint_data(service, attachments=[upload("invoice.pdf", EXE)]))
    with translation.override("bn"):
        expected = str(
            translation.gettext("“%(name)s” is not a PDF, JPEG or PNG file. Only these kinds of file can be attached.")
        ) % {"name": "invoice.pdf"}
    assert expected in response.text
    assert_nothing_stored(private_root)


def test_file_over_the_limit_is_refused_before_it_is_kept(client, service, settings, private_root):
    settings.ATTACHMENT_MAX_BYTES = 1000
    big = upload("big.pdf", PDF + b"%" * 5000, "application/pdf")
    response = post_form(client, NEW_EN, complaint_data(service, attachments=[pdf("small.pdf"), big]))
    assert response.status_code == 200
    assert "“big.pdf” is larger than 1000" in response.text
    # Refused while the request was read: the form never received the file.
    assert [u.name for u in response.wsgi_request.FILES.getlist("attachments")] == ["small.pdf"]
    assert_nothing_stored(private_root)


def test_a_30_mb_upload_is_refused_cleanly(client, service, private_root):
    huge = upload("scan.pdf", PDF + b"0" * (30 * 1024 * 1024), "application/pdf")
    response = post_form(client, NEW_BN, complaint_data(service, attachments=[huge]))
    assert response.status_code == 200
    assert "“scan.pdf”" in response.text
    assert response.wsgi_request.FILES.getlist("attachments") == []
    assert_nothing_stored(private_root)


def test_at_most_three_files(client, service, private_root):
    files = [pdf("a.pdf"), pdf("b.pdf"), png("c.png"), jpeg("d.jpg")]
    response = post_form(client, NEW_EN, complaint_data(service, attachments=files))
    assert response.status_code == 200
    assert "Attach at most 3 files." in response.text
    assert_nothing_stored(private_root)


@pytest.mark.parametrize(
    ("sent_name", "shown_name"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\system32\\evil.pdf", "evil.pdf"),
        ("/var/www/static/<script>.pdf", "script.pdf"),
        (".htaccess.pdf", "htaccess.pdf"),
    ],
)
def test_path_like_file_name_is_only_display_text(client, service, sent_name, shown_name, private_root):
    data = complaint_data(service, submission_token=form_token(client, NEW_BN), attachments=[pdf("PLACEHOLDER.pdf")])
    body = encode_multipart("BoUnDaRyStRiNg", data)
    body = body.replace(b'filename="PLACEHOLDER.pdf"', f'filename="{sent_name}"'.encode())
    response = client.generic("POST", NEW_BN, body, content_type=MULTIPART_CONTENT)
    assert response.status_code == 302
    attachment = ComplaintAttachment.objects.get()
    assert attachment.original_name == shown_name
    assert STORED_NAME_RE.fullmatch(attachment.file.name)
    files = stored_files(private_root)
    assert len(files) == 1 and private_root.resolve() in files[0].resolve().parents


def test_genuine_image_with_a_wrong_extension_gets_the_right_one(client, service):
    post_form(client, NEW_BN, complaint_data(service, attachments=[upload("scan.pdf", image_bytes("PNG"))]))
    attachment = ComplaintAttachment.objects.get()
    assert attachment.content_type == "image/png"
    assert attachment.original_name == "scan.pdf.png"
    assert attachment.file.name.endswith(".png")


def test_attachments_have_no_url(client, service, private_root):
    post_form(client, NEW_BN, complaint_data(service, attachments=[pdf()]))
    attachment = ComplaintAttachment.objects.get()
    with pytest.raises(ValueError, match="not accessible via a URL"):
        _ = attachment.file.url
    assert private_storage.base_url is None
    name = attachment.file.name
    for url in (f"/media/{name}", f"/bn/media/{name}", f"/static/{name}", f"/bn/{name}", f"/private_media/{name}"):
        assert client.get(url).status_code == 404, url
    complaint = filed_complaints().get()
    status_page = client.get(f"/bn/complaints/status/{complaint.tracking_number}/")
    assert status_page.status_code == 200
    assert name not in status_page.text
    assert "letter.pdf" in status_page.text  # the complainant sees the name only, as text


def test_officer_download_is_an_attachment_never_shown_inline(client, service):
    post_form(client, NEW_BN, complaint_data(service, attachments=[pdf("চিঠি.pdf")]))
    response = download_response(ComplaintAttachment.objects.get())
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    response.close()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("অভিযোগের কাগজ.pdf", "অভিযোগের_কাগজ.pdf"),
        ("john's portrait 2024.jpg", "johns_portrait_2024.jpg"),
        ("", "attachment"),
        ("a" * 300 + ".pdf", "a" * 96 + ".pdf"),
    ],
)
def test_display_name(name, expected):
    assert display_name(name) == expected


def test_system_check_refuses_private_media_inside_media_root(settings):
    from workflows.core.checks import private_media_is_private

    assert private_media_is_private(None) == []
    settings.PRIVATE_MEDIA_ROOT = settings.MEDIA_ROOT / "private"
    assert [e.id for e in private_media_is_private(None)] == ["workflows_core.E001"]


def test_a_pdf_from_chromium_is_accepted_and_one_with_a_packed_script_is_refused_in_bengali(client, service):
    response = post_form(
        client, NEW_BN, complaint_data(service, attachments=[upload("packed.pdf", PDF_WITH_PACKED_JAVASCRIPT)])
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors["attachments"]
    with translation.override("bn"):
        expected = translation.gettext(
            "“%(name)s” contains scripts, web links, embedded files or other actions; attach a plain PDF without "
            "them (for example, a scan of the paper)."
        ) % {"name": "packed.pdf"}
    assert error == expected and "প্রোগ্রাম" not in expected and expected.isascii() is False
    assert ComplaintAttachment.objects.count() == 0

    letter = PLAIN["chromium"]()
    response = post_form(client, NEW_BN, complaint_data(service, attachments=[upload("চিঠি.pdf", letter)]))
    assert response.status_code == 302
    attachment = ComplaintAttachment.objects.get()
    assert attachment.file.open("rb").read() == letter


def test_a_photo_is_stored_without_its_gps_position_and_upright(client, service, private_root):
    photo = gps_photo()
    with Image.open(io.BytesIO(photo)) as original:
        assert original.getexif().get_ifd(0x8825)  # the sample does carry a position
    response = post_form(client, NEW_BN, complaint_data(service, attachments=[upload("IMG_0001.jpg", photo)]))
    assert response.status_code == 302
    attachment = ComplaintAttachment.objects.get()
    stored = (private_root / attachment.file.name).read_bytes()
    assert assert_no_metadata(stored) == (20, 40)  # turned as the orientation said: portrait
    assert attachment.size == len(stored)
    assert attachment.sha256 == hashlib.sha256(stored).hexdigest()


def post_with_file_name(client, url, data, sent_name: str):
    """POST `data` with one attachment whose name (in the part's headers) is `sent_name`, as a browser sends it."""
    data = {**data, "submission_token": form_token(client, url), "attachments": [pdf("PLACEHOLDER.pdf")]}
    body = encode_multipart("BoUnDaRyStRiNg", data)
    body = body.replace(b'filename="PLACEHOLDER.pdf"', b'filename="' + sent_name.encode() + b'"')
    return client.generic("POST", url, body, content_type=MULTIPART_CONTENT)


@pytest.mark.parametrize(
    "sent_name",
    ["a" * 296 + ".pdf", "b" * 996 + ".pdf", "c" * 9996 + ".pdf", "অভিযোগ" * 60 + ".pdf", "d" * 600 + "\x00.pdf"],
    ids=["300", "1000", "10000", "bengali-360", "1000-with-nul"],
)
def test_a_file_name_too_long_keeps_the_form_with_a_translated_message(client, service, sent_name, private_root):
    data = complaint_data(service, subject="দেরিতে সনদ", description="অনেক দিন অপেক্ষা করছি।")
    response = post_with_file_name(client, NEW_BN, data, sent_name)
    assert response.status_code == 200
    form = response.context["form"]
    [error] = form.errors["attachments"]
    with translation.override("bn"):
        message = translation.gettext("“%(name)s…”: this file's name is too long. Rename the file and choose it again.")
    assert message != "“%(name)s…”: this file's name is too long. Rename the file and choose it again."
    assert error == message % {"name": sent_name.replace("\x00", "")[:30]}
    assert error in response.text
    for name in ("subject", "description", "occurred_on", "desired_remedy", "complainant_name", "email"):
        assert form[name].value() == data[name]
    assert "দেরিতে সনদ" in response.text and "অনেক দিন অপেক্ষা করছি।" in response.text
    assert_nothing_stored(private_root)


@pytest.mark.parametrize(
    ("sent_name", "shown_name"),
    [
        ("a" * 250 + ".pdf", "a" * 96 + ".pdf"),
        ("C:\\Users\\karim\\" + "x" * 1200 + "\\চিঠি.pdf", "চিঠি.pdf"),
        ("../" * 400 + "letter.pdf", "letter.pdf"),
        ("let\x00ter.pdf", "letter.pdf"),
    ],
    ids=["250", "long-windows-path", "long-unix-path", "nul"],
)
def test_a_long_but_acceptable_name_is_shortened_with_its_extension(client, service, sent_name, shown_name):
    response = post_with_file_name(client, NEW_BN, complaint_data(service), sent_name)
    assert response.status_code == 302
    attachment = ComplaintAttachment.objects.get()
    assert attachment.original_name == shown_name
    assert STORED_NAME_RE.fullmatch(attachment.file.name)
