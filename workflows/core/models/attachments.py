"""What every case attachment stores: a privately kept file and the facts checked when it came in."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..uploads import JPEG, PDF, PNG, attachment_path, get_private_storage

FILE_KIND_LABELS = {PDF: _("PDF"), JPEG: _("JPEG image"), PNG: _("PNG image")}


class PrivateAttachment(models.Model):
    """A file checked by content (uploads.check_upload), stored under a random name with no URL, in the
    subclass's `upload_folder`, and given out only as a download (uploads.download_response)."""

    upload_folder = "attachments"

    file = models.FileField(_("file"), upload_to=attachment_path, storage=get_private_storage, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("file type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name

    @property
    def kind_label(self) -> str:
        """What a reader calls the file's type ("PDF", "JPEG image"), not its MIME name."""
        return str(FILE_KIND_LABELS.get(self.content_type, self.content_type))
