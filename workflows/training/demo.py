"""Demo training: the industrial relations institutes, a course at IRI Tongi and its 30-trainee batch
(the innovation meeting's third decision), attended, approved and certified through the same services
and task forms officers use, with one certificate revoked; and a second batch still in training.
Idempotent: skipped when the demo batch exists. Names are invented; they include conjuncts on purpose.
"""

import datetime

from django.contrib.auth import get_user_model
from viewflow.workflow.models import Task

from workflows.core.contract import OFFICE_HEAD, BackgroundJob
from workflows.core.demo import HEAD_TITLES, ensure_holders, ensure_role_posts
from workflows.core.models import Office
from workflows.core.nodes import run_background_job
from workflows.core.selectors import open_routes_of
from workflows.core.services import act_on_task

from . import roles, services
from .models import Batch, Course

INSTITUTES = [
    # code, Bengali name, English name, address bn, address en, sort order
    (
        "iri-tongi",
        "শিল্প সম্পর্ক শিক্ষায়তন, টংগী",
        "Industrial Relations Institute, Tongi",
        "টংগী, গাজীপুর",
        "Tongi, Gazipur",
        41,
    ),
    (
        "iri-chattogram",
        "শিল্প সম্পর্ক শিক্ষায়তন, চট্টগ্রাম",
        "Industrial Relations Institute, Chattogram",
        "চট্টগ্রাম",
        "Chattogram",
        42,
    ),
    ("iri-khulna", "শিল্প সম্পর্ক শিক্ষায়তন, খুলনা", "Industrial Relations Institute, Khulna", "খুলনা", "Khulna", 43),
]
DIRECTOR_TITLES = ("কোর্স পরিচালক", "Course director")
HOLDERS = {"director": ("iri-tongi", roles.COURSE_DIRECTOR), "institute": ("iri-tongi", OFFICE_HEAD)}

COURSES = [
    # institute, Bengali title, English title, days
    ("iri-tongi", "শ্রম আইন ও শিল্প সম্পর্ক বিষয়ক প্রশিক্ষণ", "Labour law and industrial relations", 5),
    ("iri-tongi", "পেশাগত স্বাস্থ্য ও নিরাপত্তা", "Occupational health and safety", 3),
    ("iri-chattogram", "ট্রেড ইউনিয়ন ব্যবস্থাপনা ও হিসাবরক্ষণ", "Trade union management and bookkeeping", 5),
]

