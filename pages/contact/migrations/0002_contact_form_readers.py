"""The "Contact-form readers" group, with the permissions that let its members read the contact form's
submissions (pages/contact/readers.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Contact-form readers"  # as in readers.py; a migration keeps its own copy
GROUP_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtailforms", "view_formsubmission"),
    ("wagtailforms", "delete_formsubmission"),
]


def add_group(apps, schema_editor):
    # On a fresh database the permissions are made after the last migration: make them now.
    for label in {app_label for app_label, _codename in GROUP_PERMISSIONS}:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, codename in GROUP_PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]

    operations = [migrations.RunPython(add_group, remove_group)]
