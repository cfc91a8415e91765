"""Public pages of the complaint process: file a complaint, its acknowledgement, and the status page.

A complaint's page is shown only to a session that proved it may see it (it filed the complaint, or gave
the tracking number with the right contact or access code); to any other session it does not exist.
None of these responses may be cached: they carry a CSRF token or personal data.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from pages.base.views import rate_limited
from workflows.core.uploads import limit_uploads

from .forms import AppealForm, ComplaintForm, InformationAnswerForm, StatusLookupForm
from .models import Complaint
from .services import ComplaintStateError, answer_information_request, file_appeal, submit_complaint

# The same trap as the contact page's: a field people never see, which bots fill in.
HONEYPOT_FIELD = "website"
# Session keys: the complaint this session just filed (with its access code), and those it may see.
SUBMITTED_KEY = "complaints:submitted"
ACCESS_CODE_KEY = "complaints:access_code"
VERIFIED_KEY = "verified_complaints"
MAX_VERIFIED = 20


def _submit_rate():
    return getattr(settings, "COMPLAINT_SUBMIT_RATE", "5/h")


def _lookup_rate():
    return getattr(settings, "COMPLAINT_LOOKUP_RATE", "20/h")


def remember_verified(request, complaint):
    """Let this session see the complaint; a new session key, so a key planted before the proof is useless."""
    verified = [pk for pk in request.session.get(VERIFIED_KEY, []) if pk != complaint.pk]
    request.session.cycle_key()
    request.session[VERIFIED_KEY] = [*verified[-(MAX_VERIFIED - 1) :], complaint.pk]


def _verified_complaint(request, tracking_number):
    """The complaint, if this session has proved it may see it; 404 otherwise, exactly as for a wrong number."""
    number = Complaint.normalize_tracking_number(tracking_number)
    complaint = (
        Complaint.objects.select_related("office", "service")
        .prefetch_related("attachments")
        .filter(tracking_number=number)
        .first()
        if number
        else None
    )
    if complaint is None or complaint.pk not in request.session.get(VERIFIED_KEY, []):
        raise Http404
    return complaint


# --- Filing -------------------------------------------------------------------------------------


@never_cache
@csrf_exempt  # checked by _new, once the upload limits are in place (see uploads.limit_uploads)
@require_http_methods(["GET", "HEAD", "POST"])
def new(request):
    if request.method == "POST":
        if is_ratelimited(request, group="complaint-submit", key="ip", rate=_submit_rate(), increment=True):
            return rate_limited(request)
        return _new(request, limit_uploads(request))
    return _new(request, None)


@csrf_protect
def _new(request, upload_limits):
    if request.method == "POST":
        if request.POST.get(HONEYPOT_FIELD):
            # The bot sees a thank-you page and learns nothing; nothing is stored.
            return TemplateResponse(request, "complaints/acknowledgement.html", {"complaint": None})
        form = ComplaintForm(request.POST, request.FILES, upload_limits=upload_limits)
        if form.is_valid():
            complaint = submit_complaint(form.cleaned_data, form.cleaned_data["attachments"], get_language())
            remember_verified(request, complaint)
            request.session[SUBMITTED_KEY] = complaint.pk
            request.session[ACCESS_CODE_KEY] = complaint.issued_access_code
            return redirect("complaints:acknowledgement")
    else:
        form = ComplaintForm(initial=ComplaintForm.initial_for_service(request.GET.get("service")))
    return TemplateResponse(request, "complaints/complaint_form.html", {"form": form, "honeypot": HONEYPOT_FIELD})


@never_cache
def acknowledgement(request):
    """The tracking number (and an anonymous complaint's access code), for the session that filed it only."""
    pk = request.session.get(SUBMITTED_KEY)
    complaint = Complaint.objects.select_related("office", "service").filter(pk=pk).first() if pk else None
    if complaint is None:
        raise Http404
    context = {"complaint": complaint, "access_code": request.session.get(ACCESS_CODE_KEY)}
    return TemplateResponse(request, "complaints/acknowledgement.html", context)


# --- Status -------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def status(request):
    """Look a complaint up by tracking number and contact (or access code)."""
    if request.method == "POST":
        if is_ratelimited(request, group="complaint-lookup", key="ip", rate=_lookup_rate(), increment=True):
            return rate_limited(request)
        form = StatusLookupForm(request.POST)
        if form.is_valid():
            remember_verified(request, form.complaint)
            return redirect("complaints:detail", tracking_number=form.complaint.tracking_number)
    else:
        form = StatusLookupForm()
    return TemplateResponse(request, "complaints/status_lookup.html", {"form": form})


def _detail_response(request, complaint, *, answer_form=None, appeal_form=None, status=200):
    context = {
        "complaint": complaint,
        "attachments": [a for a in complaint.attachments.all() if a.uploaded_by_public],
        "answer_form": answer_form or (InformationAnswerForm() if complaint.awaits_information else None),
        "appeal_form": appeal_form or (AppealForm() if complaint.can_appeal else None),
    }
    return TemplateResponse(request, "complaints/status_detail.html", context, status=status)


@never_cache
def detail(request, tracking_number):
    return _detail_response(request, _verified_complaint(request, tracking_number))


@never_cache
@csrf_exempt  # checked by _answer, once the upload limits are in place
@require_POST
def answer(request, tracking_number):
    complaint = _verified_complaint(request, tracking_number)
    return _answer(request, complaint, limit_uploads(request))


@csrf_protect
def _answer(request, complaint, upload_limits):
    form = InformationAnswerForm(request.POST, request.FILES, upload_limits=upload_limits)
    if not form.is_valid():
        return _detail_response(request, complaint, answer_form=form)
    try:
        answer_information_request(complaint, form.cleaned_data["answer"], form.cleaned_data["attachments"])
    except ComplaintStateError as error:
        # A replayed or late form: say so, and show the complaint as it now stands.
        messages.error(request, error.message)
        return _detail_response(request, _verified_complaint(request, complaint.tracking_number), status=409)
    messages.success(request, _("Thank you. Your answer has been sent to the office."))
    return redirect("complaints:detail", tracking_number=complaint.tracking_number)


@never_cache
@require_POST
def appeal(request, tracking_number):
    complaint = _verified_complaint(request, tracking_number)
    form = AppealForm(request.POST)
    if not form.is_valid():
        return _detail_response(request, complaint, appeal_form=form)
    try:
        file_appeal(complaint, form.cleaned_data["grounds"])
    except ComplaintStateError as error:
        messages.error(request, error.message)
        return _detail_response(request, _verified_complaint(request, complaint.tracking_number), status=409)
    messages.success(request, _("Your appeal has been filed."))
    return redirect("complaints:detail", tracking_number=complaint.tracking_number)