# 30 trainees: Bengali name, English name, establishment, designation.
TRAINEES = [
    ("লক্ষ্মী রানী দাস", "Lakshmi Rani Das", "টংগী টেক্সটাইল মিলস লিমিটেড", "সেলাই অপারেটর"),
    ("মোঃ আব্দুল কুদ্দুস", "Md. Abdul Kuddus", "টংগী টেক্সটাইল মিলস লিমিটেড", "লাইন সুপারভাইজার"),
    ("স্বপ্না আক্তার", "Swapna Akter", "গাজীপুর নিটওয়্যার লিমিটেড", "কোয়ালিটি ইন্সপেক্টর"),
    ("কৃষ্ণ চন্দ্র কর্মকার", "Krishna Chandra Karmakar", "বাংলাদেশ জুট মিলস কর্পোরেশন", "মেকানিক"),
    ("শ্যামল কান্তি দত্ত", "Shyamal Kanti Dutta", "টংগী শিল্প এলাকা শ্রমিক ইউনিয়ন", "সাধারণ সম্পাদক"),
    ("মোছাঃ ক্ষমা খাতুন", "Mst. Khama Khatun", "গাজীপুর নিটওয়্যার লিমিটেড", "সেলাই অপারেটর"),
    ("প্রশান্ত কুমার বিশ্বাস", "Prashanta Kumar Biswas", "মেঘনা ফার্মাসিউটিক্যালস", "প্যাকেজিং সহকারী"),
    ("মোঃ রফিকুল ইসলাম", "Md. Rafiqul Islam", "টংগী টেক্সটাইল মিলস লিমিটেড", "বয়লার অপারেটর"),
    ("তৃপ্তি রানী সরকার", "Tripti Rani Sarkar", "গাজীপুর গার্মেন্টস শ্রমিক ফেডারেশন", "কোষাধ্যক্ষ"),
    ("মোঃ শহিদুল্লাহ্ মৃধা", "Md. Shahidullah Mridha", "বাংলাদেশ জুট মিলস কর্পোরেশন", "তাঁতি"),
    ("নাসরিন সুলতানা", "Nasrin Sultana", "মেঘনা ফার্মাসিউটিক্যালস", "ল্যাব সহকারী"),
    ("ব্রজেন্দ্র নাথ রায়", "Brajendra Nath Roy", "টংগী শিল্প এলাকা শ্রমিক ইউনিয়ন", "সভাপতি"),
    ("মোছাঃ রাবেয়া বসরী", "Mst. Rabeya Basri", "গাজীপুর নিটওয়্যার লিমিটেড", "ফিনিশিং সহকারী"),
    ("মৃত্যুঞ্জয় সাহা", "Mrityunjoy Saha", "টংগী টেক্সটাইল মিলস লিমিটেড", "ইলেকট্রিশিয়ান"),
    ("মোঃ জাহাঙ্গীর আলম", "Md. Jahangir Alam", "গাজীপুর স্টিল ওয়ার্কস", "ওয়েল্ডার"),
    ("স্মৃতি কণা মণ্ডল", "Smriti Kana Mondal", "গাজীপুর গার্মেন্টস শ্রমিক ফেডারেশন", "সাংগঠনিক সম্পাদক"),
    ("মোঃ আশরাফুল হক", "Md. Ashraful Haque", "মেঘনা ফার্মাসিউটিক্যালস", "স্টোর কিপার"),
    ("দীপ্তি চক্রবর্তী", "Dipti Chakraborty", "গাজীপুর নিটওয়্যার লিমিটেড", "কাটিং মাস্টার"),
    ("মোঃ সিরাজুল ইসলাম", "Md. Sirajul Islam", "গাজীপুর স্টিল ওয়ার্কস", "ফোরম্যান"),
    ("শাহনাজ পারভীন", "Shahnaz Parvin", "টংগী টেক্সটাইল মিলস লিমিটেড", "সেলাই অপারেটর"),
    ("অর্পিতা ভট্টাচার্য", "Arpita Bhattacharya", "মেঘনা ফার্মাসিউটিক্যালস", "মান নিয়ন্ত্রণ সহকারী"),
    ("মোঃ মোস্তফা কামাল", "Md. Mostafa Kamal", "বাংলাদেশ জুট মিলস কর্পোরেশন", "শিফট ইনচার্জ"),
    ("রত্না বেগম", "Ratna Begum", "গাজীপুর গার্মেন্টস শ্রমিক ফেডারেশন", "দপ্তর সম্পাদক"),
    ("সঞ্জয় কুমার ঘোষ", "Sanjoy Kumar Ghosh", "গাজীপুর স্টিল ওয়ার্কস", "মেশিন অপারেটর"),
    ("মোছাঃ আঞ্জুমান আরা", "Mst. Anjuman Ara", "গাজীপুর নিটওয়্যার লিমিটেড", "সেলাই অপারেটর"),
    ("মোঃ ইকবাল হোসেন", "Md. Iqbal Hossain", "টংগী শিল্প এলাকা শ্রমিক ইউনিয়ন", "প্রচার সম্পাদক"),
    ("সুস্মিতা রাণী পাল", "Susmita Rani Pal", "মেঘনা ফার্মাসিউটিক্যালস", "প্যাকেজিং সহকারী"),
    ("মোঃ নজরুল ইসলাম খন্দকার", "Md. Nazrul Islam Khandaker", "বাংলাদেশ জুট মিলস কর্পোরেশন", "নিরাপত্তা প্রহরী"),
    ("আফরোজা স্বর্ণা", "Afroza Swarna", "টংগী টেক্সটাইল মিলস লিমিটেড", "মানবসম্পদ সহকারী"),
    ("মোঃ আতিকুর রহমান", "Md. Atiqur Rahman", "গাজীপুর স্টিল ওয়ার্কস", "হেলপার"),
]
# Two trainees missed days: no certificate for them. One certificate is revoked (issued by mistake).
ABSENT_DAYS = {7: 3, 21: 2}
REVOKED = 12
REVOCATION_REASON = "প্রশিক্ষণার্থীর নামের বানান ভুল ছিল; সংশোধিত সনদ দেওয়া হবে।"
FIRST_DAY = datetime.date(2026, 11, 15)


