"""Public pages of the complaint process: file a complaint, its acknowledgement, and the status page.

Built on workflows.core.public (see its docstring): a complaint's page is shown only to a session that
proved it may see it (it filed the complaint, or gave the tracking number with the right contact or
access code); to any other session it does not exist. The complaint form and the answer form carry a
one-time token, so a double click files one complaint (or one answer). The rate limits count accepted
complaints and failed lookups only. None of these responses may be cached: they carry a CSRF token or
personal data.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from workflows.core.public import CaseAccess, RateLimit, SubmissionToken, submission_pending, upload_limited

from .forms import AppealForm, ComplaintForm, InformationAnswerForm, StatusLookupForm
from .models import Complaint
from .services import ComplaintStateError, answer_information_request, file_appeal, submit_complaint

# The same trap as the contact page's: a field people never see, which bots fill in.
HONEYPOT_FIELD = "website"

ACCESS = CaseAccess(
    Complaint,
    queryset=Complaint.objects.select_related("office", "service").prefetch_related("attachments"),
)
FILING = SubmissionToken("complaints:new")
ANSWERS = SubmissionToken("complaints:answer")  # scoped to the complaint answered
SUBMIT_LIMIT = RateLimit("complaint-submit", "COMPLAINT_SUBMIT_RATE", "5/h")
LOOKUP_LIMIT = RateLimit("complaint-lookup", "COMPLAINT_LOOKUP_RATE", "20/h")

ANSWER_SENT = _("Thank you. Your answer has been sent to the office.")


# --- Filing -------------------------------------------------------------------------------------


def _form_page(request, form):
    context = {"form": form, "honeypot": HONEYPOT_FIELD, "submission_token": FILING.hidden_input()}
    return TemplateResponse(request, "complaints/complaint_form.html", context)


def _acknowledge(request, outcome):
    """To the acknowledgement of the complaint this form filed, whether by this POST or an earlier one."""
    if outcome is None:
        return submission_pending(request)
    complaint = Complaint.objects.filter(pk=outcome.pk).first()
    if complaint is None:
        raise Http404
    return ACCESS.acknowledge(request, complaint, outcome.secret, reverse("complaints:acknowledgement"))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@upload_limited
def new(request):
    if request.method != "POST":
        return _form_page(request, ComplaintForm(initial=ComplaintForm.initial_for_service(request.GET.get("service"))))
    submission = FILING.read(request)
    if (earlier := submission.outcome()) is not None:
        return _acknowledge(request, earlier)  # a replayed POST or a double click: nothing new is filed
    attempt = SUBMIT_LIMIT.reserve(request)
    if attempt.refused:
        return attempt.refusal(request, back_url=request.path)
    if request.POST.get(HONEYPOT_FIELD):
        # The bot sees a thank-you page and learns nothing; nothing is stored (its attempt counts).
        return TemplateResponse(request, "complaints/acknowledgement.html", {"complaint": None})
    form = ComplaintForm(request.POST, request.FILES, upload_limits=request.upload_limits)
    if not (form.is_valid() and submission.check(form)):
        attempt.release()  # only accepted complaints count against the limit
        return _form_page(request, form)

    def file():
        complaint = submit_complaint(form.cleaned_data, form.cleaned_data["attachments"], get_language())
        return complaint.pk, complaint.issued_access_code

    outcome = submission.run(file)
    if outcome is None or not outcome.fresh:
        attempt.release()
    return _acknowledge(request, outcome)


@never_cache
def acknowledgement(request):
    """The tracking number (and an anonymous complaint's access code), for the session that filed it only."""
    submitted = ACCESS.submitted(request, queryset=Complaint.objects.select_related("office", "service"))
    if submitted is None:
        raise Http404
    context = {"complaint": submitted.case, "access_code": submitted.access_code}
    return ACCESS.without_code_key(request, TemplateResponse(request, "complaints/acknowledgement.html", context))


# --- Status -------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def status(request):
    """Look a complaint up by tracking number and contact (or access code)."""
    if request.method == "POST":
        attempt = LOOKUP_LIMIT.reserve(request)
        if attempt.refused:
            return attempt.refusal(request, back_url=request.path)
        form = StatusLookupForm(request.POST)
        if form.is_valid():
            attempt.release()  # only failed lookups count: they are what guessing looks like
            ACCESS.remember(request, form.complaint)
            return redirect("complaints:detail", tracking_number=form.complaint.tracking_number)
    else:
        form = StatusLookupForm()
    return TemplateResponse(request, "complaints/status_lookup.html", {"form": form})


def _detail_response(request, complaint, *, answer_form=None, appeal_form=None, status=200):
    answer_form = answer_form or (InformationAnswerForm() if complaint.awaits_information else None)
    context = {
        "complaint": complaint,
        "attachments": [a for a in complaint.attachments.all() if a.uploaded_by_public],
        "answer_form": answer_form,
        "answer_token": ANSWERS.hidden_input(scope=complaint.pk) if answer_form else "",
        "appeal_form": appeal_form or (AppealForm() if complaint.can_appeal else None),
    }
    return TemplateResponse(request, "complaints/status_detail.html", context, status=status)


@never_cache
def detail(request, tracking_number):
    return _detail_response(request, ACCESS.get_or_404(request, tracking_number))


@never_cache
@require_POST
@upload_limited
def answer(request, tracking_number):
    complaint = ACCESS.get_or_404(request, tracking_number)
    submission = ANSWERS.read(request, scope=complaint.pk)
    if submission.outcome() is None:
        form = InformationAnswerForm(request.POST, request.FILES, upload_limits=request.upload_limits)
        if not (form.is_valid() and submission.check(form)):
            return _detail_response(request, complaint, answer_form=form)

        def send():
            answer_information_request(complaint, form.cleaned_data["answer"], form.cleaned_data["attachments"])
            return complaint.pk, ""

        try:
            if submission.run(send) is None:
                return submission_pending(request)
        except ComplaintStateError as error:
            # A late form (the office moved on), or a second answer: say so, show the complaint as it stands.
            messages.error(request, error.message)
            return _detail_response(request, ACCESS.get_or_404(request, complaint.tracking_number), status=409)
    # Sent now or by an earlier POST of this same form: either way, the answer is with the office.
    messages.success(request, ANSWER_SENT)
    return redirect("complaints:detail", tracking_number=complaint.tracking_number)


@never_cache
@require_POST
def appeal(request, tracking_number):
    complaint = ACCESS.get_or_404(request, tracking_number)
    form = AppealForm(request.POST)
    if not form.is_valid():
        return _detail_response(request, complaint, appeal_form=form)
    try:
        file_appeal(complaint, form.cleaned_data["grounds"])
    except ComplaintStateError as error:
        messages.error(request, error.message)
        return _detail_response(request, ACCESS.get_or_404(request, complaint.tracking_number), status=409)
    messages.success(request, _("Your appeal has been filed."))
    return redirect("complaints:detail", tracking_number=complaint.tracking_number)
