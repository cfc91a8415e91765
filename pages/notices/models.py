"""Notices (নোটিশ): a paginated index, newest first, and the notice itself with attachments."""

from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from pages.base.cache import GenerationCountPaginator, for_this_generation
from pages.base.translations import translated

NOTICES_PER_PAGE = 10
MAX_FILTER_TEXT = 100


class NoticeIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["notices.NoticePage"]
    # A listing of other pages: ranked after content pages in search, no "last updated" date.
    is_index_page = True

    class Meta:
        verbose_name = _("notice index")

    def notices(self):
        # Untranslated copies (still in the other language) are not listed (pages/base/translations.py); the
        # attachments come with their documents in one query (a join), not two.
        attachments = Prefetch("attachments", queryset=NoticeAttachment.objects.select_related("document"))
        return (
            translated(NoticePage.objects.live().child_of(self)).order_by("-date", "-pk").prefetch_related(attachments)
        )

    def filtered_notices(self, *, category="", year="", text=""):
        """The notices in this category, of this year and containing this text (title or summary), each
        filter applied only when given; returns the notices and the filters as applied."""
        notices = self.notices()
        if category in NoticePage.Category.values:
            notices = notices.filter(category=category)
        else:
            category = ""
        if year.isdigit() and len(year) == 4:
            notices = notices.filter(date__year=int(year))
        else:
            year = ""
        text = " ".join(text.split())[:MAX_FILTER_TEXT]
        for word in text.split():
            notices = notices.filter(Q(title__icontains=word) | Q(summary__icontains=word))
        return notices, {"category": category, "year": year, "q": text}

    def notice_years(self):
        """The years that have notices, newest first (one query, kept with the page cache's generation)."""

        def years():
            dates = translated(NoticePage.objects.live().child_of(self)).dates("date", "year", order="DESC")
            return [d.year for d in dates]

        return for_this_generation("notice-years", self.pk, compute=years)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        notices, filters = self.filtered_notices(
            category=request.GET.get("category", ""),
            year=request.GET.get("year", ""),
            text=request.GET.get("q", ""),
        )
        context.update(filters)
        context["categories"] = NoticePage.Category.choices
        context["years"] = self.notice_years()
        count_key = (self.pk, filters["category"], filters["year"], filters["q"])
        paginator = GenerationCountPaginator(notices, NOTICES_PER_PAGE, count_key=count_key)
        context["notices"] = paginator.get_page(request.GET.get("page"))
        return context

    @path("feed/")
    def feed(self, request):
        """The newest notices as an Atom feed, in this index's language."""
        from .feeds import NoticeFeed

        return NoticeFeed(self)(request)


class NoticePage(Page):
    class Category(models.TextChoices):
        GENERAL = "general", _("General")
        RECRUITMENT = "recruitment", _("Recruitment")
        TENDER = "tender", _("Tender")
        TRAINING = "training", _("Training")
        ORDER = "order", _("Office order")

    date = models.DateField(_("notice date"), default=timezone.localdate)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.GENERAL)
    summary = models.TextField(_("summary"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("category")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("attachments")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]
    parent_page_types = ["notices.NoticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")


class NoticeAttachment(TranslatableMixin, Orderable):
    page = ParentalKey(NoticePage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("title"), max_length=255, blank=True, help_text=_("Defaults to the document's title."))

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("attachment")

    @property
    def display_title(self):
        return self.title or self.document.title
