"""The innovation corner (ইনোভেশন কর্নার): action plan, selected ideas and meeting minutes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from pages.base.translations import translated


class InnovationCornerPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    action_plan_year = models.CharField(
        _("action plan year"), max_length=20, blank=True, help_text=_("For example 2021-2022.")
    )
    action_plan = RichTextField(_("innovation action plan"), blank=True)
    action_plan_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("action plan document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("action_plan_year"), FieldPanel("action_plan"), FieldPanel("action_plan_document")],
            heading=_("Action plan"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("action_plan")]
    subpage_types = ["innovation.InnovationIdeaPage", "innovation.MeetingMinutesPage", "base.StandardPage"]
    # A listing of other pages: ranked after content pages in search, no "last updated" date.
    is_index_page = True

    class Meta:
        verbose_name = _("innovation corner")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ideas"] = translated(InnovationIdeaPage.objects.live().child_of(self)).select_related("office")
        context["minutes"] = translated(MeetingMinutesPage.objects.live().child_of(self)).order_by("-meeting_date")
        return context


class InnovationIdeaPage(Page):
    class Category(models.TextChoices):
        INNOVATIVE_IDEA = "innovative_idea", _("Innovative idea")
        DIGITISED_SERVICE = "digitised_service", _("Digitised service")
        SERVICE_SIMPLIFICATION = "service_simplification", _("Service simplification")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        SELECTED = "selected", _("Selected")
        PILOTING = "piloting", _("Piloting")
        IMPLEMENTED = "implemented", _("Implemented")
        REPLICATED = "replicated", _("Replicated")

    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SELECTED)
    fiscal_year = models.CharField(_("fiscal year"), max_length=20, blank=True)
    proposer_name = models.CharField(_("proposed by"), max_length=255)
    proposer_designation = models.CharField(_("proposer's designation"), max_length=255, blank=True)
    office = models.ForeignKey(
        "workflows_core.Office",
        verbose_name=_("office"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    problem = RichTextField(_("problem"), blank=True)
    solution = RichTextField(_("solution"), blank=True)
    expected_benefit = RichTextField(_("expected benefit"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("category"), FieldPanel("status"), FieldPanel("fiscal_year")]),
        MultiFieldPanel(
            [FieldPanel("proposer_name"), FieldPanel("proposer_designation"), FieldPanel("office")],
            heading=_("Proposer"),
        ),
        FieldPanel("problem"),
        FieldPanel("solution"),
        FieldPanel("expected_benefit"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("proposer_name"),
        index.SearchField("problem"),
        index.SearchField("solution"),
        index.SearchField("expected_benefit"),
        index.FilterField("category"),
        index.FilterField("status"),
    ]
    parent_page_types = ["innovation.InnovationCornerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("innovation idea")
        verbose_name_plural = _("innovation ideas")


class MeetingMinutesPage(Page):
    """Minutes of a meeting (সভার কার্যবিবরণী), laid out as the official document is."""

    letterhead = models.TextField(_("letterhead"), blank=True, help_text=_("One line per line of the heading."))
    chair = models.CharField(_("chair"), max_length=255)
    meeting_date = models.DateField(_("meeting date"))
    meeting_time = models.CharField(_("time"), max_length=60, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    attendance = models.CharField(_("attendance"), max_length=255, blank=True)
    proceedings = models.TextField(_("proceedings"), blank=True)
    decisions_intro = models.CharField(_("text before the decisions"), max_length=255, blank=True)
    closing = models.TextField(_("closing"), blank=True)
    signatory_name = models.CharField(_("signed by"), max_length=255, blank=True)
    signatory_designation = models.TextField(_("signatory's designation"), blank=True)
    memo_number = models.CharField(_("memo number"), max_length=100, blank=True)
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    distribution_heading = models.CharField(_("distribution heading"), max_length=255, blank=True)
    issuer_name = models.CharField(_("issued by"), max_length=255, blank=True)
    issuer_designation = models.CharField(_("issuer's designation"), max_length=255, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("letterhead"),
        MultiFieldPanel(
            [
                FieldPanel("chair"),
                FieldRowPanel([FieldPanel("meeting_date"), FieldPanel("meeting_time")]),
                FieldPanel("venue"),
                FieldPanel("attendance"),
            ],
            heading=_("Meeting"),
        ),
        FieldPanel("proceedings"),
        FieldPanel("decisions_intro"),
        InlinePanel("decisions", label=_("decisions")),
        FieldPanel("closing"),
        MultiFieldPanel([FieldPanel("signatory_name"), FieldPanel("signatory_designation")], heading=_("Signatory")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("memo_number"), FieldPanel("issue_date")]),
                FieldPanel("distribution_heading"),
                InlinePanel("distribution", label=_("distribution list")),
                FieldRowPanel([FieldPanel("issuer_name"), FieldPanel("issuer_designation")]),
            ],
            heading=_("Memo and distribution"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("chair"),
        index.SearchField("proceedings"),
        index.SearchField("memo_number"),
        index.FilterField("meeting_date"),
    ]
    parent_page_types = ["innovation.InnovationCornerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("meeting minutes")
        verbose_name_plural = _("meeting minutes")

    def clean(self):
        # A title is a heading, and headings take no full stop; the seed memo's title ends with "।", and
        # a title pasted from such a memo would show it in the heading, the page's <title> and listings.
        self.title = self.title.strip().rstrip("।.").rstrip()
        super().clean()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["decisions"] = self.decisions.all()
        context["distribution"] = self.distribution.all()
        return context


class MinutesDecision(TranslatableMixin, Orderable):
    page = ParentalKey(MeetingMinutesPage, related_name="decisions", on_delete=models.CASCADE)
    subject = models.TextField(_("subject"))
    decision = models.TextField(_("decision"))
    implementer = models.TextField(_("implemented by"), blank=True)

    panels = [FieldPanel("subject"), FieldPanel("decision"), FieldPanel("implementer")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("decision")


class DistributionEntry(TranslatableMixin, Orderable):
    page = ParentalKey(MeetingMinutesPage, related_name="distribution", on_delete=models.CASCADE)
    recipient = models.TextField(_("recipient"))

    panels = [FieldPanel("recipient")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("recipient")
