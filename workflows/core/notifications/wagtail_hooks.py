"""Notification texts are edited in the Wagtail admin under Snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NotificationTemplate


class NotificationTemplateViewSet(SnippetViewSet):
    model = NotificationTemplate
    icon = "mail"
    menu_label = _("Notification templates")
    list_display = ["key", "description"]
    search_fields = ["key", "description"]
    ordering = ["key"]

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("description")]),
        HelpPanel(
            content=_(
                "Texts use Django template syntax: {{ reference }} inserts a value the notification provides. "
                "Leave both texts of a channel blank to send nothing on that channel; "
                "a blank English text falls back to the Bengali one."
            )
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("email_subject_bn"), FieldPanel("email_subject_en")]),
                FieldRowPanel([FieldPanel("email_body_bn"), FieldPanel("email_body_en")]),
            ],
            heading=_("Email"),
        ),
        MultiFieldPanel([FieldRowPanel([FieldPanel("sms_bn"), FieldPanel("sms_en")])], heading=_("SMS")),
    ]


register_snippet(NotificationTemplateViewSet)
