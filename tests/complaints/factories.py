"""Builders for the complaint tests: sample files (good and hostile), form data and complaints."""

import datetime
import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tests.kit.pdf_corpus import HOSTILE, PLAIN
from workflows.complaints.demo import DEMO_EMAIL_DOMAIN
from workflows.complaints.models import Complaint
from workflows.core.demo import text_pdf

TRACKING_NUMBER_RE = re.compile(r"GRS-[0-9A-HJKMNP-TV-Z]{10}")
SUBMISSION_TOKEN_RE = re.compile(r'name="submission_token" value="([^"]+)"')

PDF = text_pdf("Complaint letter")


# What the probe of the running site got accepted as "PDF without scripts" (issue 11), from the kit's corpus.
PDF_WITH_PACKED_JAVASCRIPT = HOSTILE["js_openaction_in_objstm"]()
PDF_WITH_EMBEDDED_EXE = HOSTILE["embedded_exe_gotoe"]()
PDF_WITH_GOTOE = HOSTILE["gotoe_link"]()
PDF_WITH_URI = HOSTILE["uri_action"]()
PDF_WITH_SUBMIT_FORM = HOSTILE["submitform"]()
PDF_WITH_JAVASCRIPT = HOSTILE["js_in_names_tree"]()
# The same action with its name spelt in #xx escapes, as malware does to slip past naive scanners.
PDF_WITH_HIDDEN_LAUNCH = HOSTILE["launch_spelt_in_hex_escapes"]()
# A plain PDF whose objects are compressed: accepted.
PLAIN_COMPRESSED_PDF = PLAIN["object_streams"]()

EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 200
    + b"This program cannot be run in DOS mode."
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def image_bytes(kind="PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 106, 78)).save(buffer, kind)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf(name="letter.pdf"):
    return upload(name, PDF, "application/pdf")


def png(name="photo.png"):
    return upload(name, image_bytes("PNG"), "image/png")


def jpeg(name="photo.jpg"):
    return upload(name, image_bytes("JPEG"), "image/jpeg")


def complaint_data(service, **overrides) -> dict:
    """A valid form submission about `service` (a ServicePage with an office), in Bengali."""
    data = {
        "office": str(service.office_id),
        "service": str(service.pk),
        "subject": "সনদ দিতে দেরি",
        "description": "তিন মাস আগে আবেদন করেছি, এখনও সনদ পাইনি।",
        "occurred_on": (timezone.localdate() - datetime.timedelta(days=10)).isoformat(),
        "desired_remedy": "দ্রুত সনদ দেওয়া হোক।",
        "complainant_name": "করিম",
        "mobile": "০১৭১১-২৩৪৫৬৭",
        "email": "Karim@Example.com",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def form_token(client, page_url) -> str:
    """The one-time submission token of the form on `page_url`, read from the page as a browser sends it."""
    page = client.get(page_url)
    found = SUBMISSION_TOKEN_RE.search(page.text)
    assert found, f"no submission token on {page_url} ({page.status_code})"
    return found.group(1)


def post_form(client, url, data, *, page=None, **kwargs):
    """POST `data` to `url` as the form on `page` (by default `url` itself) does: with that page's token."""
    return client.post(url, {**data, "submission_token": form_token(client, page or url)}, **kwargs)


def filed_complaints():
    """The complaints the test itself filed (the demo data brings complaints of its own)."""
    return Complaint.objects.exclude(email__endswith=DEMO_EMAIL_DOMAIN)


def make_complaint(office, *, status_path=(), **fields) -> Complaint:
    """A stored complaint, moved through the named transitions: ("accept", ("resolve", "text"), …)."""
    values = {
        "office": office,
        "subject": "Late certificate",
        "description": "Applied three months ago.",
        "occurred_on": timezone.localdate() - datetime.timedelta(days=30),
        "desired_remedy": "Issue it.",
        "contact_name": "Karim",
        "mobile": "+8801711234567",
        "email": "karim@example.com",
    } | fields
    complaint = Complaint.objects.create(**values)
    for step in status_path:
        name, *args = (step,) if isinstance(step, str) else step
        getattr(complaint, name)(*args)
        complaint.save()
    return complaint


def stored_files(root) -> list:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
