"""Form parts shared by the processes: the attachments field with its checks and upload limits."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pages.base.templatetags.bangla import local_digits

from .uploads import MAX_FILES, check_upload, local_size, max_attachment_bytes, too_large


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Up to MAX_FILES files, each checked by content; cleans to a list of uploads.CheckedUpload."""

    widget = MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attachments"))
        super().__init__(**kwargs)
        # Set per request by the form: what the upload limit handler refused while reading the body.
        self.upload_limits = None

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        limits = self.upload_limits
        errors = []
        if len(uploads) + (limits.extra_files if limits else 0) > MAX_FILES:
            errors.append(
                ValidationError(
                    _("Attach at most %(count)s files."),
                    code="too_many_files",
                    params={"count": local_digits(MAX_FILES)},
                )
            )
        errors.extend(too_large(name) for name in (limits.oversized if limits else []))
        if self.required and not uploads and not errors:
            raise ValidationError(self.error_messages["required"], code="required")
        checked = []
        for upload in uploads[:MAX_FILES]:
            try:
                # Not FileField.clean: its "empty file" message would not say which file.
                checked.append(check_upload(upload))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return checked


def attachments_help_text():
    return _("PDF, JPEG or PNG; up to %(count)s files of at most %(limit)s each.") % {
        "count": local_digits(MAX_FILES),
        "limit": local_size(max_attachment_bytes()),
    }


class UploadFormMixin:
    """Forms with an `attachments` field take the request's upload limit handler (uploads.limit_uploads)."""

    def __init__(self, *args, upload_limits=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].upload_limits = upload_limits
        self.fields["attachments"].help_text = attachments_help_text()


class CommentForm(UploadFormMixin, forms.Form):
    """An internal comment on a case: seen by officers only, never by the citizen."""

    text = forms.CharField(
        label=_("Internal comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen only by officers who work on this case; never shown to the citizen."),
    )
    attachments = AttachmentsField()
