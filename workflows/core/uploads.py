"""Case attachments (complaints, answers, officers' comments): private storage, checks by content, upload
limits and officers' downloads.

A file is accepted for what it *is*, not what it is called: a PDF without scripts, a JPEG or a PNG.
It is stored under a random name in a folder outside MEDIA_ROOT and STATIC_ROOT, with no URL; only a
view that has checked the officer's permission may hand it out, as a download (`download_response`).
"""

import hashlib
import io
import os
import re
import unicodedata
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from PIL import Image

from pages.base.bengali_calendar import to_bengali_digits

MAX_FILES = 3
ATTACHMENT_FIELD = "attachments"

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png"}
# Names a file may already carry for its type; any other name gets the right extension appended.
KNOWN_SUFFIXES = {PDF: {".pdf"}, JPEG: {".jpg", ".jpeg"}, PNG: {".png"}}

# What a PDF attached to a case may not hold: scripts (JavaScript, XFA forms), actions that start programs,
# open other files or send data away (Launch, GoToE, GoToR, URI, SubmitForm, ImportData), embedded files and
# rich media. Names may hide letters as #xx, and may sit in compressed object streams (read below).
PDF_NAME_RE = re.compile(rb"/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2})+)")
DANGEROUS_PDF_NAMES = {
    b"JavaScript",
    b"JS",
    b"XFA",
    b"Launch",
    b"GoToE",
    b"GoToR",
    b"URI",
    b"SubmitForm",
    b"ImportData",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
}
PDF_STREAM_RE = re.compile(rb"stream\r?\n")
# Decompressing what an upload's streams hold stops here: more is a decompression bomb, refused as such.
PDF_MAX_INFLATED = 50 * 1024 * 1024

DISPLAY_NAME_MAX = 100


def max_attachment_bytes() -> int:
    return getattr(settings, "ATTACHMENT_MAX_BYTES", 5 * 1024 * 1024)


def local_size(nbytes: int) -> str:
    """`5.0 MB`, in Bengali digits on Bengali pages."""
    text = str(filesizeformat(nbytes))
    return to_bengali_digits(text) if (get_language() or "bn").startswith("bn") else text


# --- Storage ------------------------------------------------------------------------------------


class PrivateMediaStorage(FileSystemStorage):
    """Files with no URL (`url()` raises), under PRIVATE_MEDIA_ROOT, read at each use so tests can move it."""

    @property
    def base_location(self):
        return Path(getattr(settings, "PRIVATE_MEDIA_ROOT", settings.BASE_DIR / "private_media"))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


private_storage = PrivateMediaStorage(file_permissions_mode=0o640, directory_permissions_mode=0o750)


def get_private_storage():
    """The attachments' storage; a callable, so migrations refer to it by name and never to a path."""
    return private_storage


def attachment_path(instance, filename) -> str:
    """A random name, whatever the uploader called the file: no guessing, no clashes, no path tricks.

    The folder is the model's `upload_folder` (complaints/, comments/…), then year and month.
    """
    suffix = Path(filename).suffix.lower()
    if suffix not in EXTENSIONS.values():
        suffix = ""
    return f"{instance.upload_folder}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


# --- Names --------------------------------------------------------------------------------------


def display_name(name: str, content_type: str | None = None) -> str:
    """The uploader's file name as harmless text: `../../etc/passwd.pdf` → `passwd.pdf`.

    Like django.utils.text.get_valid_filename, but keeps Bengali vowel signs (combining marks), which
    `\\w` drops. The name is only ever shown and offered as a download name, never used on disk.
    """
    base = str(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" or c in "-_." else "_" if c.isspace() else "" for c in base)
    kept = kept.strip("._") or "attachment"
    stem, suffix = os.path.splitext(kept)
    if content_type and suffix.lower() not in KNOWN_SUFFIXES[content_type]:
        stem, suffix = kept, EXTENSIONS[content_type]
    return stem[: DISPLAY_NAME_MAX - len(suffix)] + suffix


class FilesRemovedOnRollback:
    """Deletes the files written so far if the transaction fails: a rolled-back request leaves no file."""

    def __init__(self):
        self.names: list[str] = []

    def __enter__(self):
        return self.names

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            for name in self.names:
                private_storage.delete(name)
        return False


# --- Checks by content --------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed `check_upload`: what it is, and the facts stored with it."""

    file: object
    name: str
    content_type: str
    size: int
    sha256: str

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]


def too_large(name) -> ValidationError:
    return ValidationError(
        _("“%(name)s” is larger than %(limit)s."),
        code="file_size",
        params={"name": name, "limit": local_size(max_attachment_bytes())},
    )


def _not_allowed(name):
    return ValidationError(
        _("“%(name)s” is not a PDF, JPEG or PNG file. Only these kinds of file can be attached."),
        code="file_type",
        params={"name": name},
    )


def _has_dangerous_name(data: bytes) -> bool:
    for match in PDF_NAME_RE.finditer(data):
        raw = match.group(1)
        if b"#" in raw:
            raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
        if raw in DANGEROUS_PDF_NAMES:
            return True
    return False


