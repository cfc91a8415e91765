"""The unions' SMS texts (editable afterwards in the admin, under Settings → Notification templates):
the invitation of a representative and the one-time sign-in code."""

from django.db import migrations

from workflows.core.notifications.seeding import seed_templates

TEMPLATES = {
    "union-representative-invited": {
        "description": "To a union's general secretary or treasurer, when invited to sign in for the union",
        "sms_bn": "{{ name }}, “{{ union }}”-এর প্রতিনিধি হিসেবে আপনাকে শ্রম অধিদপ্তরের পোর্টালে যুক্ত করা হয়েছে। "
        "{{ link }} ঠিকানায় এই মোবাইল নম্বর দিয়ে লগ ইন করুন; এসএমএসে একটি কোড আসবে। -শ্রম অধিদপ্তর",
        "sms_en": "{{ name }}, you have been added as a representative of “{{ union }}” on the Department of "
        "Labour's portal. Sign in at {{ link }} with this mobile number; a code will come by SMS. -DoL",
    },
    "union-sign-in-code": {
        "description": "To a union's representative: the one-time code that signs them in on the portal",
        "sms_bn": "{% load bangla %}ইউনিয়ন পোর্টালে লগ ইনের কোড: {{ code }}। কোডটি {{ minutes|local_digits }} মিনিট "
        "বৈধ। কাউকে জানাবেন না। -শ্রম অধিদপ্তর",
        "sms_en": "Your sign-in code for the union portal: {{ code }}. It is valid for {{ minutes }} minutes. "
        "Do not share it. -DoL",
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("unions", "0001_initial"),
        ("notifications", "0003_sla_templates"),
    ]

    operations = [seed_templates(TEMPLATES)]
