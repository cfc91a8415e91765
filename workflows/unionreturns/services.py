"""What happens to an annual return: started, saved as a draft, submitted (a frozen version), decided, certified.

The union's representative acts through the portal (views.py), officers through the task forms; every state
change goes through core's `file_case` and `transition`. `submission_errors` is the one place that says
whether a return may be submitted, and why not.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from pages.base.templatetags.bangla import local_digits
from workflows.core.amounts import format_amount
from workflows.core.contract import OFFICE_HEAD, nearest_post, transition
from workflows.core.services import record
from workflows.core.uploads import FilesRemovedOnRollback, save_checked_upload

from .models import AMOUNT_FIELDS, AnnualReturn, AnnualReturnVersion, ReturnDocument

CERTIFICATE_KIND = "union-audit"
S = AnnualReturn.Status


class ReturnError(Exception):
    """A refused action of the union; the message is for the representative; nothing was changed."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


CANCELLED = _("The union's registration is cancelled: it cannot send annual returns.")
NOT_EDITABLE = _("This return has been submitted and cannot be changed now. Nothing was changed.")
NOT_RETURNED = _("Only a return sent back to the union can be submitted again. Nothing was changed.")


def year_error(union, year: int, today=None):
    """Why `union` cannot make a return for `year`, or None: the year must be over, and not before registration."""
    today = today or timezone.localdate()
    if year >= today.year:
        return _("The year %(year)s is not over yet: a return is made for a past year.") % {"year": local_digits(year)}
    if year < union.registered_on.year:
        return _("The union was registered in %(registered)s: there is no return for %(year)s.") % {
            "registered": local_digits(union.registered_on.year),
            "year": local_digits(year),
        }
    return None


def start_return(union, year: int, *, representative=None) -> AnnualReturn:
    """A new draft return of `union` for `year` (ReturnError if the union or the year does not allow it)."""
    if not union.may_file:
        raise ReturnError(CANCELLED)
    if (message := year_error(union, year)) is not None:
        raise ReturnError(message)
    duplicate = ReturnError(
        _("The union already has a return for %(year)s: open it from the list.") % {"year": local_digits(year)}
    )
    if AnnualReturn.objects.filter(union=union, year=year).exists():
        raise duplicate
    annual_return = AnnualReturn(
        union=union,
        year=year,
        office=union.office,
        contact_name=representative.name if representative else "",
        mobile=representative.mobile if representative else "",
        language="bn",
    )
    try:
        with transaction.atomic():
            # Born a draft: no state changes here. It reaches the office with its first submission, the
            # transition "submit" (the case's filing in the audit trail); this entry says who started it.
            annual_return.save()
            record(
                "annualreturn.start",
                obj=annual_return,
                case_label=annual_return.tracking_number,
                data={"representative": representative.pk} if representative else None,
            )
            return annual_return
    except IntegrityError:  # two at once: the unique constraint on (union, year) decided
        raise duplicate from None


def save_draft(annual_return: AnnualReturn, data: dict, documents: dict, *, refusal=NOT_EDITABLE) -> AnnualReturn:
    """Store the working copy (figures as given, possibly incomplete) and any new PDFs, under a row lock."""
    with FilesRemovedOnRollback() as stored, transaction.atomic():
        locked = AnnualReturn.objects.select_for_update().select_related("union").get(pk=annual_return.pk)
        if not locked.editable:
            raise ReturnError(refusal)
        if not locked.union.may_file:
            raise ReturnError(CANCELLED)
        for name, value in data.items():
            setattr(locked, name, value)
        for kind, upload in documents.items():
            if upload is None:
                continue
            document = ReturnDocument(annual_return=locked, kind=kind)
            save_checked_upload(document, upload, stored)
            setattr(locked, kind, document)
        locked.save()
    return locked


def submission_errors(annual_return: AnnualReturn) -> dict:
    """{field or None: [messages]} that stop the working copy from being submitted; empty when it may be."""
    errors: dict = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if not annual_return.union.may_file:
        add(None, CANCELLED)
    required = _("Required for submission.")
    for name in (*AMOUNT_FIELDS, "members_at_year_end"):
        if getattr(annual_return, name) is None:
            add(name, required)
    for name in ("officer_changes", "auditor_name", "auditor_qualification"):
        if not getattr(annual_return, name).strip():
            add(name, required)
    if annual_return.constitution_id is None:
        add("constitution", _("Attach the constitution with its amendments (PDF)."))
    if annual_return.audit_report_id is None:
        add("audit_report", _("Attach the auditor's report (PDF)."))
    if not annual_return.declaration:
        add("declaration", _("Tick the declaration to submit the return."))
    figures = annual_return.figures
    balances = ("opening_cash", "opening_bank", "closing_cash", "closing_bank")
    if all(getattr(annual_return, name) is not None for name in balances) and figures.imbalance:
        add(None, imbalance_message(figures))
    return errors


