"""Copies of the viewflow task's status, owner and creation time on RoutedTask, and one index per inbox.

Numbered 0004 as asked for this branch; it follows 0005_case_comments (renumber on merge).
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_from_tasks(apps, schema_editor):
    RoutedTask = apps.get_model("workflows_core", "RoutedTask")
    Task = apps.get_model("viewflow", "Task")
    task = Task.objects.filter(pk=OuterRef("pk"))
    RoutedTask.objects.update(
        status=Subquery(task.values("status")[:1]),
        owner_id=Subquery(task.values("owner_id")[:1]),
        created=Subquery(task.values("created")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("viewflow", "0015_task_scheduled"),
        ("workflows_core", "0006_roles_registry_and_reminder_times"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="routedtask",
            name="workflows_c_office__e12115_idx",
        ),
        migrations.AddField(
            model_name="routedtask",
            name="created",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="received"),
        ),
        migrations.AddField(
            model_name="routedtask",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="claimed by",
            ),
        ),
        migrations.AddField(
            model_name="routedtask",
            name="status",
            field=models.CharField(default="NEW", max_length=50, verbose_name="status"),
        ),
        migrations.RunPython(copy_from_tasks, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="routedtask",
            index=models.Index(fields=["post", "status", "due_at", "task"], name="routedtask_post_inbox"),
        ),
        migrations.AddIndex(
            model_name="routedtask",
            index=models.Index(fields=["owner", "status", "due_at", "task"], name="routedtask_owner_inbox"),
        ),
        migrations.AddIndex(
            model_name="routedtask",
            index=models.Index(fields=["office", "status", "due_at", "task"], name="routedtask_office_inbox"),
        ),
    ]