def ensure_institutes(stats) -> None:
    dol = Office.objects.get(code="dol")
    for code, name_bn, name_en, address_bn, address_en, order in INSTITUTES:
        _, created = Office.objects.get_or_create(
            code=code,
            defaults={
                "kind": Office.Kind.IR_INSTITUTE,
                "parent": dol,
                "name_bn": name_bn,
                "name_en": name_en,
                "address_bn": address_bn,
                "address_en": address_en,
                "sort_order": order,
            },
        )
        if created:
            stats.add("offices")


def ensure_courses(stats) -> dict:
    courses = {}
    for code, title_bn, title_en, days in COURSES:
        course, created = Course.objects.get_or_create(
            institute=Office.objects.get(code=code),
            title_en=title_en,
            defaults={"title_bn": title_bn, "duration_days": days},
        )
        if created:
            stats.add("training courses")
        courses[title_en] = course
    return courses


def _mobile(index: int) -> str:
    return f"0171{index:07d}"


def load_demo(stats) -> None:
    ensure_institutes(stats)
    institutes = [code for code, *_rest in INSTITUTES] + ["iri-rajshahi"]
    ensure_role_posts(stats, OFFICE_HEAD, HEAD_TITLES, offices=institutes, covers_sub_offices=True)
    directors = ensure_role_posts(stats, roles.COURSE_DIRECTOR, DIRECTOR_TITLES, offices=institutes)
    ensure_holders(stats, HOLDERS)
    courses = ensure_courses(stats)
    course = courses["Labour law and industrial relations"]
    if Batch.objects.filter(course=course).exists():
        return
    users = get_user_model().objects.in_bulk(["director", "institute", "admin"], field_name="username")
    director = users.get("director") or users["admin"]
    head = users.get("institute") or users["admin"]

    batch = services.register_batch(
        course=course,
        number=1,
        starts_on=FIRST_DAY,
        ends_on=FIRST_DAY + datetime.timedelta(days=course.duration_days - 1),
        venue="শিল্প সম্পর্ক শিক্ষায়তন, টংগী: সম্মেলন কক্ষ",
        director_post=directors["iri-tongi"],
        actor=director,
    )
    rows = [
        {"name_bn": bn, "name_en": en, "mobile": _mobile(n), "establishment": est, "designation": title}
        for n, (bn, en, est, title) in enumerate(TRAINEES, start=1)
    ]
    services.add_trainees(batch, rows, actor=director)
    stats.add("trainees", len(rows))

    data = {}
    for n, trainee in enumerate(batch.trainees.all(), start=1):
        absent = ABSENT_DAYS.get(n, 0)
        for index in range(course.duration_days - absent):
            data[f"present_{trainee.pk}_{index}"] = "on"
        if not absent:
            data[f"completed_{trainee.pk}"] = "on"
    _act(batch, director, data)
    _act(batch, head, {"decision": "approve"})
    # The demo loads in one transaction, so the job queued for after its commit would come too late
    # for the revocation below: run it here, as the worker would (the queued run then finds it done).
    job = Task.objects.get(process=batch.process, flow_task_type=BackgroundJob.task_type)
    run_background_job(job.pk)
    stats.add("training batches")

    batch.refresh_from_db()
    stats.add("certificates", batch.certificate_progress["issued"])
    revoked = batch.trainees.order_by("pk")[REVOKED - 1]
    if revoked.certificate_id:
        from workflows.certificates.services import revoke_certificate

        revoke_certificate(revoked.certificate, reason=REVOCATION_REASON, actor=head)

    # A second batch of another course, still in training: the director's task waits in the inbox.
    safety = courses["Occupational health and safety"]
    second = services.register_batch(
        course=safety,
        number=1,
        starts_on=datetime.date(2026, 12, 6),
        ends_on=datetime.date(2026, 12, 8),
        venue="শিল্প সম্পর্ক শিক্ষায়তন, টংগী: প্রশিক্ষণ কক্ষ ২",
        director_post=directors["iri-tongi"],
        actor=director,
    )
    services.add_trainees(second, rows[:8], actor=director)
    stats.add("training batches")


def _act(batch, user, data):
    """The officer's decision through the task page's own service (the form, applied under the lock)."""
    act_on_task(open_routes_of(batch).get(), user, data)
