"""Admin registrations of the portal's shared snippets, and the admin's Bengali font."""

from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_filters
from .avatars import avatar_url, has_uploaded_avatar
from .models import Menu
from .table_block import HANDSONTABLE_BENGALI, handsontable_dictionary, handsontable_language


class MenuViewSet(SnippetViewSet):
    model = Menu
    icon = "list-ul"
    menu_label = _("Menus")
    list_display = ["slot", "locale"]


register_snippet(MenuViewSet)
admin_filters.register()


@hooks.register("insert_global_admin_css")
def bengali_admin_font():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    """The site's initials instead of gravatar.com's; None leaves an uploaded avatar to Wagtail."""
    if not getattr(user, "pk", None) or has_uploaded_avatar(user):
        return None
    return avatar_url(user)


@hooks.register("insert_editor_js")
def handsontable_bengali():
    """The table editor's Bengali phrases, before any table is drawn (Handsontable ships no Bengali)."""
    if handsontable_language() != HANDSONTABLE_BENGALI:
        return ""
    return format_html(
        '{}<script src="{}"></script>',
        json_script(handsontable_dictionary(), "handsontable-bn-dictionary"),
        static("js/handsontable-bn.js"),
    )
