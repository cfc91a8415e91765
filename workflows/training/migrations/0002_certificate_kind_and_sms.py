"""The training process's data: the wording of its certificate (editable in the admin afterwards, under
Snippets → Certificate kinds) and the SMS each trainee gets when it is issued."""

from django.db import migrations

from workflows.certificates.seeding import seed_kind
from workflows.core.notifications.seeding import seed_templates

CERTIFICATE = {
    "name_bn": "শ্রমিক প্রশিক্ষণ কোর্সের সনদ",
    "name_en": "Workers' training course certificate",
    "title_bn": "প্রশিক্ষণ সনদপত্র",
    "title_en": "Certificate of Training",
    # The certificate prints "This is to certify that" and the holder's name; the wording follows them.
    "body_bn": "{institute} কর্তৃক {starts_on} থেকে {ends_on} পর্যন্ত আয়োজিত {duration_days} দিনব্যাপী “{course}” "
    "প্রশিক্ষণ কোর্সের {batch} নম্বর ব্যাচে অংশগ্রহণ করে সাফল্যের সঙ্গে কোর্সটি সম্পন্ন করেছেন।",
    "body_en": "took part in batch {batch} of the {duration_days}-day course “{course}”, held by the {institute} "
    "from {starts_on} to {ends_on}, and completed it successfully.",
    "signatory_line_bn": "",
    "signatory_line_en": "",
    "extra_placeholders": "course = শ্রম আইন ও শিল্প সম্পর্ক বিষয়ক প্রশিক্ষণ\n"
    "batch = ১\n"
    "institute = শিল্প সম্পর্ক শিক্ষায়তন, টংগী\n"
    "starts_on = ১৫ নভেম্বর ২০২৬\n"
    "ends_on = ১৯ নভেম্বর ২০২৬\n"
    "duration_days = ৫",
    "layout": "classic",
}

TEMPLATES = {
    "training-certificate-issued": {
        "description": "To a trainee, when the certificate of a completed course is issued",
        "sms_bn": "{{ name }}, আপনার “{{ course }}” প্রশিক্ষণের সনদ ({{ serial }}) প্রস্তুত। ডাউনলোড: {{ link }} "
        "-শ্রম অধিদপ্তর",
        "sms_en": "{{ name }}, your certificate for “{{ course }}” ({{ serial }}) is ready. Download: {{ link }} -DoL",
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
        ("certificates", "0001_initial"),
        ("notifications", "0003_sla_templates"),
    ]

    operations = [seed_kind("training", **CERTIFICATE), seed_templates(TEMPLATES)]
