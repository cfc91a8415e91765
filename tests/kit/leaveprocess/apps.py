from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeaveProcessConfig(AppConfig):
    """A two-step leave request, installed by the test settings only: the proof that the kit carries a process."""

    name = "tests.kit.leaveprocess"
    label = "leaveprocess"
    verbose_name = _("Leave requests")

    def ready(self):
        from . import roles  # noqa: F401
