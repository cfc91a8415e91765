"""Generates the demo documents (tiny valid PDFs) and images (PNGs drawn with Pillow) at load time."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from .files import DOCUMENTS, IMAGES, PLACEHOLDER_NOTE
from .utils import Stats

FLAG_GREEN = (0, 106, 78)
FLAG_RED = (244, 42, 65)


def _pdf_text(value: str) -> str:
    """Latin-1 text for a PDF string literal in a standard font."""
    value = value.encode("latin-1", "replace").decode("latin-1")
    return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF 1.4 with a bold title and lines of text; the same input gives the same bytes."""
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


def make_banner_png(text: str, width: int = 1200, height: int = 600) -> bytes:
    """A green banner with the flag's red disc and a line of text."""
    image = PILImage.new("RGB", (width, height), FLAG_GREEN)
    draw = ImageDraw.Draw(image)
    radius = height // 3
    cx, cy = int(width * 0.45), height // 2
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=FLAG_RED)
    try:
        font = ImageFont.load_default(size=44)
    except TypeError:  # Pillow < 10.1 has no sized default font
        font = ImageFont.load_default()
    draw.rectangle((0, height - 90, width, height), fill=(0, 70, 52))
    draw.text((40, height - 70), text, fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def build_documents(stats: Stats) -> dict:
    """Documents by key, found by title when they already exist."""
    Document = get_document_model()
    collection = Collection.get_first_root_node()
    documents = {}
    for key, (title, filename, lines) in DOCUMENTS.items():
        document = Document.objects.filter(title=title).order_by("pk").first()
        if document is None:
            content = make_pdf(title, [*lines, "", *PLACEHOLDER_NOTE])
            document = Document(title=title, collection=collection, file=ContentFile(content, name=filename))
            document._set_document_file_metadata()
            document.save()
            stats.add("documents")
        documents[key] = document
    return documents


def build_images(stats: Stats) -> dict:
    """Images by key, found by title when they already exist."""
    Image = get_image_model()
    collection = Collection.get_first_root_node()
    images = {}
    for key, (title, filename, alt_text, text) in IMAGES.items():
        image = Image.objects.filter(title=title).order_by("pk").first()
        if image is None:
            image = Image(
                title=title, collection=collection, file=ImageFile(io.BytesIO(make_banner_png(text)), name=filename)
            )
            if hasattr(image, "description"):
                image.description = alt_text
            image._set_image_file_metadata()
            image.save()
            stats.add("images")
        images[key] = image
    return images
