"""Demo trade unions: twenty unions and federations registered by four divisional labour offices, with their
office-bearers, one registration cancelled, and representatives who sign in on the portal with the demo
mobile numbers in the README (the code is printed by the console SMS backend). Also the union audit
examiners' posts in the four offices (the officer `officer` holds Chattogram's). Idempotent: a union whose
registration number is in the register is left alone. Names of people are invented.
"""

import datetime

from workflows.core.demo import ensure_holders, ensure_role_posts
from workflows.core.models import Office

from . import roles, services
from .models import Position, Representative, Union

OFFICES = ("dlo-dhaka", "dlo-chattogram", "dlo-khulna", "dlo-rajshahi")
EXAMINER_TITLES = ("ইউনিয়ন নিরীক্ষা পরীক্ষক", "Union audit examiner")
HOLDERS = {"officer": ("dlo-chattogram", roles.UNION_EXAMINER)}

B, F = Union.Kind.BASIC, Union.Kind.FEDERATION
# office, registration number, kind, Bengali name, English name, establishment or industry, address bn, en, year
UNIONS = [
    (
        "dlo-chattogram",
        "চট্ট-১২৩৪",
        B,
        "চট্টগ্রাম বন্দর শ্রমিক-কর্মচারী ইউনিয়ন",
        "Chattogram Port Workers' and Employees' Union",
        "চট্টগ্রাম বন্দর কর্তৃপক্ষ",
        "বন্দর ভবন, চট্টগ্রাম",
        "Bandar Bhaban, Chattogram",
        1998,
    ),
    (
        "dlo-chattogram",
        "চট্ট-২০৪৫",
        B,
        "কর্ণফুলী পেপার মিলস শ্রমিক ইউনিয়ন",
        "Karnaphuli Paper Mills Workers' Union",
        "কর্ণফুলী পেপার মিলস লিমিটেড",
        "চন্দ্রঘোনা, রাঙ্গামাটি",
        "Chandraghona, Rangamati",
        2004,
    ),
    (
        "dlo-chattogram",
        "চট্ট-২৩১৮",
        B,
        "চট্টগ্রাম ইপিজেড গার্মেন্টস শ্রমিক ইউনিয়ন",
        "Chattogram EPZ Garment Workers' Union",
        "চট্টগ্রাম রপ্তানি প্রক্রিয়াকরণ এলাকা",
        "পতেঙ্গা, চট্টগ্রাম",
        "Patenga, Chattogram",
        2011,
    ),
    (
        "dlo-chattogram",
        "চট্ট-২৭৭৬",
        B,
        "সীতাকুণ্ড জাহাজভাঙা শ্রমিক ইউনিয়ন",
        "Sitakunda Ship-breaking Workers' Union",
        "জাহাজভাঙা শিল্প",
        "সীতাকুণ্ড, চট্টগ্রাম",
        "Sitakunda, Chattogram",
        2016,
    ),
    (
        "dlo-chattogram",
        "চট্ট-২৯০১",
        F,
        "চট্টগ্রাম বিভাগীয় পরিবহন শ্রমিক ফেডারেশন",
        "Chattogram Divisional Transport Workers' Federation",
        "সড়ক পরিবহন",
        "আগ্রাবাদ, চট্টগ্রাম",
        "Agrabad, Chattogram",
        2009,
    ),
    (
        "dlo-chattogram",
        "চট্ট-৩০১২",
        B,
        "ইস্টার্ন রিফাইনারি কর্মচারী ইউনিয়ন",
        "Eastern Refinery Employees' Union",
        "ইস্টার্ন রিফাইনারি লিমিটেড",
        "উত্তর পতেঙ্গা, চট্টগ্রাম",
        "North Patenga, Chattogram",
        2001,
    ),
    (
        "dlo-dhaka",
        "ঢাকা-৪৫১২",
        F,
        "গাজীপুর গার্মেন্টস শ্রমিক ফেডারেশন",
        "Gazipur Garment Workers' Federation",
        "তৈরি পোশাক শিল্প",
        "টঙ্গী, গাজীপুর",
        "Tongi, Gazipur",
        2013,
    ),
    (
        "dlo-dhaka",
        "ঢাকা-৪৭৮৮",
        B,
        "টংগী টেক্সটাইল মিলস শ্রমিক ইউনিয়ন",
        "Tongi Textile Mills Workers' Union",
        "টংগী টেক্সটাইল মিলস লিমিটেড",
        "টংগী শিল্প এলাকা, গাজীপুর",
        "Tongi Industrial Area, Gazipur",
        2006,
    ),
    (
        "dlo-dhaka",
        "ঢাকা-৫০২৩",
        B,
        "মেঘনা ফার্মাসিউটিক্যালস কর্মচারী ইউনিয়ন",
        "Meghna Pharmaceuticals Employees' Union",
        "মেঘনা ফার্মাসিউটিক্যালস লিমিটেড",
        "তেজগাঁও, ঢাকা",
        "Tejgaon, Dhaka",
        2017,
    ),
    (
        "dlo-dhaka",
        "ঢাকা-৫১৯৪",
        F,
        "বাংলাদেশ নির্মাণ শ্রমিক ফেডারেশন",
        "Bangladesh Construction Workers' Federation",
        "নির্মাণ শিল্প",
        "পল্টন, ঢাকা",
        "Paltan, Dhaka",
        2008,
    ),
    (
        "dlo-dhaka",
        "B-1234",
        B,
        "ঢাকা ওয়াসা শ্রমিক-কর্মচারী ইউনিয়ন",
        "Dhaka WASA Workers' and Employees' Union",
        "ঢাকা ওয়াসা",
        "কারওয়ান বাজার, ঢাকা",
        "Karwan Bazar, Dhaka",
        1995,
    ),
    (
        "dlo-dhaka",
        "ঢাকা-৫৬০৭",
        B,
        "সাভার ট্যানারি শ্রমিক ইউনিয়ন",
        "Savar Tannery Workers' Union",
        "চামড়া শিল্প নগরী",
        "হেমায়েতপুর, সাভার",
        "Hemayetpur, Savar",
        2019,
    ),
    (
        "dlo-khulna",
        "খুল-০৮৭৬",
        B,
        "খুলনা জুট মিলস শ্রমিক ইউনিয়ন",
        "Khulna Jute Mills Workers' Union",
        "খালিশপুর জুট মিলস",
        "খালিশপুর, খুলনা",
        "Khalishpur, Khulna",
        1999,
    ),
    (
        "dlo-khulna",
        "খুল-০৯৪২",
        B,
        "মোংলা বন্দর শ্রমিক ইউনিয়ন",
        "Mongla Port Workers' Union",
        "মোংলা বন্দর কর্তৃপক্ষ",
        "মোংলা, বাগেরহাট",
        "Mongla, Bagerhat",
        2003,
    ),
    (
        "dlo-khulna",
        "খুল-১০১৫",
        F,
        "দক্ষিণাঞ্চল চিংড়ি প্রক্রিয়াকরণ শ্রমিক ফেডারেশন",
        "Southern Shrimp Processing Workers' Federation",
        "হিমায়িত মৎস্য শিল্প",
        "রূপসা, খুলনা",
        "Rupsha, Khulna",
        2012,
    ),
    (
        "dlo-khulna",
        "খুল-১১২৯",
        B,
        "খুলনা শিপইয়ার্ড কর্মচারী ইউনিয়ন",
        "Khulna Shipyard Employees' Union",
        "খুলনা শিপইয়ার্ড লিমিটেড",
        "লবণচরা, খুলনা",
        "Labanchara, Khulna",
        2007,
    ),
    (
        "dlo-khulna",
        "খুল-১২৫০",
        B,
        "যশোর নওয়াপাড়া জুট মিলস শ্রমিক ইউনিয়ন",
        "Jashore Noapara Jute Mills Workers' Union",
        "নওয়াপাড়া জুট মিলস",
        "অভয়নগর, যশোর",
        "Abhaynagar, Jashore",
        2000,
    ),
    (
        "dlo-rajshahi",
        "রাজ-০৩৪১",
        B,
        "রাজশাহী রেশম কারখানা শ্রমিক ইউনিয়ন",
        "Rajshahi Silk Factory Workers' Union",
        "রাজশাহী রেশম কারখানা",
        "সপুরা, রাজশাহী",
        "Sapura, Rajshahi",
        2002,
    ),
    (
        "dlo-rajshahi",
        "রাজ-০৪৫৬",
        B,
        "নর্থ বেঙ্গল সুগার মিলস শ্রমিক ইউনিয়ন",
        "North Bengal Sugar Mills Workers' Union",
        "নর্থ বেঙ্গল সুগার মিলস লিমিটেড",
        "লালপুর, নাটোর",
        "Lalpur, Natore",
        1997,
    ),
    (
        "dlo-rajshahi",
        "রাজ-০৫১৮",
        F,
        "উত্তরবঙ্গ চাতাল ও চালকল শ্রমিক ফেডারেশন",
        "North Bengal Rice Mill Workers' Federation",
        "চালকল শিল্প",
        "বগুড়া",
        "Bogura",
        2014,
    ),
]
CANCELLED = ("খুল-১২৫০", datetime.date(2024, 9, 30), "২০২১ সাল থেকে পরপর তিন বছর বার্ষিক রিটার্ন দাখিল না করায় নিবন্ধন বাতিল।")

