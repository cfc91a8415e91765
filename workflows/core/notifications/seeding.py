"""Notification templates are each app's data: an app's data migration creates the ones it sends.

    operations = [seed_templates({"leave-received": {"description": ..., "email_subject_bn": ..., ...}})]

Only missing templates are created, so a text an administrator edited is never overwritten; reversing
the migration removes them.
"""

from django.db import migrations


def seed_templates(templates: dict) -> migrations.RunPython:
    def create(apps, schema_editor):
        NotificationTemplate = apps.get_model("notifications", "NotificationTemplate")
        for key, fields in templates.items():
            NotificationTemplate.objects.get_or_create(key=key, defaults=fields)

    def remove(apps, schema_editor):
        apps.get_model("notifications", "NotificationTemplate").objects.filter(key__in=templates).delete()

    return migrations.RunPython(create, remove)
