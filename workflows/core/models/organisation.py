"""The ministry's organisation as data: offices, the posts in them, who holds them and who acts for them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.search import index

from .. import roles


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


def _in_english() -> bool:
    return (get_language() or "bn").startswith("en")


class Post(ClusterableModel):
    """A designation in an office (e.g. the Grievance Redress Officer of DoL Chattogram).

    Work is routed to posts, not people: when an officer is transferred, the post's queue stays
    with the post and passes to whoever holds it next.
    """

    office = models.ForeignKey(Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="posts")
    # Registered by the process apps (roles.register_role): a flow finds its post by office and role.
    role = models.CharField(_("role"), max_length=30, choices=roles.role_choices, default=roles.OTHER)
    title_bn = models.CharField(_("designation (Bengali)"), max_length=255)
    title_en = models.CharField(_("designation (English)"), max_length=255)
    covers_sub_offices = models.BooleanField(
        _("also sees the cases of sub-offices"),
        default=False,
        help_text=_("For supervising posts: the holder sees the cases of every office below this one."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    holders = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="PostHolding", related_name="posts", verbose_name=_("holders")
    )

    class Meta:
        ordering = ["office__sort_order", "office_id", "role", "title_en"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        constraints = [
            # One post per role and office (but "other"): the flows look them up by role.
            models.UniqueConstraint(
                fields=["office", "role"], condition=~Q(role="other"), name="one_post_per_role_per_office"
            )
        ]

    def __str__(self):
        return f"{self.title}, {self.office.name}"

    @property
    def title(self) -> str:
        return self.title_en if _in_english() else self.title_bn


class PostHoldingQuerySet(models.QuerySet):
    def current(self, at=None):
        day = timezone.localdate(at) if at else timezone.localdate()
        return self.filter(Q(starts_on__lte=day), Q(ends_on__isnull=True) | Q(ends_on__gte=day))


class PostHolding(models.Model):
    """A user holding a post from one day to another (open-ended while in office)."""

    panels = ["user", "starts_on", "ends_on"]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="post_holdings"
    )
    post = ParentalKey(Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="holdings")
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = PostHoldingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("post holding")
        verbose_name_plural = _("post holdings")

    def __str__(self):
        return f"{self.user} — {self.post}"


class DelegationQuerySet(models.QuerySet):
    def current(self, at=None):
        moment = at or timezone.now()
        return self.filter(starts_at__lte=moment, ends_at__gt=moment)


class Delegation(models.Model):
    """For a limited time, another user may act for a post; their actions are recorded as "X for Y"."""

    post = models.ForeignKey(Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="delegations")
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("acting user"), on_delete=models.CASCADE, related_name="delegations"
    )
    starts_at = models.DateTimeField(_("from"), default=timezone.now)
    ends_at = models.DateTimeField(_("until"))
    reason = models.CharField(_("reason"), max_length=255, blank=True)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="delegation_ends_after_start")
        ]

    def __str__(self):
        return f"{self.delegate} → {self.post}"
