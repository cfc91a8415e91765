"""Seeds Bangladesh's public and executive-order holidays for 2025, 2026 and 2027.

Sources: the Ministry of Public Administration's holiday lists for 2025 and 2026 (general holidays,
"সাধারণ ছুটি", are kind public; days granted by executive order, "নির্বাহী আদেশে ছুটি", are kind
executive_order), with the changes announced during those years: 3 April 2025 added to Eid ul-Fitr,
Eid ul-Adha 2025 extended to 5–14 June, 18 March 2026 added to Eid ul-Fitr and Eid ul-Adha 2026 set to
25–31 May. The Birthday of the Father of the Nation (17 March) is no longer a holiday from 2025 and is
left out; July Mass Uprising Day (5 August) is one from 2025.

Moon-dependent dates (Shab-e-Barat, Shab-e-Qadr, Jumatul Bidah, the two Eids, Ashura,
Eid-e-Miladunnabi, Buddha Purnima, Janmashtami, Durga Puja) follow the government's published list as
expected dates; they move when the moon is sighted and must then be corrected in the admin (Snippets →
Holidays). The 2027 list was not published when this was written: its moon-dependent dates are
astronomical estimates (the day after the new crescent becomes visible over Dhaka; the tithi for the
Hindu and Buddhist festivals) laid out like the 2025 and 2026 lists, and must be checked against the
government's list for 2027 as soon as it is out.

Not representable here: the Saturdays the government made working days to compensate for long Eid
breaks (17 and 24 May 2025, 23 May 2026) stay weekly off days.

Rows are written with update_or_create on the date, so running this on a database that already holds
some of these days does not duplicate them; reversing deletes the seeded dates.
"""

from datetime import date

from django.db import migrations

PUBLIC = "public"
EXECUTIVE_ORDER = "executive_order"

NAMES = {
    "shab_e_barat": ("শব-ই-বরাত", "Shab-e-Barat"),
    "shaheed_day": ("শহীদ দিবস ও আন্তর্জাতিক মাতৃভাষা দিবস", "Shaheed Day and International Mother Language Day"),
    "shab_e_qadr": ("শব-ই-কদর", "Shab-e-Qadr"),
    "jumatul_bidah": ("জুমাতুল বিদা", "Jumatul Bidah"),
    "shab_e_qadr_jumatul_bidah": ("শব-ই-কদর ও জুমাতুল বিদা", "Shab-e-Qadr and Jumatul Bidah"),
    "eid_ul_fitr": ("ঈদুল ফিতর", "Eid ul-Fitr"),
    "eid_ul_fitr_holiday": ("ঈদুল ফিতরের ছুটি", "Eid ul-Fitr holiday"),
    "independence_day": ("স্বাধীনতা ও জাতীয় দিবস", "Independence and National Day"),
    "pohela_boishakh": ("বাংলা নববর্ষ (পহেলা বৈশাখ)", "Bengali New Year (Pohela Boishakh)"),
    "may_day": ("মে দিবস", "May Day"),
    "buddha_purnima": ("বুদ্ধপূর্ণিমা (বৈশাখী পূর্ণিমা)", "Buddha Purnima"),
    "may_day_buddha_purnima": ("মে দিবস ও বুদ্ধপূর্ণিমা (বৈশাখী পূর্ণিমা)", "May Day and Buddha Purnima"),
    "eid_ul_adha": ("ঈদুল আজহা", "Eid ul-Adha"),
    "eid_ul_adha_holiday": ("ঈদুল আজহার ছুটি", "Eid ul-Adha holiday"),
    "eid_ul_adha_holiday_buddha_purnima": (
        "ঈদুল আজহার ছুটি ও বুদ্ধপূর্ণিমা (বৈশাখী পূর্ণিমা)",
        "Eid ul-Adha holiday and Buddha Purnima",
    ),
    "ashura": ("আশুরা", "Ashura"),
    "july_uprising_day": ("জুলাই গণঅভ্যুত্থান দিবস", "July Mass Uprising Day"),
    "janmashtami": ("শুভ জন্মাষ্টমী", "Janmashtami"),
    "eid_e_miladunnabi": ("ঈদে মিলাদুন্নবী (সা.)", "Eid-e-Miladunnabi"),
    "durga_puja_nabami": ("দুর্গাপূজা (নবমী)", "Durga Puja (Nabami)"),
    "durga_puja_dashami": ("দুর্গাপূজা (বিজয়া দশমী)", "Durga Puja (Bijoya Dashami)"),
    "victory_day": ("বিজয় দিবস", "Victory Day"),
    "christmas": ("যিশুখ্রিষ্টের জন্মদিন (বড়দিন)", "Christmas Day"),
}

