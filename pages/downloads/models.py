"""Downloads: acts, rules, forms and reports, with each file's type and size."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index


class DownloadsPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro"), InlinePanel("items", label=_("files"))]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []

    class Meta:
        verbose_name = _("downloads page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.items.select_related("document")
        category = request.GET.get("category", "")
        if category in DownloadItem.Category.values:
            items = items.filter(category=category)
        else:
            category = ""
        context["category"] = category
        context["categories"] = DownloadItem.Category.choices
        context["items"] = items
        return context


class DownloadItem(TranslatableMixin, Orderable):
    class Category(models.TextChoices):
        ACT = "act", _("Acts")
        RULE = "rule", _("Rules")
        POLICY = "policy", _("Policies")
        FORM = "form", _("Forms")
        REPORT = "report", _("Reports")

    page = ParentalKey(DownloadsPage, related_name="items", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=255)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)

    panels = [FieldPanel("title"), FieldPanel("category"), FieldPanel("document"), FieldPanel("year")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("file")
