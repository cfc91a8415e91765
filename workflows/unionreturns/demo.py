"""Demo annual returns of the demo unions of Chattogram (workflows/unions/demo.py), one in every state: a draft,
submitted, returned with remarks, resubmitted, accepted (with the head) and certified with its certificate; the
other unions have sent nothing for 2025, so they are the season's defaulters. Made through the same services
and task forms the portal and the officers use. Idempotent: a union's return of a year, once there, is left alone.
"""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from viewflow.workflow.models import Task

from workflows.core.contract import BackgroundJob
from workflows.core.demo import text_pdf
from workflows.core.nodes import run_background_job
from workflows.core.selectors import open_routes_of
from workflows.core.services import act_on_task
from workflows.core.uploads import check_upload
from workflows.unions.models import Union

from . import services
from .models import AnnualReturn

# Registration number, year, how far the return has gone. The port workers' union (whose representatives sign
# in with the demo mobile numbers) has its 2024 return certified and its 2025 one returned with remarks.
PLAN = [
    ("চট্ট-১২৩৪", 2024, "certified"),
    ("চট্ট-১২৩৪", 2025, "returned"),
    ("চট্ট-২০৪৫", 2025, "certified"),
    ("চট্ট-২৩১৮", 2025, "accepted"),
    ("চট্ট-২৭৭৬", 2025, "resubmitted"),
    ("চট্ট-২৯০১", 2025, "submitted"),
    ("চট্ট-৩০১২", 2025, "draft"),
]
REMARKS = "১. ব্যাংক বিবরণীর সত্যায়িত কপি সংযুক্ত করুন।\n২. আইনি খরচের রসিদ নিরীক্ষকের প্রতিবেদনে নেই।"

# A balanced statement: opening 1,35,000 + income 9,72,500 − expenditure 8,47,250.50 = closing 2,60,249.50.
FIGURES = {
    "income_subscriptions": "7,80,000",
    "income_donations": "1,50,000",
    "income_other": "42,500",
    "expenditure_salaries": "4,20,000",
    "expenditure_office": "1,18,750.50",
    "expenditure_legal": "65,000",
    "expenditure_welfare": "1,80,000",
    "expenditure_federation": "24,000",
    "expenditure_other": "39,500",
    "opening_cash": "35,000",
    "opening_bank": "1,00,000",
    "closing_cash": "20,249.50",
    "closing_bank": "2,40,000",
    "other_assets": "3,50,000",
    "liabilities": "25,000",
    "members_at_year_end": "1240",
    "officer_changes": "১৫ মার্চ ২০২৫: কোষাধ্যক্ষ পদে মোঃ জসিম উদ্দিনের স্থলে শ্রী দীপক চক্রবর্তী।",
    "auditor_name": "রহমান হক অ্যান্ড কোং, চার্টার্ড অ্যাকাউন্ট্যান্টস",
    "auditor_qualification": "চার্টার্ড অ্যাকাউন্ট্যান্ট ফার্ম (আইসিএবি সদস্য নং ১৪২৭)",
    "declaration": "on",
}


def _pdf(name, title):
    return check_upload(SimpleUploadedFile(name, text_pdf(title), content_type="application/pdf"))


def _documents():
    return {"constitution": _pdf("constitution.pdf", "Constitution"), "audit_report": _pdf("audit.pdf", "Audit")}


def _figures(**changes):
    from .forms import ReturnForm

    form = ReturnForm(data={**FIGURES, **changes})
    if not form.is_valid():  # pragma: no cover - the demo's own figures
        raise ValueError(form.errors.as_json())
    return form.draft_data()


def _act(annual_return, user, data):
    act_on_task(open_routes_of(annual_return).get(), user, data)


def load_demo(stats) -> None:
    users = get_user_model().objects.in_bulk(["officer", "head", "admin"], field_name="username")
    examiner = users.get("officer") or users.get("admin")
    head = users.get("head") or users.get("admin")
    if examiner is None or head is None:
        return
    numbers = {number for number, _year, _stage in PLAN}
    unions = {union.registration_number: union for union in Union.objects.filter(registration_number__in=numbers)}
    for number, year, stage in PLAN:
        union = unions.get(number)
        if union is None or not union.may_file or AnnualReturn.objects.filter(union=union, year=year).exists():
            continue
        representative = union.representatives.filter(active=True).first()
        annual_return = services.start_return(union, year, representative=representative)
        stats.add("union annual returns")
        if stage == "draft":
            services.save_draft(annual_return, _figures(closing_bank="", declaration=""), {})
            continue
        services.submit(annual_return, _figures(), _documents(), representative=representative)
        if stage == "submitted":
            continue
        if stage in ("returned", "resubmitted"):
            _act(annual_return, examiner, {"decision": "return_to_union", "remarks": REMARKS})
            if stage == "resubmitted":
                annual_return.refresh_from_db()
                services.submit(annual_return, _figures(), _documents(), representative=representative)
            continue
        _act(annual_return, examiner, {"decision": "accept"})
        if stage == "accepted":
            continue
        _act(annual_return, head, {"decision": "certify"})
        # The demo loads in one transaction: run the certificate's job here, as the worker would.
        job = Task.objects.get(process=annual_return.process, flow_task_type=BackgroundJob.task_type)
        run_background_job(job.pk)
        stats.add("certificates")