# Office-bearers of every union: the names are invented and drawn in turn from this list.
PEOPLE = [
    "মোঃ আবুল কাশেম",
    "শ্যামল কান্তি দত্ত",
    "মোছাঃ রোকেয়া বেগম",
    "মোঃ শহিদুল্লাহ্ মৃধা",
    "তৃপ্তি রানী সরকার",
    "মোঃ জাহাঙ্গীর আলম",
    "কৃষ্ণ চন্দ্র কর্মকার",
    "নাসরিন সুলতানা",
    "মোঃ রফিকুল ইসলাম",
    "স্মৃতি কণা মণ্ডল",
    "মোঃ সিরাজুল ইসলাম",
    "অর্পিতা ভট্টাচার্য",
    "মোঃ মোস্তফা কামাল",
    "ব্রজেন্দ্র নাথ রায়",
    "শাহনাজ পারভীন",
]
BEARER_POSITIONS = [Position.PRESIDENT, Position.GENERAL_SECRETARY, Position.TREASURER, Position.ORGANISING_SECRETARY]

# Representatives who sign in on the portal (README, "Trade unions"): registration number, name, position, mobile.
REPRESENTATIVES = [
    ("চট্ট-১২৩৪", "মোঃ আবুল কাশেম", Position.GENERAL_SECRETARY, "01700000001"),
    ("চট্ট-১২৩৪", "তৃপ্তি রানী সরকার", Position.TREASURER, "01700000002"),
    ("ঢাকা-৪৫১২", "নাসরিন সুলতানা", Position.GENERAL_SECRETARY, "01700000003"),
    ("খুল-০৮৭৬", "কৃষ্ণ চন্দ্র কর্মকার", Position.GENERAL_SECRETARY, "01700000004"),
    ("রাজ-০৩৪১", "স্মৃতি কণা মণ্ডল", Position.GENERAL_SECRETARY, "01700000005"),
    ("খুল-১২৫০", "মোঃ সিরাজুল ইসলাম", Position.GENERAL_SECRETARY, "01700000006"),  # the cancelled union
]


