"""Generates the demo documents (Bengali PDFs printed by headless Chromium) and images (Pillow) at load time.

The PDFs are printed by the certificate engine's renderer (workflows/certificates/pdf.py): one Chromium,
started once, shapes Bengali with the shipped font, where a hand-written PDF in a standard font cannot.
A printed document is kept for the life of the process, so a test session that reloads the demo prints
each one once. Should Chromium be missing, a one-page placeholder in a standard font stands in, so the
demo still loads.
"""

import functools
import io
import logging
import math

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from . import content_bn as bn
from .files import DEMO_NOTE, DEPARTMENT, DOCUMENTS, GOVERNMENT, IMAGES, MINISTRY
from .utils import Stats

logger = logging.getLogger(__name__)

FLAG_GREEN = (0, 106, 78)
FLAG_RED = (244, 42, 65)


def _pdf_text(value: str) -> str:
    """Latin-1 text for a PDF string literal in a standard font."""
    value = value.encode("latin-1", "replace").decode("latin-1")
    return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF 1.4 in Helvetica (Latin text only): the stand-in when Chromium cannot print."""
    ops = ["BT", "/F1 16 Tf", "72 770 Td", f"({_pdf_text(title)}) Tj", "/F2 11 Tf", "16 TL", "0 -12 Td"]
    for line in lines:
        ops += ["T*", f"({_pdf_text(line)}) Tj"]
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title (" + _pdf_text(title).encode("latin-1") + b") /Producer (MoLE portal demo data) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, len(objects))
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def document_context(key: str) -> dict:
    """What the demo document template prints for one document."""
    from workflows.certificates.rendering import font_css

    doc = DOCUMENTS[key]
    context = {
        "font_css": mark_safe(font_css()),  # noqa: S308 (the shipped font files, base64)
        "government": GOVERNMENT,
        "title": doc.title,
        "issuer": doc.issuer,
        "reference": doc.reference,
        "paragraphs": doc.paragraphs,
        "points": doc.points,
        "demo_note": DEMO_NOTE,
    }
    if key == "minutes-2021-11-23":  # the seed's own text, as the minutes page shows it
        m = bn.MINUTES
        context.update(
            issuer=m["letterhead"].split("\n")[1:],
            reference=f"স্মারক নম্বর: {m['memo_number']}, তারিখ: ০২ ডিসেম্বর ২০২১",
            heading=m["title"],
            facts=[
                ("সভাপতি", m["chair"]),
                ("সভার তারিখ", "২৩/১১/২০২১ খ্রি."),
                ("সভার সময়", m["meeting_time"]),
                ("স্থান", m["venue"]),
                ("উপস্থিতি", m["attendance"]),
            ],
            paragraphs=[m["proceedings"], m["decisions_intro"]],
            row_heads=["ক্রম", "বিষয়বস্তু", "সিদ্ধান্ত", "বাস্তবায়নকারী"],
            rows=[(number, *row) for number, row in zip("১২৩৪৫৬৭৮৯", m["decisions"], strict=False)],
            closing=[m["closing"]],
            signature=f"{m['signatory_name']}\n{m['signatory_designation']}",
            distribution_heading=m["distribution_heading"],
            distribution=m["distribution"],
        )
    return context


def document_html(key: str) -> str:
    return render_to_string("base/demo/document.html", document_context(key))


@functools.cache
def document_pdf(key: str) -> bytes:
    """The document printed to PDF (kept for the process: the same demo text prints the same document)."""
    from workflows.certificates.pdf import RenderError, html_to_pdf

    html = document_html(key)
    try:
        return html_to_pdf(html)
    except (RenderError, TimeoutError) as error:  # no Chromium here: the demo still loads, with a placeholder
        logger.warning("demo document %s printed as a placeholder: %s", key, error)
        doc = DOCUMENTS[key]
        return make_pdf(doc.legacy_title or doc.filename, [f"{MINISTRY} / {DEPARTMENT}", "Demo document."])


def _flag_green_shade(t: float) -> tuple[int, int, int]:
    """The flag's green, lighter towards t = 1 (a soft left-to-right gradient)."""
    light = (11, 138, 102)
    return tuple(round(a + (b - a) * t) for a, b in zip(FLAG_GREEN, light, strict=True))