HOLIDAYS = [
    # --- 2025 ---
    ("2025-02-15", EXECUTIVE_ORDER, "shab_e_barat"),
    ("2025-02-21", PUBLIC, "shaheed_day"),
    ("2025-03-26", PUBLIC, "independence_day"),
    ("2025-03-28", PUBLIC, "shab_e_qadr_jumatul_bidah"),
    ("2025-03-29", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2025-03-30", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2025-03-31", PUBLIC, "eid_ul_fitr"),
    ("2025-04-01", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2025-04-02", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2025-04-03", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2025-04-14", EXECUTIVE_ORDER, "pohela_boishakh"),
    ("2025-05-01", PUBLIC, "may_day"),
    ("2025-05-11", PUBLIC, "buddha_purnima"),
    ("2025-06-05", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2025-06-06", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2025-06-07", PUBLIC, "eid_ul_adha"),
    ("2025-06-08", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2025-06-09", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2025-06-10", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2025-06-11", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2025-06-12", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2025-06-13", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2025-06-14", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2025-07-06", EXECUTIVE_ORDER, "ashura"),
    ("2025-08-05", PUBLIC, "july_uprising_day"),
    ("2025-08-16", PUBLIC, "janmashtami"),
    ("2025-09-05", PUBLIC, "eid_e_miladunnabi"),
    ("2025-10-01", EXECUTIVE_ORDER, "durga_puja_nabami"),
    ("2025-10-02", PUBLIC, "durga_puja_dashami"),
    ("2025-12-16", PUBLIC, "victory_day"),
    ("2025-12-25", PUBLIC, "christmas"),
    # --- 2026 ---
    ("2026-02-04", EXECUTIVE_ORDER, "shab_e_barat"),
    ("2026-02-21", PUBLIC, "shaheed_day"),
    ("2026-03-17", EXECUTIVE_ORDER, "shab_e_qadr"),
    ("2026-03-18", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2026-03-19", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2026-03-20", PUBLIC, "jumatul_bidah"),
    ("2026-03-21", PUBLIC, "eid_ul_fitr"),
    ("2026-03-22", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2026-03-23", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2026-03-26", PUBLIC, "independence_day"),
    ("2026-04-14", EXECUTIVE_ORDER, "pohela_boishakh"),
    ("2026-05-01", PUBLIC, "may_day_buddha_purnima"),
    ("2026-05-25", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2026-05-26", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2026-05-27", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2026-05-28", PUBLIC, "eid_ul_adha"),
    ("2026-05-29", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2026-05-30", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2026-05-31", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2026-06-26", EXECUTIVE_ORDER, "ashura"),
    ("2026-08-05", PUBLIC, "july_uprising_day"),
    ("2026-08-26", PUBLIC, "eid_e_miladunnabi"),
    ("2026-09-04", PUBLIC, "janmashtami"),
    ("2026-10-20", EXECUTIVE_ORDER, "durga_puja_nabami"),
    ("2026-10-21", PUBLIC, "durga_puja_dashami"),
    ("2026-12-16", PUBLIC, "victory_day"),
    ("2026-12-25", PUBLIC, "christmas"),
    # --- 2027 (moon-dependent dates estimated; see the docstring) ---
    ("2027-01-24", EXECUTIVE_ORDER, "shab_e_barat"),
    ("2027-02-21", PUBLIC, "shaheed_day"),
    ("2027-03-05", PUBLIC, "jumatul_bidah"),
    ("2027-03-07", EXECUTIVE_ORDER, "shab_e_qadr"),
    ("2027-03-08", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2027-03-09", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2027-03-10", PUBLIC, "eid_ul_fitr"),
    ("2027-03-11", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2027-03-12", EXECUTIVE_ORDER, "eid_ul_fitr_holiday"),
    ("2027-03-26", PUBLIC, "independence_day"),
    ("2027-04-14", EXECUTIVE_ORDER, "pohela_boishakh"),
    ("2027-05-01", PUBLIC, "may_day"),
    ("2027-05-15", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2027-05-16", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2027-05-17", PUBLIC, "eid_ul_adha"),
    ("2027-05-18", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2027-05-19", EXECUTIVE_ORDER, "eid_ul_adha_holiday"),
    ("2027-05-20", PUBLIC, "eid_ul_adha_holiday_buddha_purnima"),
    ("2027-06-16", EXECUTIVE_ORDER, "ashura"),
    ("2027-08-05", PUBLIC, "july_uprising_day"),
    ("2027-08-15", PUBLIC, "eid_e_miladunnabi"),
    ("2027-08-24", PUBLIC, "janmashtami"),
    ("2027-10-09", EXECUTIVE_ORDER, "durga_puja_nabami"),
    ("2027-10-10", PUBLIC, "durga_puja_dashami"),
    ("2027-12-16", PUBLIC, "victory_day"),
    ("2027-12-25", PUBLIC, "christmas"),
]


def seed_holidays(apps, schema_editor):
    Holiday = apps.get_model("workdays", "Holiday")
    for day, kind, key in HOLIDAYS:
        name_bn, name_en = NAMES[key]
        Holiday.objects.update_or_create(
            date=date.fromisoformat(day),
            defaults={"name_bn": name_bn, "name_en": name_en, "kind": kind},
        )


def unseed_holidays(apps, schema_editor):
    Holiday = apps.get_model("workdays", "Holiday")
    Holiday.objects.filter(date__in=[date.fromisoformat(day) for day, _kind, _key in HOLIDAYS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workdays", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed_holidays, unseed_holidays),
    ]
