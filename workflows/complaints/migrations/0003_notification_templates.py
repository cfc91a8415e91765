"""The notifications the complaint process sends, in Bengali and English (the SLA timers' are the core's:
notifications/migrations/0002_sla_templates.py).

They are data, editable in the admin (Snippets → Notification templates); this only creates the ones
that are missing, so an edited text is never overwritten.
"""

from django.db import migrations

from workflows.core.notifications.seeding import seed_templates

TEMPLATES = {
    "complaint-received": {
        "description": "To the complainant, when a complaint is filed",
        "email_subject_bn": "অভিযোগ গৃহীত হয়েছে: {{ tracking_number }}",
        "email_subject_en": "Complaint received: {{ tracking_number }}",
        "email_body_bn": "আপনার অভিযোগ গৃহীত হয়েছে। ট্র্যাকিং নম্বর: {{ tracking_number }}।\n"
        "দপ্তর: {{ office }}।\nঅবস্থা জানতে পোর্টালের 'অভিযোগের অবস্থা' পাতায় ট্র্যাকিং নম্বর দিন।",
        "email_body_en": "Your complaint has been received. Tracking number: {{ tracking_number }}.\n"
        "Office: {{ office }}.\nTo follow it, enter the tracking number on the portal's complaint status page.",
        "sms_bn": "অভিযোগ গৃহীত। ট্র্যাকিং নম্বর {{ tracking_number }}। -শ্রম ও কর্মসংস্থান মন্ত্রণালয়",
        "sms_en": "Complaint received. Tracking number {{ tracking_number }}. -MoLE",
    },
    "complaint-information-requested": {
        "description": "To the complainant, when the officer asks for more information",
        "email_subject_bn": "অভিযোগ {{ tracking_number }}: আরও তথ্য প্রয়োজন",
        "email_subject_en": "Complaint {{ tracking_number }}: more information needed",
        "email_body_bn": "আপনার অভিযোগ {{ tracking_number }} বিষয়ে দপ্তর জানতে চেয়েছে:\n{{ question }}\n"
        "অভিযোগের অবস্থা পাতায় উত্তর দিন।",
        "email_body_en": "About your complaint {{ tracking_number }}, the office asks:\n{{ question }}\n"
        "Please answer on the complaint status page.",
        "sms_bn": "অভিযোগ {{ tracking_number }}: দপ্তর আরও তথ্য চেয়েছে। অবস্থা পাতায় উত্তর দিন।",
        "sms_en": "Complaint {{ tracking_number }}: the office asks for more information. Answer on the status page.",
    },
    "complaint-forwarded": {
        "description": "To the complainant, when the complaint is forwarded to another office",
        "email_subject_bn": "অভিযোগ {{ tracking_number }} অন্য দপ্তরে প্রেরণ করা হয়েছে",
        "email_subject_en": "Complaint {{ tracking_number }} forwarded to another office",
        "email_body_bn": "আপনার অভিযোগ {{ tracking_number }} নিষ্পত্তির জন্য {{ office }}-এ প্রেরণ করা হয়েছে।",
        "email_body_en": "Your complaint {{ tracking_number }} has been forwarded to {{ office }} to be dealt with.",
        "sms_bn": "অভিযোগ {{ tracking_number }} {{ office }}-এ প্রেরণ করা হয়েছে।",
        "sms_en": "Complaint {{ tracking_number }} forwarded to {{ office }}.",
    },
    "complaint-decided": {
        "description": "To the complainant, when the complaint is resolved or rejected",
        "email_subject_bn": "অভিযোগ {{ tracking_number }}: সিদ্ধান্ত",
        "email_subject_en": "Complaint {{ tracking_number }}: decision",
        "email_body_bn": "আপনার অভিযোগ {{ tracking_number }}: {{ status }}।\n{{ public_reply }}\n"
        "সিদ্ধান্তে সন্তুষ্ট না হলে অভিযোগের অবস্থা পাতা থেকে আপিল করতে পারেন।",
        "email_body_en": "Your complaint {{ tracking_number }}: {{ status }}.\n{{ public_reply }}\n"
        "If you do not accept the decision, you may appeal from the complaint status page.",
        "sms_bn": "অভিযোগ {{ tracking_number }}: {{ status }}। বিস্তারিত অবস্থা পাতায়।",
        "sms_en": "Complaint {{ tracking_number }}: {{ status }}. Details on the status page.",
    },
    "complaint-appeal-received": {
        "description": "To the complainant, when an appeal is filed",
        "email_subject_bn": "আপিল গৃহীত হয়েছে: {{ tracking_number }}",
        "email_subject_en": "Appeal received: {{ tracking_number }}",
        "email_body_bn": "অভিযোগ {{ tracking_number }}-এর বিষয়ে আপনার আপিল গৃহীত হয়েছে।",
        "email_body_en": "Your appeal about complaint {{ tracking_number }} has been received.",
        "sms_bn": "অভিযোগ {{ tracking_number }}: আপিল গৃহীত।",
        "sms_en": "Complaint {{ tracking_number }}: appeal received.",
    },
    "complaint-appeal-decided": {
        "description": "To the complainant, when the appeal is decided",
        "email_subject_bn": "আপিলের সিদ্ধান্ত: {{ tracking_number }}",
        "email_subject_en": "Decision on the appeal: {{ tracking_number }}",
        "email_body_bn": "অভিযোগ {{ tracking_number }}-এর আপিলের সিদ্ধান্ত:\n{{ public_reply }}",
        "email_body_en": "Decision on the appeal about complaint {{ tracking_number }}:\n{{ public_reply }}",
        "sms_bn": "অভিযোগ {{ tracking_number }}: আপিলের সিদ্ধান্ত হয়েছে। বিস্তারিত অবস্থা পাতায়।",
        "sms_en": "Complaint {{ tracking_number }}: the appeal has been decided. Details on the status page.",
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0002_processes_and_time_limits"),
        ("notifications", "0001_initial"),
    ]
    operations = [seed_templates(TEMPLATES)]
