from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "workflows.core"
    label = "workflows_core"
    verbose_name = _("Organisation and workflow core")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system check)
