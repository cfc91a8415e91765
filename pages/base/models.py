"""Site-wide building blocks: site settings, menus, the home page and the standard page."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from .blocks import BodyBlock, LinkBlock
from .translations import translated


def in_english() -> bool:
    return (get_language() or "bn").startswith("en")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The ministry's identity and contact details, shown in every page's header and footer."""

    @classmethod
    def for_site(cls, site):
        # Read on every page: kept in the cache until a setting (or any content) changes.
        from pages.base.cache import for_this_generation

        return for_this_generation("site-settings", site.pk, compute=lambda: super(SiteSettings, cls).for_site(site))

    name_bn = models.CharField(_("ministry name (Bengali)"), max_length=255, default="শ্রম ও কর্মসংস্থান মন্ত্রণালয়")
    name_en = models.CharField(
        _("ministry name (English)"), max_length=255, default="Ministry of Labour and Employment"
    )
    tagline_bn = models.CharField(_("tagline (Bengali)"), max_length=255, blank=True)
    tagline_en = models.CharField(_("tagline (English)"), max_length=255, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address_bn = models.TextField(_("address (Bengali)"), blank=True)
    address_en = models.TextField(_("address (English)"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name_bn"), FieldPanel("name_en")]),
                FieldRowPanel([FieldPanel("tagline_bn"), FieldPanel("tagline_en")]),
                FieldPanel("logo"),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("address_bn"), FieldPanel("address_en")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("youtube_url"), FieldPanel("x_url")],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def name(self):
        return self.name_en if in_english() else self.name_bn

    @property
    def tagline(self):
        return self.tagline_en if in_english() else self.tagline_bn

    @property
    def address(self):
        return self.address_en if in_english() else self.address_bn


class Menu(TranslatableMixin, ClusterableModel):
    """A header or footer menu; one per locale, translated with wagtail-localize."""

    class Slot(models.TextChoices):
        HEADER = "header", _("Header")
        FOOTER = "footer", _("Footer")

    slot = models.CharField(_("slot"), max_length=20, choices=Slot.choices)

    panels = [FieldPanel("slot"), InlinePanel("items", label=_("items"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu")
        verbose_name_plural = _("menus")
        constraints = [models.UniqueConstraint(fields=["slot", "locale"], name="unique_menu_slot_per_locale")]

    def __str__(self):
        return f"{self.get_slot_display()} ({self.locale})"


class MenuItem(Orderable):
    menu = ParentalKey(Menu, related_name="items", on_delete=models.CASCADE)
    label = models.CharField(_("label"), max_length=100, blank=True, help_text=_("Defaults to the page title."))
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link_url = models.URLField(_("external link"), blank=True)

    panels = [FieldPanel("label"), PageChooserPanel("link_page"), FieldPanel("link_url")]

    class Meta(Orderable.Meta):
        verbose_name = _("menu item")

    @property
    def title(self):
        if self.label:
            return self.label
        return self.link_page.title if self.link_page else self.link_url

    def url(self, request=None):
        if self.link_page:
            return self.link_page.get_url(request)
        return self.link_url


class HomePage(Page):
    """The portal's front page: hero, latest notices, services, innovation highlights, e-services."""

    hero_title = models.CharField(_("hero title"), max_length=255)
    hero_text = RichTextField(_("hero text"), blank=True, features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quick_links = StreamField(
        [("link", LinkBlock())], verbose_name=_("e-service quick links"), blank=True, use_json_field=True
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        FieldPanel("quick_links"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_title"), index.SearchField("hero_text")]
    max_count_per_parent = 1
    # A listing of other pages: ranked after content pages in search, no "last updated" date.
    is_index_page = True
    subpage_types = [
        "base.StandardPage",
        "notices.NoticeIndexPage",
        "services.ServiceBoxPage",
        "services.CitizenCharterPage",
        "directory.OfficerDirectoryPage",
        "downloads.DownloadsPage",
        "innovation.InnovationCornerPage",
        "contact.ContactPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from pages.innovation.models import InnovationIdeaPage
        from pages.notices.models import NoticePage
        from pages.services.models import ServicePage

        context = super().get_context(request, *args, **kwargs)
        # Untranslated copies (still in the other language) are left out of every list (pages/base/translations.py).
        mine = {"locale_id": self.locale_id}
        context["latest_notices"] = translated(NoticePage.objects.live().filter(**mine)).order_by("-date", "-pk")[:5]
        context["services"] = translated(ServicePage.objects.live().filter(**mine)).order_by("path")[:8]
        context["innovation_ideas"] = translated(InnovationIdeaPage.objects.live().filter(**mine)).order_by(
            "-first_published_at"
        )[:3]
        return context


class StandardPage(Page):
    """A page of rich content: text, images, documents, tables and accordions."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["base.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def listed_children(self):
        return translated(self.get_children().live())
