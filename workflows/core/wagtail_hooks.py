"""Offices are edited in the Wagtail admin under Snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Office


class OfficeViewSet(SnippetViewSet):
    model = Office
    icon = "site"
    menu_label = _("Offices")
    list_display = ["name_bn", "name_en", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name_bn", "name_en", "code"]
    ordering = ["sort_order", "name_en"]

    def get_queryset(self, request):
        return Office.objects.select_related("parent")

    panels = [
        FieldRowPanel([FieldPanel("name_bn"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
        FieldPanel("parent"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("address_bn"), FieldPanel("address_en")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("sort_order"),
    ]


register_snippet(OfficeViewSet)
