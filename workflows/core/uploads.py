"""Case attachments (complaints, answers, officers' comments): private storage, checks by content, upload
limits and officers' downloads.

A file is accepted for what it *is*, not what it is called: a PDF without scripts or actions (pdfcheck.py), a
JPEG or a PNG (re-encoded without metadata).
It is stored under a random name in a folder outside MEDIA_ROOT and STATIC_ROOT, with no URL; only a
view that has checked the officer's permission may hand it out, as a download (`download_response`).
"""

import hashlib
import io
import os
import re
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.http import parse_header_parameters
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from PIL import Image

from pages.base.bengali_calendar import to_bengali_digits
from pages.base.images import ImageTooLarge, replace_content, without_metadata

from .pdfcheck import PdfVerdict, check_pdf

MAX_FILES = 3
ATTACHMENT_FIELD = "attachments"

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png"}
# Names a file may already carry for its type; any other name gets the right extension appended.
KNOWN_SUFFIXES = {PDF: {".pdf"}, JPEG: {".jpg", ".jpeg"}, PNG: {".png"}}
IMAGE_FORMATS = {JPEG: "JPEG", PNG: "PNG"}  # Pillow's names

# What a PDF may hold is pdfcheck's business; images are re-encoded without their metadata (pages/base/images.py).

DISPLAY_NAME_MAX = 100
# A longer name is no file's: file systems allow 255 characters at most. Such a name is refused with a message
# (the citizen renames the file; UploadLimitHandler.long_names) rather than cut without a word.
FILE_NAME_MAX = 255


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


PDF_ERRORS = {
    PdfVerdict.ACTIVE: (
        _(
            "“%(name)s” contains scripts, web links, embedded files or other actions; attach a plain PDF without "
            "them (for example, a scan of the paper)."
        ),
        "pdf_active_content",
    ),
    PdfVerdict.ENCRYPTED: (
        _("“%(name)s” is protected by a password; attach it without the password."),
        "pdf_encrypted",
    ),
    PdfVerdict.MALFORMED: (
        _("“%(name)s” is damaged or not a complete PDF; save or scan it again and attach the new file."),
        "pdf_malformed",
    ),
    PdfVerdict.TOO_COMPLEX: (
        _("“%(name)s” unpacks to more than can be checked; attach a simpler PDF (for example, a scan)."),
        "pdf_too_complex",
    ),
}


