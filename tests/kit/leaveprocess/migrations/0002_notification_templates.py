from django.db import migrations

from workflows.core.notifications.seeding import seed_templates

TEMPLATES = {
    "leave-received": {
        "description": "To the applicant, when a leave request is filed",
        "email_subject_bn": "ছুটির আবেদন গৃহীত: {{ tracking_number }}",
        "email_subject_en": "Leave request received: {{ tracking_number }}",
        "email_body_bn": "আপনার ছুটির আবেদন {{ tracking_number }} গৃহীত হয়েছে।",
        "email_body_en": "Your leave request {{ tracking_number }} has been received.",
    },
    "leave-decided": {
        "description": "To the applicant, when the office head decides",
        "email_subject_bn": "ছুটির আবেদন {{ tracking_number }}: {{ status }}",
        "email_subject_en": "Leave request {{ tracking_number }}: {{ status }}",
        "email_body_bn": "আপনার ছুটির আবেদন {{ tracking_number }}: {{ status }}।",
        "email_body_en": "Your leave request {{ tracking_number }}: {{ status }}.",
    },
}


class Migration(migrations.Migration):
    dependencies = [("leaveprocess", "0001_initial"), ("notifications", "0001_initial")]
    operations = [seed_templates(TEMPLATES)]
