"""What citizens do with a complaint: file it, find it again, answer a question, appeal. One transaction each."""

import hmac
import secrets
from collections.abc import Iterable
from functools import cache

from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

from workflows.core.codes import normalize_access_code
from workflows.core.services import file_case, transition
from workflows.core.uploads import MAX_FILES, CheckedUpload, FilesRemovedOnRollback, check_upload, save_checked_upload

from .models import Complaint, ComplaintAttachment
from .validators import normalize_bd_mobile


class ComplaintStateError(Exception):
    """The complaint is not (or no longer) in a state that allows this; the message is for the citizen."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


NOT_WAITING_FOR_ANSWER = _("This complaint is no longer waiting for your answer, so nothing was changed.")
APPEAL_NOT_ALLOWED = _(
    "An appeal can be filed only after a decision, or when the due date has passed without one; nothing was changed."
)


# --- Filing -------------------------------------------------------------------------------------


def after_submit(complaint: Complaint) -> None:
    """Inside submit_complaint's transaction: record the filing, queue the acknowledgement, start the process.

    Anything raised here rolls the whole submission back, files included; the acknowledgement is sent
    only after the commit (the notification outbox).
    """
    from .flows import ComplaintFlow

    file_case(complaint)
    ComplaintFlow.start.run(complaint=complaint)


def _checked(files: Iterable) -> list[CheckedUpload]:
    checked = [f if isinstance(f, CheckedUpload) else check_upload(f) for f in files or []]
    if len(checked) > MAX_FILES:
        raise ValidationError(_("Attach at most %(count)s files."), code="too_many_files", params={"count": MAX_FILES})
    return checked


def _store_attachments(complaint: Complaint, uploads: list[CheckedUpload], stored: list[str]) -> None:
    for upload in uploads:
        save_checked_upload(ComplaintAttachment(complaint=complaint, uploaded_by_public=True), upload, stored)


def submit_complaint(cleaned_data: dict, files: Iterable, language: str) -> Complaint:
    """Store a complaint (status "submitted") with its attachments, then call after_submit.

    `cleaned_data` is ComplaintForm's; `files` are uploads (checked again unless already CheckedUpload).
    An anonymous complaint gets an access code: returned once as `complaint.issued_access_code`.
    """
    uploads = _checked(files)
    anonymous = bool(cleaned_data.get("is_anonymous"))
    complaint = Complaint(
        office=cleaned_data["office"],
        service=cleaned_data.get("service"),
        subject=cleaned_data["subject"],
        description=cleaned_data["description"],
        occurred_on=cleaned_data["occurred_on"],
        desired_remedy=cleaned_data["desired_remedy"],
        is_anonymous=anonymous,
        contact_name="" if anonymous else cleaned_data.get("complainant_name", ""),
        mobile="" if anonymous else cleaned_data.get("mobile", ""),
        email="" if anonymous else cleaned_data.get("email", ""),
        language=language if language in ("bn", "en") else "bn",
    )
    complaint.issued_access_code = complaint.issue_access_code() if anonymous else None
    with FilesRemovedOnRollback() as stored, transaction.atomic():
        after_submit(complaint)
        _store_attachments(complaint, uploads, stored)
    return complaint


# --- Finding it again ---------------------------------------------------------------------------


@cache
def _dummy_hash() -> str:
    return make_password(secrets.token_hex(16))


def _same(a: str, b: str) -> bool:
    return bool(a and b) and hmac.compare_digest(a.encode(), b.encode())


def find_complaint(tracking_number: str, contact: str) -> Complaint | None:
    """The complaint with this tracking number whose complainant gave `contact`, else None.

    `contact` is the mobile number or email address given (any spelling of the number, any case of the
    address) or, for an anonymous complaint, its access code. Every call hashes once, whether the number
    exists or not, so the time taken does not tell which numbers exist.
    """
    number = Complaint.normalize_tracking_number(tracking_number)
    complaint = (
        Complaint.objects.select_related("office", "service").filter(tracking_number=number).first() if number else None
    )
    contact = str(contact or "").strip()
    code = normalize_access_code(contact)
    if complaint is None or not complaint.is_anonymous:
        check_password(code, _dummy_hash())
        if complaint is None:
            return None
        try:
            mobile = normalize_bd_mobile(contact)
        except ValidationError:
            mobile = ""
        email = contact.lower() if "@" in contact else ""
        if _same(mobile, complaint.mobile) or _same(email, complaint.email.lower()):
            return complaint
        return None
    return complaint if complaint.check_access_code(code) else None


# --- Answering and appealing --------------------------------------------------------------------


def _locked(complaint: Complaint) -> Complaint:
    """A fresh copy, locked until the transaction ends (on PostgreSQL; SQLite writes one at a time anyway)."""
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


def answer_information_request(complaint: Complaint, text: str, files: Iterable = ()) -> Complaint:
    """Record the complainant's answer to the officer's question (with files); the complaint goes back to review."""
    uploads = _checked(files)
    with FilesRemovedOnRollback() as stored, transaction.atomic():
        current = _locked(complaint)
        if not can_proceed(current.receive_information):
            raise ComplaintStateError(NOT_WAITING_FOR_ANSWER)
        # The answer goes into the audit entry too: the task page's history shows question and answer together.
        transition(current, "receive_information", text, public_text=text)
        _store_attachments(current, uploads, stored)
        from .flows import continue_after_information

        continue_after_information(current)
    return current


def file_appeal(complaint: Complaint, grounds: str) -> Complaint:
    """Appeal against the decision, or against the lack of one once the due date has passed."""
    with transaction.atomic():
        current = _locked(complaint)
        if not current.can_appeal:
            raise ComplaintStateError(APPEAL_NOT_ALLOWED)
        transition(current, "appeal", grounds, comment=grounds)
        from .flows import start_appeal

        start_appeal(current)
    return current
