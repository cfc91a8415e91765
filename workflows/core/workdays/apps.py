from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "workflows.core.workdays"
    label = "workdays"
    verbose_name = _("Working days and holidays")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Holiday, WorkingWeek
        from .services import invalidate_calendar

        # Every cached calendar is dropped the moment a holiday or the working week changes.
        for model in (Holiday, WorkingWeek):
            name = model._meta.label
            post_save.connect(invalidate_calendar, sender=model, dispatch_uid=f"workdays-save-{name}")
            post_delete.connect(invalidate_calendar, sender=model, dispatch_uid=f"workdays-delete-{name}")
