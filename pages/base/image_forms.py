"""The editors' image library (Wagtail images): every uploaded original is stored without its metadata.

Set as WAGTAILIMAGES_IMAGE_FORM_BASE, so the single upload, the multiple upload and "replace file" all go
through it. The upload is re-encoded in place, before the form is valid or not: Wagtail's multiple upload
keeps the request's file itself (as an UploadedFile) when another field fails, and that copy must be clean too.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from .images import REENCODED_FORMATS, ImageTooLarge, replace_content, without_metadata


class MetadataFreeImageForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged: the stored original was cleaned when it was uploaded
        # WagtailImageField has identified the image (Willow) from its content, not its name.
        image = getattr(upload, "image", None)
        format = str(getattr(image, "format_name", "")).upper()
        if format not in REENCODED_FORMATS:
            return upload  # SVG (text, with Wagtail's own checks), if the site ever allows it
        upload.seek(0)
        try:
            replace_content(upload, without_metadata(upload.read(), format))
        except ImageTooLarge:
            raise ValidationError(
                _("This image has too many pixels; upload a smaller one."), code="image_pixels"
            ) from None
        except Exception:  # Pillow raises many kinds of error for a broken file
            raise ValidationError(_("This file is not a valid image."), code="invalid_image") from None
        return upload
