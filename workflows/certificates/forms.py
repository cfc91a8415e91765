"""The forms of the certificate engine: the public serial lookup, the revocation, the signature upload."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from workflows.core.uploads import JPEG, PNG, check_upload


class VerifyForm(forms.Form):
    serial = forms.CharField(
        label=_("Serial number"),
        max_length=40,
        help_text=_("As printed on the certificate, e.g. 7KQ2M-9XA4D."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the public verification page."),
    )


class SignatureForm(WagtailAdminModelForm):
    """The image is accepted for what it is (a PNG or a JPEG, read by Pillow), not for its name."""

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload is None or not hasattr(upload, "content_type"):
            return upload  # unchanged: the stored file was checked when it was uploaded
        checked = check_upload(upload)
        if checked.content_type not in (PNG, JPEG):
            raise ValidationError(_("The signature must be a PNG or JPEG image."), code="signature_type")
        self.instance.content_type = checked.content_type
        upload.name = f"signature{checked.extension}"
        return upload
