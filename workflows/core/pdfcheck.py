"""Whether a PDF attached by a citizen, a union or an officer is a plain document: read with pypdf, every object
looked at.

Refused: scripts (JavaScript, XFA forms), actions that start programs, open other files or web addresses or send
data away (Launch, GoToE, GoToR, URI, SubmitForm, ImportData, Rendition, RichMediaExecute), embedded files and
rich media (including file-attachment, screen, 3D and sound annotations). An action that runs when the document
or a page opens (catalog /OpenAction, /AA anywhere) may only go to a place in the document (/GoTo): a viewer runs
it without a click, so nothing else is worth the risk; an /OpenAction that is a bare destination ([page /Fit])
is no action at all and is kept.

Attackers hide such dictionaries in compressed object streams and in objects nothing refers to, so the check
does not follow the catalog alone: it reads every object the cross-reference lists (pypdf rebuilds the list by
scanning the file when it is damaged, as viewers do) and looks inside each, directly nested values included.
Reading is bounded: each decompressed stream (object streams are the only ones read) by PDF_MAX_INFLATED, the
whole check by PDF_CHECK_SECONDS and PDF_MAX_OBJECTS.
"""

import io
import time
from enum import Enum

from pypdf import PasswordType, PdfReader, apply_configuration
from pypdf.errors import DependencyError, LimitReachedError, PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# One decompressed stream may not exceed this (pypdf's default is 75 MB); more is a decompression bomb.
PDF_MAX_INFLATED = 10 * 1024 * 1024
PDF_CHECK_SECONDS = 5
PDF_MAX_OBJECTS = 200_000
# Nesting of direct values inside one object; deeper is not a document, it is an attack on the checker.
PDF_MAX_DEPTH = 50

REFUSED_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/GoToE",
    "/GoToR",
    "/URI",
    "/SubmitForm",
    "/ImportData",
    "/Rendition",
    "/RichMediaExecute",
}
# Keys that only scripts, XFA forms, embedded files and rich media use.
REFUSED_KEYS = {
    "/JS",
    "/JavaScript",
    "/XFA",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/EF",
    "/RichMedia",
    "/RichMediaContent",
    "/RichMediaSettings",
}
REFUSED_TYPES = {"/EmbeddedFile", "/RichMediaContent"}
REFUSED_ANNOTATIONS = {"/FileAttachment", "/RichMedia", "/Screen", "/3D", "/Sound", "/Movie"}
# What an automatic action (/OpenAction, /AA) may do.
AUTOMATIC_ACTIONS = {"/GoTo"}


class PdfVerdict(Enum):
    PLAIN = "plain"
    ACTIVE = "active"  # scripts, actions, embedded files
    ENCRYPTED = "encrypted"  # needs a password to open
    MALFORMED = "malformed"  # not a readable PDF
    TOO_COMPLEX = "too_complex"  # unpacks beyond the limits


class _Refused(Exception):
    def __init__(self, verdict):
        self.verdict = verdict


def check_pdf(data: bytes) -> PdfVerdict:
    """What `data` (the whole file) is, as far as an attachment is concerned."""
    try:
        with apply_configuration(
            zlib_maximum_output_length=PDF_MAX_INFLATED,
            lzw_maximum_output_length=PDF_MAX_INFLATED,
            run_length_maximum_output_length=PDF_MAX_INFLATED,
            array_based_stream_maximum_output_length=PDF_MAX_INFLATED,
            brotli_maximum_output_length=PDF_MAX_INFLATED,
        ):
            _check(data)
    except _Refused as refused:
        return refused.verdict
    except (LimitReachedError, MemoryError, RecursionError):
        return PdfVerdict.TOO_COMPLEX
    except (PyPdfError, DependencyError, ValueError, TypeError, KeyError, AttributeError, IndexError, OSError):
        # pypdf raises these (and more of Python's own) for files it cannot make sense of.
        return PdfVerdict.MALFORMED
    return PdfVerdict.PLAIN


def _check(data: bytes) -> None:
    # A file cut short (an interrupted download) has no end marker; pypdf would quietly read what is there.
    if b"%%EOF" not in data[-1024:]:
        raise _Refused(PdfVerdict.MALFORMED)
    reader = PdfReader(io.BytesIO(data), strict=False)
    # Many PDFs are encrypted with an empty user password only to restrict printing: those open freely.
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise _Refused(PdfVerdict.ENCRYPTED)
    catalog = reader.trailer.get("/Root")
    catalog = catalog.get_object() if catalog is not None else None
    if not isinstance(catalog, DictionaryObject) or len(reader.pages) < 1:
        raise _Refused(PdfVerdict.MALFORMED)
    deadline = time.monotonic() + PDF_CHECK_SECONDS
    _check_value(reader.trailer, 0)
    numbers = [(num, gen) for gen, objects in reader.xref.items() for num in objects]
    numbers += [(num, 0) for num in reader.xref_objStm]
    if len(numbers) > PDF_MAX_OBJECTS:
        raise _Refused(PdfVerdict.TOO_COMPLEX)
    for num, gen in numbers:
        if time.monotonic() > deadline:
            raise _Refused(PdfVerdict.TOO_COMPLEX)
        _check_value(reader.get_object(IndirectObject(num, gen, reader)), 0)


def _check_value(value, depth: int) -> None:
    """Refuse what `value` holds, looking into direct dictionaries and arrays (other objects get their turn)."""
    if depth > PDF_MAX_DEPTH:
        raise _Refused(PdfVerdict.TOO_COMPLEX)
    if isinstance(value, DictionaryObject):  # streams too: their dictionary is what matters, not their data
        _check_dictionary(value)
        children = value.values()
    elif isinstance(value, ArrayObject):
        children = value
    else:
        return
    for child in children:
        if not isinstance(child, IndirectObject):
            _check_value(child, depth + 1)


def _check_dictionary(dictionary: DictionaryObject) -> None:
    if (
        REFUSED_KEYS.intersection(dictionary.keys())
        or dictionary.get("/S") in REFUSED_ACTIONS
        or dictionary.get("/Type") in REFUSED_TYPES
        or dictionary.get("/Subtype") in REFUSED_ANNOTATIONS
    ):
        raise _Refused(PdfVerdict.ACTIVE)
    if "/OpenAction" in dictionary:
        opening = _resolved(dictionary["/OpenAction"])
        if isinstance(opening, DictionaryObject):  # an action; an array is a destination, harmless
            _check_automatic_action(opening)
        elif not isinstance(opening, ArrayObject):
            raise _Refused(PdfVerdict.ACTIVE)
    if "/AA" in dictionary:
        triggers = _resolved(dictionary["/AA"])
        if not isinstance(triggers, DictionaryObject):
            raise _Refused(PdfVerdict.ACTIVE)
        for action in triggers.values():
            _check_automatic_action(_resolved(action))


def _check_automatic_action(action, hops: int = 0) -> None:
    """An action a viewer runs by itself: only /GoTo, and so for every action it chains to (/Next)."""
    if not isinstance(action, DictionaryObject) or action.get("/S") not in AUTOMATIC_ACTIONS or hops > PDF_MAX_DEPTH:
        raise _Refused(PdfVerdict.ACTIVE)
    following = _resolved(action.get("/Next"))
    for nxt in following if isinstance(following, ArrayObject) else [following] if following is not None else []:
        _check_automatic_action(_resolved(nxt), hops + 1)


def _resolved(value):
    return value.get_object() if isinstance(value, IndirectObject) else value
