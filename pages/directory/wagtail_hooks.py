"""Officers are edited under Snippets, one entry per language."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Officer


class OfficerViewSet(SnippetViewSet):
    model = Officer
    icon = "user"
    menu_label = _("Officers")
    list_display = ["name", "designation", "office", "phone"]
    list_filter = ["office"]
    search_fields = ["name", "designation"]


register_snippet(OfficerViewSet)
