"""The ministry's organisation as data: offices, from the Ministry down to its field offices."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Office(index.Indexed, models.Model):
    """One office of the ministry's tree (Ministry → Department of Labour → field offices)."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        DEPARTMENT = "department", _("Department")
        DIVISIONAL_OFFICE = "divisional_office", _("Divisional labour office")
        WELFARE_CENTRE = "welfare_centre", _("Labour welfare centre")
        IR_INSTITUTE = "ir_institute", _("Industrial relations institute")
        OTHER = "other", _("Other office")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_bn = models.CharField(_("name (Bengali)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    address_bn = models.CharField(_("address (Bengali)"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    search_fields = [
        index.SearchField("name_bn"),
        index.SearchField("name_en"),
        index.AutocompleteField("name_bn"),
        index.AutocompleteField("name_en"),
    ]

    class Meta:
        ordering = ["sort_order", "name_en"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "bn").startswith("en") else self.name_bn

    @property
    def address(self) -> str:
        return self.address_en if (get_language() or "bn").startswith("en") else self.address_bn
