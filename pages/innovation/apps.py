from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationConfig(AppConfig):
    name = "pages.innovation"
    label = "innovation"
    verbose_name = _("Innovation corner")