def name_too_long(name) -> ValidationError:
    return ValidationError(
        _("“%(name)s…”: this file's name is too long. Rename the file and choose it again."),
        code="file_name_too_long",
        params={"name": display_name(name)[:30]},
    )


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

    The size is checked first, from what the upload handler counted, before the content
    is read. An image's content is replaced by a copy re-encoded without its metadata (EXIF with the GPS
    position, XMP, comments): the upload and the CheckedUpload both hold the clean copy.
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
        verdict = check_pdf(data)
        if verdict is not PdfVerdict.PLAIN:
            message, code = PDF_ERRORS[verdict]
            raise ValidationError(message, code=code, params={"name": name})
        content_type = PDF
    elif data.startswith(b"\xff\xd8\xff") and _image_format(data) == "JPEG":
        content_type = JPEG
    elif data.startswith(b"\x89PNG\r\n\x1a\n") and _image_format(data) == "PNG":
        content_type = PNG
    else:
        raise _not_allowed(name)
    if content_type in IMAGE_FORMATS:
        try:
            data = without_metadata(data, IMAGE_FORMATS[content_type])
        except ImageTooLarge:
            raise ValidationError(
                _("“%(name)s” has too many pixels; attach a smaller picture."),
                code="image_pixels",
                params={"name": name},
            ) from None
        # In place, so that every caller (and Django's storage, which moves a temporary file) keeps the clean copy.
        replace_content(upload, data)
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
    """Stops keeping an attachment once it passes the size limit or when its name is too long
    (`long_names`), and ignores files beyond MAX_FILES.

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
        # Names longer than FILE_NAME_MAX, as sent: UploadedFile cuts a name to 255 characters silently.
        self.long_names: list[str] = []
        self.name_too_long = False

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        self.skipping = False
        if field_name == self.limited_field:
            self.seen += 1
            # Skipped at the first chunk, not here: raising SkipFile before Django's handlers have opened
            # this file would make the parser close (and delete) the previous file they kept.
            self.skipping = self.seen > self.max_files
            self.name_too_long = not self.skipping and len(file_name or "") > FILE_NAME_MAX
            if self.name_too_long:
                self.long_names.append(file_name)

    def receive_data_chunk(self, raw_data, start):
        if self.field_name != self.limited_field:
            return raw_data
        if self.skipping:
            self.extra_files += 1
            raise SkipFile()
        if self.name_too_long:
            raise SkipFile()
        if start + len(raw_data) > self.limit:
            self.oversized.append(display_name(self.file_name))
            raise SkipFile()
        return raw_data  # pass the chunk on to Django's own handlers, which keep the file

    def file_complete(self, file_size):
        return None


def limit_uploads(request, **options) -> UploadLimitHandler:
    """Install the limit handler (options: UploadLimitHandler's) and the reading of long file names
    (`shorten_long_file_names`); call before anything reads request.POST or request.FILES.

    A view doing so must be csrf_exempt and check CSRF itself afterwards (csrf_protect on an inner
    view), because the CSRF middleware would otherwise read the body first (Django's documented way).
    """
    handler = UploadLimitHandler(request, **options)
    request.upload_handlers.insert(0, handler)
    shorten_long_file_names(request)
    return handler


# Django refuses a multipart part whose headers pass 1024 bytes (multipartparser.MAX_TOTAL_HEADER_SIZE) with a
# bare 400, and the file's name is in those headers: a file named with a long sentence (or 300 Bengali letters)
# would lose the citizen the whole form. Part headers up to LONG_HEADERS_CAP are mended; longer ones are no
# browser's and are left for Django to refuse.
MULTIPART_HEADER_LIMIT = 1024
LONG_HEADERS_CAP = 64 * 1024
FILE_NAME_PARAMETER_RE = re.compile(rb'(;\s*filename(\*?)=)("(?:[^"\\]|\\.)*"|[^;\r\n]*)', re.IGNORECASE)
# What stays of a name too long to keep, for the error message (see name_too_long).
KEPT_NAME_START = 30


def shorten_long_file_names(request) -> None:
    """Have this request's multipart body read with over-long part headers mended (`_mended_headers`), so the
    form comes back with its values and a message on the file instead of a bare 400."""
    if getattr(request, "mends_file_names", False):
        return  # a view with several limited fields installs it once per field
    request.mends_file_names = True
    parse = request.parse_file_upload

    def parse_mended(META, post_data):
        boundary = parse_header_parameters(META.get("CONTENT_TYPE", ""))[1].get("boundary", "")
        if not boundary.isascii() or not boundary:
            return parse(META, post_data)  # Django's parser says what is wrong
        return parse(META, _MendedBody(post_data, b"\r\n--" + boundary.encode("ascii")))

    request.parse_file_upload = parse_mended


def _mended_headers(headers: bytes) -> bytes:
    """A part's headers, short enough for Django: the file name cut to its last path part (as Django does
    anyway) or, when that is still longer than FILE_NAME_MAX, replaced by a name just over it that starts like
    the original, which check_upload then refuses as too long."""
    if len(headers) <= MULTIPART_HEADER_LIMIT:
        return headers
    found = FILE_NAME_PARAMETER_RE.search(headers)
    if found is None:
        return headers
    value = found.group(3).strip().strip(b'"')
    if found.group(2):  # filename*=charset''percent-encoded (RFC 5987)
        value = unquote_to_bytes(value.split(b"'", 2)[-1])
    name = value.decode("utf-8", "replace").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if c.isprintable() and c not in '"\\')
    if len(name) > FILE_NAME_MAX:
        start = name[:KEPT_NAME_START]
        name = start + "_" * (FILE_NAME_MAX + 1 - len(start))
    rest = FILE_NAME_PARAMETER_RE.sub(b"", headers[found.end() :])  # a second spelling (filename*) goes too
    return headers[: found.start()] + b'; filename="' + name.encode() + b'"' + rest


class _MendedBody:
    """A multipart body as Django's parser reads it (`read(size)`), each part's headers through _mended_headers."""

    def __init__(self, stream, delimiter: bytes):
        self._pieces = self._mended(stream, delimiter)
        self._buffer = b""

    def read(self, size=-1):
        while size is None or size < 0 or len(self._buffer) < size:
            piece = next(self._pieces, None)
            if piece is None:
                break
            self._buffer += piece
        size = len(self._buffer) if size is None or size < 0 else size
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out

    @staticmethod
    def _mended(stream, delimiter):
        # The body opens with the delimiter less its CRLF: two bytes are put in front, and never sent on.
        pending, to_drop, in_headers, done = b"\r\n", 2, False, False
        while True:
            piece, more = b"", False
            if in_headers:
                end = pending.find(b"\r\n\r\n")
                if end != -1:
                    piece, pending, in_headers = _mended_headers(pending[: end + 4]), pending[end + 4 :], False
                elif done or len(pending) > LONG_HEADERS_CAP:
                    in_headers = False  # the epilogue, or headers no browser sends: passed on as they are
                else:
                    more = True
            else:
                at = pending.find(delimiter)
                if at != -1:
                    cut = at + len(delimiter)
                    piece, pending, in_headers = pending[:cut], pending[cut:], True
                else:
                    # Keep what could be the start of a delimiter that the next read completes.
                    cut = len(pending) if done else max(len(pending) - len(delimiter) + 1, 0)
                    piece, pending, more = pending[:cut], pending[cut:], not done
            if to_drop and piece:
                dropped = min(to_drop, len(piece))
                piece, to_drop = piece[dropped:], to_drop - dropped
            if piece:
                yield piece
            if done and not pending:
                return
            if more:
                chunk = stream.read(64 * 1024)
                done = not chunk
                pending += chunk


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
