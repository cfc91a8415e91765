"""Holidays are edited in the Wagtail admin under Snippets; the working week under Settings."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Holiday


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Holidays")
    list_display = ["date", "name_bn", "name_en", "kind"]
    list_filter = ["kind"]
    # Searched in the database, not the search index: the seeded holidays were written by a migration,
    # which never updates the index.
    search_fields = ["name_bn", "name_en"]
    ordering = ["date"]

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("name_bn"), FieldPanel("name_en")]),
    ]


register_snippet(HolidayViewSet)
