"""The annual-return process's data: the wording of the certificate of a union's audited statement (editable
afterwards under Snippets → Certificate kinds) and the SMS the union's representatives get."""

from django.db import migrations

from workflows.certificates.seeding import seed_kind
from workflows.core.notifications.seeding import seed_templates

CERTIFICATE = {
    "name_bn": "ট্রেড ইউনিয়নের বার্ষিক আয়-ব্যয় বিবরণী প্রত্যয়নপত্র",
    "name_en": "Certificate of a trade union's audited annual statement",
    "title_bn": "বার্ষিক আয়-ব্যয় বিবরণী প্রত্যয়নপত্র",
    "title_en": "Certificate of the Audited Annual Statement",
    # The certificate prints "This is to certify that" and the holder's (the union's) name; the wording follows.
    "body_bn": "(রেজিস্ট্রেশন নং {registration_number}) বাংলাদেশ শ্রম আইন, ২০০৬-এর ধারা ২০১ অনুযায়ী {year} সালের "
    "নিরীক্ষিত বার্ষিক আয়-ব্যয় বিবরণী দাখিল করেছে। বিবরণী অনুযায়ী বছরে মোট আয় {total_income} টাকা, মোট ব্যয় "
    "{total_expenditure} টাকা এবং বছর শেষে নগদ ও ব্যাংক স্থিতি {closing_balance} টাকা। বিবরণীটি পরীক্ষা করে গৃহীত হয়েছে।",
    "body_en": "(registration no. {registration_number}) has submitted its audited statement of income and "
    "expenditure for {year} under section 201 of the Bangladesh Labour Act 2006. The statement shows a total "
    "income of Tk {total_income}, a total expenditure of Tk {total_expenditure} and a closing cash and bank "
    "balance of Tk {closing_balance} at the end of the year. It has been examined and accepted.",
    "signatory_line_bn": "",
    "signatory_line_en": "",
    "extra_placeholders": "union = চট্টগ্রাম বন্দর শ্রমিক ইউনিয়ন\n"
    "registration_number = চট্ট-১২৩৪\n"
    "year = ২০২৫\n"
    "total_income = ১২,৫০,০০০.০০\n"
    "total_expenditure = ১০,২০,৫০০.৫০\n"
    "closing_balance = ৪,৩৯,৪৯৯.৫০",
    "layout": "classic",
}

TEMPLATES = {
    "union-return-received": {
        "description": "To a union's representatives, when its annual return is submitted",
        "sms_bn": "{{ union }}-এর {{ year }} সালের বার্ষিক রিটার্ন ({{ tracking_number }}) শ্রম দপ্তরে জমা হয়েছে। "
        "-শ্রম অধিদপ্তর",
        "sms_en": "The annual return {{ year }} of {{ union }} ({{ tracking_number }}) has been received. -DoL",
    },
    "union-return-returned": {
        "description": "To a union's representatives, when the office returns its annual return with remarks",
        "sms_bn": "{{ union }}-এর {{ year }} সালের বার্ষিক রিটার্ন মন্তব্যসহ ফেরত পাঠানো হয়েছে। পোর্টালে সংশোধন করে "
        "আবার জমা দিন। -শ্রম অধিদপ্তর",
        "sms_en": "The annual return {{ year }} of {{ union }} was returned with remarks. Correct it on the portal "
        "and submit it again. -DoL",
    },
    "union-return-certified": {
        "description": "To a union's representatives, when the certificate of its annual return is issued",
        "sms_bn": "{{ union }}-এর {{ year }} সালের বার্ষিক আয়-ব্যয় বিবরণী প্রত্যয়িত হয়েছে। প্রত্যয়নপত্র পোর্টালে "
        "ইউনিয়নের পাতা থেকে নামান। -শ্রম অধিদপ্তর",
        "sms_en": "The annual statement {{ year }} of {{ union }} is certified. Download the certificate from the "
        "union's page on the portal. -DoL",
    },
    "union-return-season-reminder": {
        "description": "To a union's representatives, in March and April, while last year's return is not submitted",
        "sms_bn": "{{ union }}: {{ year }} সালের নিরীক্ষিত বার্ষিক রিটার্ন {{ due_on }}-এর মধ্যে পোর্টালে জমা দিন। "
        "-শ্রম অধিদপ্তর",
        "sms_en": "{{ union }}: submit the audited annual return {{ year }} on the portal by {{ due_on }}. -DoL",
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("unionreturns", "0001_initial"),
        ("certificates", "0001_initial"),
        ("notifications", "0003_sla_templates"),
    ]

    operations = [seed_kind("union-audit", **CERTIFICATE), seed_templates(TEMPLATES)]