def imbalance_message(figures):
    expected = figures.opening_balance + figures.total_income - figures.total_expenditure
    return _(
        "The accounts do not balance: opening balance %(opening)s + income %(income)s − expenditure "
        "%(expenditure)s = %(expected)s, but the closing balance (cash and bank) is %(closing)s, "
        "a difference of %(difference)s taka."
    ) % {
        "opening": format_amount(figures.opening_balance),
        "income": format_amount(figures.total_income),
        "expenditure": format_amount(figures.total_expenditure),
        "expected": format_amount(expected),
        "closing": format_amount(figures.closing_balance),
        "difference": format_amount(abs(figures.imbalance)),
    }


def submit(annual_return: AnnualReturn, data: dict, documents: dict, *, representative=None) -> AnnualReturn:
    """Save the working copy and submit it as the next version, in one transaction; ValidationError (with
    submission_errors' messages) or ReturnError changes nothing. A first submission starts the process; a
    resubmission after a return sends the case back to the examiner's step that waited for it."""
    from .flows import AnnualReturnFlow, continue_after_resubmission

    with transaction.atomic():
        locked = save_draft(annual_return, data, documents, refusal=NOT_RETURNED)
        if errors := submission_errors(locked):
            raise ValidationError(errors)
        first = locked.status == S.DRAFT
        now = timezone.now()
        if representative is not None:
            locked.contact_name, locked.mobile = representative.name, representative.mobile
        transition(locked, "submit" if first else "resubmit", now, comment=_version_label(locked.version + 1))
        AnnualReturnVersion.objects.create(
            annual_return=locked,
            number=locked.version,
            submitted_at=now,
            submitted_by=representative,
            data=locked.snapshot(),
            constitution=locked.constitution,
            audit_report=locked.audit_report,
        )
        if first:
            AnnualReturnFlow.start.run(annual_return=locked)
        else:
            continue_after_resubmission(locked)
    return locked


def _version_label(number):
    return str(_("Version %(number)s") % {"number": local_digits(number)})


def decide_version(annual_return: AnnualReturn, *, accepted: bool, remarks=()) -> AnnualReturnVersion:
    """The examiner's verdict on the latest version (called by the examination form, under the lock, once the
    return's status allowed it). A return the head sent back is decided again: the later verdict stands."""
    version = annual_return.versions.select_for_update().get(number=annual_return.version)
    version.verdict = AnnualReturnVersion.Verdict.ACCEPTED if accepted else AnnualReturnVersion.Verdict.RETURNED
    version.remarks = list(remarks)
    version.decided_at = timezone.now()
    version.save(update_fields=["verdict", "remarks", "decided_at"])
    return version


# --- The certificate ------------------------------------------------------------------------------


def certificate_context(annual_return: AnnualReturn) -> dict:
    figures = annual_return.versions.get(number=annual_return.version).figures
    union = annual_return.union
    return {
        "union_bn": union.name_bn,
        "union_en": union.name_en or union.name_bn,
        "registration_number": union.registration_number,
        "year": annual_return.year,
        "total_income_bn": format_amount(figures.total_income, bengali=True),
        "total_income_en": format_amount(figures.total_income, bengali=False),
        "total_expenditure_bn": format_amount(figures.total_expenditure, bengali=True),
        "total_expenditure_en": format_amount(figures.total_expenditure, bengali=False),
        "closing_balance_bn": format_amount(figures.closing_balance, bengali=True),
        "closing_balance_en": format_amount(figures.closing_balance, bengali=False),
    }


def issue_return_certificate(annual_return: AnnualReturn):
    """The certificate of the certified return's audited statement, once, with an SMS to each representative.

    Idempotent (the engine issues once per source key; the return keeps the one it got), so the background
    job may run again after a crash.
    """
    from workflows.certificates.services import issue_certificate

    with transaction.atomic():
        locked = AnnualReturn.objects.select_for_update().select_related("union", "office").get(pk=annual_return.pk)
        if locked.status != S.CERTIFIED:
            return None
        if locked.certificate_id:
            return locked.certificate
        union = locked.union
        subject = {}
        for language in ("bn", "en"):
            with override(language):
                subject[language] = str(
                    _("Audited statement of income and expenditure for %(year)s") % {"year": local_digits(locked.year)}
                )
        certificate = issue_certificate(
            kind=CERTIFICATE_KIND,
            source_key=f"unionreturns.return:{locked.pk}",
            holder_name_bn=union.name_bn,
            holder_name_en=union.name_en or union.name_bn,
            subject_bn=subject["bn"],
            subject_en=subject["en"],
            office=locked.office,
            issued_on=timezone.localdate(locked.certified_at),
            signatory_post=nearest_post(locked.office, OFFICE_HEAD),
            language="bn",
            context=certificate_context(locked),
        )
        locked.certificate = certificate
        locked.save(update_fields=["certificate", "updated_at"])
        locked.notify_contact("union-return-certified", f"certificate-{certificate.pk}")
    return certificate