def ensure_unions(stats) -> dict:
    offices = Office.objects.in_bulk(list(OFFICES), field_name="code")
    known = set(Union.objects.values_list("registration_number", flat=True))
    unions = {}
    for index, (code, number, kind, name_bn, name_en, trade, address_bn, address_en, year) in enumerate(UNIONS):
        if code not in offices:
            continue
        if number not in known:
            bearers = [
                {
                    "name": PEOPLE[(index * len(BEARER_POSITIONS) + order) % len(PEOPLE)],
                    "position": position,
                    "mobile": f"0155{index:03d}{order:04d}",
                }
                for order, position in enumerate(BEARER_POSITIONS)
            ]
            services.register_union(
                office=offices[code],
                registration_number=number,
                kind=kind,
                name_bn=name_bn,
                name_en=name_en,
                establishment=trade,
                address_bn=address_bn,
                address_en=address_en,
                registered_on=datetime.date(year, 1 + index % 12, 1 + (index * 7) % 28),
                office_bearers=bearers,
            )
            stats.add("trade unions")
    for union in Union.objects.filter(registration_number__in=[row[1] for row in UNIONS]):
        unions[union.registration_number] = union
    number, on, reason = CANCELLED
    union = unions.get(number)
    if union is not None and union.is_active:
        services.cancel_union(union, on=on, reason=reason)
    return unions


def ensure_representatives(stats, unions) -> None:
    for number, name, position, mobile in REPRESENTATIVES:
        union = unions.get(number)
        if union is None or Representative.objects.filter(mobile=f"+88{mobile}").exists():
            continue
        # Created directly rather than invited: loading the demo sends no SMS.
        Representative.objects.create(union=union, name=name, position=position, mobile=mobile)
        stats.add("union representatives")


def load_demo(stats) -> None:
    ensure_role_posts(stats, roles.UNION_EXAMINER, EXAMINER_TITLES, offices=OFFICES)
    ensure_holders(stats, HOLDERS)
    unions = ensure_unions(stats)
    ensure_representatives(stats, unions)