def _inflated_streams(data: bytes):
    """The decompressed contents of the file's Flate streams (object streams hide dictionaries there),
    up to PDF_MAX_INFLATED in all; raises ValueError beyond it."""
    budget = PDF_MAX_INFLATED
    view = memoryview(data)  # no copy of the file per stream
    for match in PDF_STREAM_RE.finditer(data):
        inflater = zlib.decompressobj()
        try:
            chunk = inflater.decompress(view[match.end() :], budget + 1)
        except zlib.error:
            continue  # not a Flate stream (an image's DCT, say): nothing to read in it
        budget -= len(chunk)
        if budget < 0 or inflater.unconsumed_tail:
            raise ValueError("the PDF's streams unpack to more than the limit")
        yield chunk


def _pdf_has_active_content(data: bytes) -> bool:
    if _has_dangerous_name(data):
        return True
    try:
        return any(_has_dangerous_name(chunk) for chunk in _inflated_streams(data))
    except ValueError:
        return True  # a decompression bomb is not a plain PDF either


def _image_format(data: bytes) -> str | None:
    """JPEG or PNG when Pillow reads the file as one and its structure checks out; None otherwise."""
    try:
        # Only these two decoders are tried: a file never reaches Pillow's other format parsers.
        with Image.open(io.BytesIO(data), formats=["JPEG", "PNG"]) as image:
            found = image.format
            image.verify()
    except Exception:  # Pillow raises many kinds of error for broken files; all mean "not an image".
        return None
    return found


def check_upload(upload) -> CheckedUpload:
    """Accept a PDF without scripts or actions, a JPEG or a PNG, within the size limit; else ValidationError.

    The size is checked first, from what the upload handler counted, before the content is read.
    """
    name = display_name(getattr(upload, "name", ""))
    limit = max_attachment_bytes()
    if upload.size is None or upload.size > limit:
        raise too_large(name)
    if upload.size == 0:
        raise ValidationError(_("“%(name)s” is empty."), code="file_empty", params={"name": name})
    upload.seek(0)
    data = upload.read(limit + 1)
    upload.seek(0)
    if len(data) > limit:
        raise too_large(name)
    if data.startswith(b"%PDF-"):
        if _pdf_has_active_content(data):
            raise ValidationError(
                _("“%(name)s” contains scripts or actions; attach a plain PDF (for example, print it to PDF)."),
                code="pdf_active_content",
                params={"name": name},
            )
        content_type = PDF
    elif data.startswith(b"\xff\xd8\xff") and _image_format(data) == "JPEG":
        content_type = JPEG
    elif data.startswith(b"\x89PNG\r\n\x1a\n") and _image_format(data) == "PNG":
        content_type = PNG
    else:
        raise _not_allowed(name)
    return CheckedUpload(
        file=upload,
        name=display_name(upload.name, content_type),
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def save_checked_upload(attachment, upload: CheckedUpload, stored: list[str]) -> None:
    """Fill and save an attachment row (file, original_name, content_type, size, sha256) from a checked upload.

    `stored` collects the file's name, for FilesRemovedOnRollback.
    """
    attachment.original_name = upload.name
    attachment.content_type = upload.content_type
    attachment.size = upload.size
    attachment.sha256 = upload.sha256
    upload.file.seek(0)
    # The name only carries the extension; attachment_path makes the stored name random.
    attachment.file.save(f"upload{upload.extension}", upload.file, save=False)
    stored.append(attachment.file.name)
    attachment.save()


# --- Limits while the request is read -----------------------------------------------------------


class UploadLimitHandler(FileUploadHandler):
    """Stops keeping an attachment once it passes the size limit, and ignores files beyond MAX_FILES.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count file parts, and FILE_UPLOAD_MAX_MEMORY_SIZE only
    chooses memory or a temporary file, so without this a 30 MB upload would be written to disk in full
    before any form sees it. The rest of such a file is read from the connection and thrown away; the
    form then names it as too large (`oversized`) or reports too many files (`extra_files`).
    """

    def __init__(self, request=None, *, field_name=ATTACHMENT_FIELD, limit=max_attachment_bytes, max_files=MAX_FILES):
        super().__init__(request)
        # Other uploads (spreadsheet imports) name their own field, limit (bytes, or a function giving
        # them) and number of files.
        self.limited_field = field_name
        self.limit = limit() if callable(limit) else limit
        self.max_files = max_files
        self.seen = 0
        self.skipping = False
        self.oversized: list[str] = []
        self.extra_files = 0

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        self.skipping = False
        if field_name == self.limited_field:
            self.seen += 1
            # Skipped at the first chunk, not here: raising SkipFile before Django's handlers have opened
            # this file would make the parser close (and delete) the previous file they kept.
            self.skipping = self.seen > self.max_files

    def receive_data_chunk(self, raw_data, start):
        if self.field_name != self.limited_field:
            return raw_data
        if self.skipping:
            self.extra_files += 1
            raise SkipFile()
        if start + len(raw_data) > self.limit:
            self.oversized.append(display_name(self.file_name))
            raise SkipFile()
        return raw_data  # pass the chunk on to Django's own handlers, which keep the file

    def file_complete(self, file_size):
        return None


def limit_uploads(request, **options) -> UploadLimitHandler:
    """Install the limit handler (options: UploadLimitHandler's); call before anything reads request.POST
    or request.FILES.

    A view doing so must be csrf_exempt and check CSRF itself afterwards (csrf_protect on an inner
    view), because the CSRF middleware would otherwise read the body first (Django's documented way).
    """
    handler = UploadLimitHandler(request, **options)
    request.upload_handlers.insert(0, handler)
    return handler


# --- Officers' downloads ------------------------------------------------------------------------


def download_response(attachment) -> FileResponse:
    """The attachment as a download, never shown inline. The caller must have checked the officer's rights."""
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
