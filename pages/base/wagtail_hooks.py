"""Admin registrations of the portal's shared snippets, and the admin's Bengali font."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Menu


class MenuViewSet(SnippetViewSet):
    model = Menu
    icon = "list-ul"
    menu_label = _("Menus")
    list_display = ["slot", "locale"]


register_snippet(MenuViewSet)


@hooks.register("insert_global_admin_css")
def bengali_admin_font():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