def make_banner_png(variant: str, width: int = 1200, height: int = 600) -> bytes:
    """A banner without words: the flag's green and red disc ("flag"), or the disc rising over a green
    horizon ("sunrise"). Drawn at twice the size and scaled down, so the edges are smooth."""
    scale = 2
    w, h = width * scale, height * scale
    image = PILImage.new("RGB", (w, h), FLAG_GREEN)
    draw = ImageDraw.Draw(image)
    for x in range(0, w, 8):
        draw.rectangle((x, 0, x + 8, h), fill=_flag_green_shade(x / w))
    if variant == "sunrise":
        radius = h * 0.26
        cx, cy = w * 0.5, h * 0.62
        for i in range(14, 0, -1):  # a faint halo around the sun
            r = radius + i * h * 0.018
            tint = _flag_green_shade(0.5 + i / 40)
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=tuple(min(255, c + (14 - i) * 3) for c in tint))
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=FLAG_RED)
        horizon = []
        for i in range(101):  # a gentle hill in the flag's darker green, over the lower half of the sun
            x = w * i / 100
            horizon.append((x, h * 0.72 - math.sin(math.pi * i / 100) * h * 0.1))
        draw.polygon([(0, h), *horizon, (w, h)], fill=(0, 78, 57))
        draw.line(horizon, fill=(255, 255, 255), width=round(h * 0.012), joint="curve")
    else:
        radius = h / 3
        cx, cy = w * 0.45, h / 2
        ring = h * 0.012
        for r, fill in ((radius + ring * 3, (255, 255, 255)), (radius + ring, _flag_green_shade(0.45))):
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=FLAG_RED)
        for i in range(1, 6):  # thin lines fanning to the right: a flag in the wind
            y = h * i / 6
            draw.line((w * 0.78, y, w, y + h * 0.04 * (i - 3)), fill=_flag_green_shade(0.75), width=scale * 3)
    image = image.resize((width, height), PILImage.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _find(model, title: str, legacy_title: str):
    """(object, found under its old English title), or (None, False)."""
    found = model.objects.filter(title=title).order_by("pk").first()
    if found is None and legacy_title:
        found = model.objects.filter(title=legacy_title).order_by("pk").first()
        return found, found is not None
    return found, False


def build_documents(stats: Stats) -> dict:
    """Documents by key, found by title when they already exist; one from an earlier demo (an English
    placeholder) is given its Bengali title and printed document."""
    Document = get_document_model()
    collection = Collection.get_first_root_node()
    documents = {}
    for key, doc in DOCUMENTS.items():
        document, legacy = _find(Document, doc.title, doc.legacy_title)
        if document is None or legacy:
            content = ContentFile(document_pdf(key), name=doc.filename)
            if document is None:
                document = Document(collection=collection)
                stats.add("documents")
            else:
                stats.touch("documents")
            document.title = doc.title
            document.file = content
            document._set_document_file_metadata()
            document.save()
        documents[key] = document
    return documents


def build_images(stats: Stats) -> dict:
    """Images by key, found by title when they already exist (one under its old title is redrawn)."""
    Image = get_image_model()
    collection = Collection.get_first_root_node()
    images = {}
    for key, spec in IMAGES.items():
        image, legacy = _find(Image, spec.title, spec.legacy_title)
        if image is None or legacy:
            content = ImageFile(io.BytesIO(make_banner_png(spec.variant)), name=spec.filename)
            if image is None:
                image = Image(collection=collection)
                stats.add("images")
            else:
                image.renditions.all().delete()  # drawn from the old picture
                stats.touch("images")
            image.title = spec.title
            image.file = content
            if hasattr(image, "description"):
                image.description = spec.alt_text
            image._set_image_file_metadata()
            image.save()
        images[key] = image
    return images
