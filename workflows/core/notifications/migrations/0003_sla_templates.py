"""The notifications the SLA timers send to the holders of a post, in Bengali and English (core's own data)."""

from django.db import migrations

from workflows.core.notifications.seeding import seed_templates

TEMPLATES = {
    "task-due-soon": {
        "description": "To the holders of a post, before a task's due date",
        "email_subject_bn": "নির্ধারিত সময় শেষ হয়ে আসছে: {{ case }}",
        "email_subject_en": "Due soon: {{ case }}",
        "email_body_bn": "{{ post }}-এর কাজ {{ case }}-এর নির্ধারিত সময় শেষ হয়ে আসছে। কর্মপ্রবাহ → আমার কাজ দেখুন।",
        "email_body_en": "The task {{ case }} of {{ post }} is due soon. See Workflows → My tasks.",
        "sms_bn": "",
        "sms_en": "",
    },
    "task-escalated": {
        "description": "To the holders of the office head's post, when a task passed its due date",
        "email_subject_bn": "নির্ধারিত সময় পেরিয়েছে: {{ case }}",
        "email_subject_en": "Overdue and escalated: {{ case }}",
        "email_body_bn": "{{ case }}-এর কাজ নির্ধারিত সময়ে নিষ্পত্তি হয়নি এবং {{ post }}-এর কাছে পাঠানো হয়েছে।",
        "email_body_en": "The task {{ case }} was not done by its due date and has been routed to {{ post }}.",
        "sms_bn": "",
        "sms_en": "",
    },
}


class Migration(migrations.Migration):
    dependencies = [("notifications", "0002_outboxmessage_sending_until")]
    operations = [seed_templates(TEMPLATES)]
