from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "workflows.core"
    label = "workflows_core"
    verbose_name = _("Organisation and workflow core")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import checks  # noqa: F401  (registers the system check)
        from .access import forget_access

        # Who acts for which post and which offices it covers are cached (access.py): any change renews them.
        for model in ("Office", "Post", "PostHolding", "Delegation"):
            sender = self.get_model(model)
            post_save.connect(forget_access, sender=sender, dispatch_uid=f"workflows-access-save-{model}")
            post_delete.connect(forget_access, sender=sender, dispatch_uid=f"workflows-access-delete-{model}")
