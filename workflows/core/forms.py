"""Form parts shared by the processes: the task form base, the attachments field with its checks and
upload limits, and the officers' comment form."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.base.templatetags.bangla import local_digits

from .eventdates import event_date_earliest, validate_event_date
from .uploads import MAX_FILES, check_upload, local_size, max_attachment_bytes, name_too_long, too_large

# Officers' free text (questions, replies, reasons, comments): long enough for a letter, not for abuse.
OFFICER_TEXT_MAX = 5000


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
        errors.extend(name_too_long(name) for name in (limits.long_names if limits else []))
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


class EventDateInput(forms.DateInput):
    """The browser's date picker, bounded like the field (min and max worked out at each display, since the
    form classes outlive the day)."""

    input_type = "date"

    def __init__(self, attrs=None, *, allow_future=False):
        super().__init__(attrs, format="%Y-%m-%d")
        self.allow_future = allow_future

    def get_context(self, name, value, attrs):
        attrs = {**(attrs or {}), "min": event_date_earliest().isoformat()}
        if not self.allow_future:
            attrs["max"] = timezone.localdate().isoformat()
        return super().get_context(name, value, attrs)


class EventDateField(forms.DateField):
    """The date something happened: not before event_date_earliest(), and not after today (Bangladesh's date)
    unless `allow_future` (a batch planned ahead). The messages name the bound, in the page's digits."""

    def __init__(self, *, allow_future=False, **kwargs):
        kwargs.setdefault("widget", EventDateInput(allow_future=allow_future))
        super().__init__(**kwargs)
        self.allow_future = allow_future

    def validate(self, value):
        super().validate(value)
        if value is not None:
            validate_event_date(value, allow_future=self.allow_future)


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
        max_length=OFFICER_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen only by officers who work on this case; never shown to the citizen."),
    )
    attachments = AttachmentsField()


class TaskForm(forms.Form):
    """The form of a human task (PostTask.Form): see workflows/core/contract.py.

    The task page builds it with the task's `process` and `route`; when it is valid, core calls
    `apply(activation, user)` under the process lock, inside the transaction that completes the task.
    `apply` re-reads the case (`locked_case()`), checks the case still allows the decision and changes it
    through `self.transition(...)`; raising services.TaskNotAvailable refuses and changes nothing. The
    hidden `post_id` is the post the form was shown for: once the task moved to another post, core
    refuses the stale form. `comment` is an internal note that goes into the audit entry.
    """

    # A template for the form's visible fields (it gets `form`), for a form a list of fields does not
    # suit, such as an attendance grid; None: each field in turn.
    body_template = None

    post_id = forms.IntegerField(widget=forms.HiddenInput)
    # Not "Internal comment": that is the task page's other box, for comments without a decision.
    comment = forms.CharField(
        label=_("Note with this decision"),
        required=False,
        max_length=OFFICER_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by officers only; kept in the history with the decision."),
    )

    def __init__(self, *args, process, route, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        self.route = route
        self.case = process.case

    def locked_case(self):
        """The case, fresh from the database and locked until the task's transaction ends."""
        return type(self.case).objects.select_for_update().select_related("office").get(pk=self.case.pk)

    def transition(self, case, name, *args, activation, user, public_text="", **kwargs):
        """services.transition for this task: the actor, the post acted for, the comment and the event."""
        from .services import transition

        transition(
            case,
            name,
            *args,
            actor=user,
            post=self.route.post,
            comment=self.cleaned_data.get("comment", ""),
            public_text=public_text,
            event=str(activation.task.pk),
            **kwargs,
        )
        return name

    def apply(self, activation, user):  # pragma: no cover - every task form defines it
        raise NotImplementedError


def officer_text_field(label, *, required=True, help_text="", rows=5):
    """A textarea for what an officer writes to a citizen, with the platform's length limit."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=OFFICER_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )
