"""The officer directory: officers as translatable snippets, listed by office and searchable."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index


class Officer(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=255)
    designation = models.CharField(_("designation"), max_length=255)
    office = models.ForeignKey(
        "workflows_core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="officers"
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveIntegerField(_("order within the office"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("designation")]),
        FieldPanel("office"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("photo"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("designation"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["office__sort_order", "office_id", "sort_order", "name"]
        verbose_name = _("officer")
        verbose_name_plural = _("officers")

    def __str__(self):
        return f"{self.name}, {self.designation}"


class OfficerDirectoryPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []

    class Meta:
        verbose_name = _("officer directory")

    def officers(self, query=""):
        officers = Officer.objects.filter(locale_id=self.locale_id).select_related("office", "photo")
        if query:
            officers = officers.filter(
                Q(name__icontains=query)
                | Q(designation__icontains=query)
                | Q(office__name_bn__icontains=query)
                | Q(office__name_en__icontains=query)
                | Q(phone__icontains=query)
                | Q(email__icontains=query)
            )
        return officers

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[:100]
        context["query"] = query
        context["officers"] = self.officers(query)
        return context
