"""The union's annual returns on the portal: the list (also a section of the union's page), a new return, the
draft (saved any time, submitted when complete), each submitted version with the officers' remarks, the
PDFs sent, and the certificate.

Only a signed-in representative of the union sees its returns (`union_required`); another union's return is
404, as if it did not exist. Submitting carries a one-time token, so a double click submits one version.
None of these pages may be cached.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from workflows.certificates.services import pdf_response
from workflows.core.public import SubmissionToken, submission_pending
from workflows.core.uploads import download_response, limit_uploads
from workflows.unions.portal import union_required

from .forms import DOCUMENT_FIELDS, ReturnForm, StartForm
from .models import AnnualReturn
from .services import ReturnError, save_draft, start_return, submission_errors, submit

SUBMITTING = SubmissionToken("unionreturns:submit")  # scoped to the return


def _submission_scope(annual_return) -> str:
    return str(annual_return.pk)


def pdf_uploads_limited(view):
    """The constitution and the auditor's report: each limited before the body is read, then CSRF checked
    (as core's `upload_limited`, for two named file fields of one file each)."""
    protected = csrf_protect(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.upload_limits = [limit_uploads(request, field_name=name, max_files=1) for name in DOCUMENT_FIELDS]
        return protected(request, *args, **kwargs)

    return csrf_exempt(wrapper)


def returns_of(union):
    return AnnualReturn.objects.filter(union=union).select_related("certificate").order_by("-year")


def _return_or_404(request, pk):
    """The session's union's return, or 404 (another union's return does not exist for it)."""
    return get_object_or_404(
        AnnualReturn.objects.select_related("union__office", "office", "certificate"), pk=pk, union=request.union
    )


def section_context(request) -> dict:
    """The section on the union's page (workflows.unions.portal): its returns and a link to start one."""
    return {"annual_returns": list(returns_of(request.union)[:10]), "may_file": request.may_file}


@never_cache
@union_required
def return_list(request):
    context = {"annual_returns": returns_of(request.union), "start_form": StartForm(union=request.union)}
    return TemplateResponse(request, "unionreturns/portal/list.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@union_required(filing=True)
def start(request):
    form = StartForm(request.POST or None, union=request.union)
    if request.method == "POST" and form.is_valid():
        try:
            annual_return = start_return(
                request.union, form.cleaned_data["year"], representative=request.representative
            )
        except ReturnError as error:
            form.add_error("year", error.message)
        else:
            messages.success(request, _("The draft return is saved: fill it in, then submit it."))
            return redirect("unionreturns:edit", pk=annual_return.pk)
    status = 400 if form.is_bound else 200
    return TemplateResponse(request, "unionreturns/portal/start.html", {"form": form}, status=status)


@never_cache
@union_required
def detail(request, pk):
    annual_return = _return_or_404(request, pk)
    versions = list(annual_return.versions.select_related("constitution", "audit_report").order_by("-number"))
    context = {"annual_return": annual_return, "versions": versions, "latest": versions[0] if versions else None}
    return TemplateResponse(request, "unionreturns/portal/detail.html", context)


def _edit_page(request, annual_return, form, *, status=200):
    context = {
        "annual_return": annual_return,
        "form": form,
        "submission_token": SUBMITTING.hidden_input(scope=_submission_scope(annual_return)),
        "remarks": annual_return.versions.filter(number=annual_return.version)
        .values_list("remarks", flat=True)
        .first(),
    }
    return TemplateResponse(request, "unionreturns/portal/edit.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@pdf_uploads_limited
@union_required
def edit(request, pk):
    annual_return = _return_or_404(request, pk)
    if request.method != "POST":
        if not annual_return.editable:
            return redirect("unionreturns:detail", pk=annual_return.pk)
        return _edit_page(request, annual_return, ReturnForm(instance=annual_return))
    if not request.may_file:
        return TemplateResponse(request, "unions/portal/may_not_file.html", {"union": request.union}, status=403)
    submitting = "submit" in request.POST
    scope = _submission_scope(annual_return)
    submission = SUBMITTING.read(request, scope=scope) if submitting else None
    if submission is not None and submission.outcome() is not None:
        # The second of a double click, or a replayed POST: that version was submitted once.
        messages.success(request, _("The return was submitted."))
        return redirect("unionreturns:detail", pk=annual_return.pk)
    form = ReturnForm(request.POST, request.FILES, instance=annual_return)
    for name, handler in zip(DOCUMENT_FIELDS, request.upload_limits, strict=True):
        form.fields[name].oversized = bool(handler.oversized)
        form.fields[name].long_name = handler.long_names[0] if handler.long_names else ""
    if not form.is_valid() or (submission is not None and not submission.check(form)):
        return _edit_page(request, annual_return, form, status=400)
    try:
        if submitting:

            def save():
                submit(annual_return, form.draft_data(), form.documents(), representative=request.representative)
                return annual_return.pk, ""

            if submission.run(save) is None:
                return submission_pending(request)
            messages.success(request, _("The return was submitted to the labour office."))
            return redirect("unionreturns:detail", pk=annual_return.pk)
        save_draft(annual_return, form.draft_data(), form.documents())
    except ValidationError as error:
        for field, field_errors in error.message_dict.items():
            form.add_error(field if field != "__all__" else None, field_errors)
        return _edit_page(request, annual_return, form, status=400)
    except ReturnError as error:
        messages.error(request, error.message)
        return _edit_page(request, _return_or_404(request, pk), form, status=409)
    saved = _return_or_404(request, pk)
    missing = submission_errors(saved)
    if missing:
        messages.success(request, _("The draft is saved. It can be submitted once it is complete."))
    else:
        messages.success(request, _("The draft is saved and complete: it can be submitted."))
    return redirect("unionreturns:edit", pk=annual_return.pk)


@never_cache
@union_required
def version(request, pk, number):
    annual_return = _return_or_404(request, pk)
    frozen = get_object_or_404(annual_return.versions.select_related("constitution", "audit_report"), number=number)
    context = {"annual_return": annual_return, "version": frozen, "figures": frozen.figures}
    return TemplateResponse(request, "unionreturns/portal/version.html", context)


@never_cache
@union_required
def document(request, pk, document_id):
    annual_return = _return_or_404(request, pk)
    return download_response(get_object_or_404(annual_return.documents, pk=document_id))


@never_cache
@require_http_methods(["GET", "HEAD"])
@union_required
def certificate(request, pk):
    """The certificate's PDF, for the union's signed-in representative only."""
    annual_return = _return_or_404(request, pk)
    return pdf_response(annual_return.certificate)
