"""Demo complaints, one or more in every state, driven through the same services officers and
citizens use (idempotent: skipped when the demo complaints exist; called by load_demo_data)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS
from viewflow.workflow.timers import fire_due_timers

from workflows.core.demo import ensure_holders, ensure_role_posts
from workflows.core.models import Office
from workflows.core.selectors import open_routes_of
from workflows.core.services import act_on_task, add_comment

from . import roles, services
from .flows import ComplaintFlow
from .models import Complaint
from .task_forms import Decision

DEMO_EMAIL_DOMAIN = "@demo.mole.gov.bd"
# Appeals go one level up: the Department of Labour and the Ministry have appeal officers.
APPEAL_OFFICES = ("mole", "dol")
DEMO_EMAIL = "citizen{}" + DEMO_EMAIL_DOMAIN

# (subject, description, remedy, steps): each step is an officer decision or a citizen action, or an
# officer's internal comment.
COMPLAINTS = [
    ("ট্রেড ইউনিয়ন নিবন্ধনের আবেদনে দেরি", "৬০ দিন আগে আবেদন করেছি, কোনো উত্তর পাইনি।", "দ্রুত সিদ্ধান্ত", []),
    (
        "নিরীক্ষা প্রতিবেদনের প্রত্যয়ন পাইনি",
        "বার্ষিক নিরীক্ষা প্রতিবেদন জমা দিয়েছি, প্রত্যয়ন দেওয়া হয়নি।",
        "প্রত্যয়নপত্র",
        [Decision.ACCEPT, ("comment", "নিরীক্ষা শাখায় খোঁজ নিয়েছি; প্রতিবেদনটি যাচাই চলছে, আগামী সপ্তাহে প্রত্যয়ন দেওয়া যাবে।")],
    ),
    (
        "সালিসের তারিখ জানানো হয়নি",
        "শিল্প বিরোধের আবেদন করেছি, শুনানির তারিখ জানানো হয়নি।",
        "শুনানির তারিখ",
        [Decision.ACCEPT, (Decision.REQUEST_INFORMATION, "আবেদনের কপি ও মালিকপক্ষের নাম দিন।")],
    ),
    (
        "কল্যাণ কেন্দ্রে চিকিৎসা পাইনি",
        "টংগী শ্রম কল্যাণ কেন্দ্রে চিকিৎসক ছিলেন না।",
        "নিয়মিত চিকিৎসা",
        [(Decision.FORWARD, "lwc-tongi")],
    ),
    (
        "প্রশিক্ষণের সনদে নামের ভুল",
        "প্রশিক্ষণ সনদে আমার নাম ভুল লেখা হয়েছে।",
        "সংশোধিত সনদ",
        [Decision.ACCEPT, (Decision.RESOLVE, "সংশোধিত সনদ ইস্যু করা হয়েছে; দপ্তর থেকে সংগ্রহ করুন।")],
    ),
    ("অসম্পূর্ণ অভিযোগ", "বিস্তারিত নেই।", "—", [(Decision.REJECT, "অভিযোগে প্রয়োজনীয় তথ্য নেই।")]),
    (
        "আর্থিক সহায়তার আবেদন নিষ্পত্তি হয়নি",
        "শ্রমিক কল্যাণ ফাউন্ডেশনে আবেদনের পর সিদ্ধান্ত পাইনি।",
        "সহায়তা",
        [
            Decision.ACCEPT,
            (Decision.RESOLVE, "আবেদনটি পরবর্তী বোর্ড সভায় উপস্থাপন করা হবে।"),
            ("appeal", "সময়সীমা উল্লেখ নেই।"),
        ],
    ),
    (
        "অংশগ্রহণ তহবিলের হিসাব দেওয়া হয়নি",
        "তহবিলের হিসাব চেয়েও পাইনি।",
        "হিসাব প্রদান",
        [
            Decision.ACCEPT,
            (Decision.RESOLVE, "হিসাব সরবরাহ করা হয়েছে।"),
            ("appeal", "হিসাব অসম্পূর্ণ।"),
            ("decide_appeal", "পূর্ণাঙ্গ হিসাব ৭ কার্যদিবসের মধ্যে দিতে নির্দেশ দেওয়া হলো।"),
        ],
    ),
    (
        "রিপ্রোগ্রাফী সেবার মূল্য বেশি নেওয়া হয়েছে",
        "নির্ধারিত মূল্যের বেশি নেওয়া হয়েছে।",
        "অতিরিক্ত অর্থ ফেরত",
        [Decision.ACCEPT, (Decision.RESOLVE, "অতিরিক্ত অর্থ ফেরত দেওয়া হয়েছে।"), ("close", "")],
    ),
]


def load_demo(stats) -> None:
    ensure_role_posts(
        stats, roles.GRIEVANCE_REDRESS_OFFICER, ("অভিযোগ নিষ্পত্তি কর্মকর্তা (জিআরও)", "Grievance Redress Officer (GRO)")
    )
    ensure_role_posts(
        stats, roles.APPEAL_OFFICER, ("আপিল কর্মকর্তা", "Appeal officer"), offices=APPEAL_OFFICES, covers_sub_offices=True
    )
    ensure_holders(
        stats,
        {"officer": ("dlo-chattogram", roles.GRIEVANCE_REDRESS_OFFICER), "appeal": ("dol", roles.APPEAL_OFFICER)},
    )
    ensure_complaints(stats)


def ensure_complaints(stats) -> None:
    if Complaint.objects.filter(email__endswith=DEMO_EMAIL_DOMAIN).exists():
        return
    chattogram = Office.objects.get(code="dlo-chattogram")
    users = get_user_model().objects.in_bulk(["officer", "appeal", "head", "admin"], field_name="username")
    for number, (subject, description, remedy, steps) in enumerate(COMPLAINTS, start=1):
        with transaction.atomic():
            complaint = services.submit_complaint(
                {
                    "office": chattogram,
                    "subject": subject,
                    "description": description,
                    "occurred_on": timezone.localdate() - datetime.timedelta(days=20 + number),
                    "desired_remedy": remedy,
                    "complainant_name": f"নাগরিক {number}",
                    "email": DEMO_EMAIL.format(number),
                },
                [],
                "bn",
            )
            for step in steps:
                _apply(complaint, step, users)
        stats.add("complaints")


def _open_route(complaint):
    return open_routes_of(complaint).first()


def _apply(complaint, step, users):
    """One step, as the citizen or the officer would take it: through the services and the task forms."""
    name, text = (step, "") if isinstance(step, str) else step
    complaint.refresh_from_db()
    if name == "appeal":
        services.file_appeal(complaint, text)
    elif name == "comment":
        add_comment(_open_route(complaint), users["officer"], text, uploads=[])
    elif name == "close":
        # The appeal window runs out: its timer fires as the dispatcher would fire it.
        Task.objects.filter(
            process__complaintprocess__complaint=complaint,
            flow_task=ComplaintFlow.appeal_window,
            status=STATUS.SCHEDULED,
        ).update(scheduled=timezone.now())
        fire_due_timers()
    elif name == "decide_appeal":
        act_on_task(_open_route(complaint), users["appeal"], {"reply": text})
    else:
        to_office = Office.objects.get(code=text) if name == Decision.FORWARD else None
        data = {"decision": name, "text": "" if to_office else text, "to_office": to_office.pk if to_office else ""}
        act_on_task(_open_route(complaint), users["officer"], data)
