"""The service box (সেবা বক্স): one page per citizen-charter service, and the charter as one table."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from pages.base.translations import translated


class ServiceBoxPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["services.ServicePage"]
    # A listing of other pages: ranked after content pages in search, no "last updated" date.
    is_index_page = True

    class Meta:
        verbose_name = _("service box")

    def services(self):
        return translated(ServicePage.objects.live().child_of(self)).select_related("responsible_officer", "office")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = self.services()
        return context


class ServicePage(Page):
    """One service of the citizen charter: what, who, which papers, fee, time limit, steps, whom to ask."""

    class Recipient(models.TextChoices):
        CITIZEN = "citizen", _("Citizens")
        INSTITUTIONAL = "institutional", _("Institutions")
        INTERNAL = "internal", _("Internal")

    summary = models.TextField(_("what the service is"))
    recipient = models.CharField(_("service for"), max_length=20, choices=Recipient.choices, default=Recipient.CITIZEN)
    eligibility = RichTextField(_("who is eligible"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    documents_needed = RichTextField(
        _("documents needed"), blank=True, features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )
    fee = models.CharField(_("fee and how to pay"), max_length=255, default="", blank=True)
    time_limit_days = models.PositiveSmallIntegerField(_("time limit (working days)"), null=True, blank=True)
    steps = StreamField(
        [("step", blocks.CharBlock(label=_("step")))], verbose_name=_("steps"), blank=True, use_json_field=True
    )
    office = models.ForeignKey(
        "workflows_core.Office",
        verbose_name=_("office providing the service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responsible_officer = models.ForeignKey(
        "directory.Officer",
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online_url = models.CharField(
        _("online process link"),
        max_length=255,
        blank=True,
        help_text=_("Where the citizen starts this service online, if it can be done online."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("recipient"),
        FieldPanel("eligibility"),
        FieldPanel("documents_needed"),
        FieldRowPanel([FieldPanel("fee"), FieldPanel("time_limit_days")]),
        FieldPanel("steps"),
        MultiFieldPanel(
            [FieldPanel("office"), FieldPanel("responsible_officer"), FieldPanel("online_url")], heading=_("Delivery")
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("eligibility"),
        index.SearchField("documents_needed"),
        index.SearchField("steps"),
    ]
    parent_page_types = ["services.ServiceBoxPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")


class CitizenCharterPage(Page):
    """The citizen charter (সিটিজেন চার্টার): every service of this language in one table."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    grievance_text = RichTextField(_("grievance redress"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("grievance_text")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []

    class Meta:
        verbose_name = _("citizen charter")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = (
            translated(ServicePage.objects.live().filter(locale_id=self.locale_id))
            .select_related("responsible_officer", "office")
            .order_by("path")
        )
        return context
