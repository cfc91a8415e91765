"""Officers' internal comments on a case, with attachments: never shown to the citizen."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .attachments import PrivateAttachment
from .audit import CaseRecordQuerySet


class CaseComment(models.Model):
    """A note one officer leaves for the others who work the same case (any process's case).

    The case is referred to like the audit trail does (content type and id), so every process's cases
    can carry comments; each comment is also written to the audit trail, where the history shows it.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    task = models.ForeignKey(
        "viewflow.Task", verbose_name=_("task"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    acting_for = models.ForeignKey(
        "workflows_core.Post",
        verbose_name=_("acting for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    objects = CaseRecordQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("internal comment")
        verbose_name_plural = _("internal comments")
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self):
        return self.text[:50]


class CaseCommentAttachment(PrivateAttachment):
    """A file attached to an internal comment."""

    upload_folder = "comments"

    comment = models.ForeignKey(
        CaseComment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="attachments"
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("comment attachment")
        verbose_name_plural = _("comment attachments")
