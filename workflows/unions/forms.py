"""Forms of the unions: the portal's sign-in, an invitation (by an officer or a representative) and the
cancellation of a registration."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.core.forms import EventDateField
from workflows.core.notifications.sms import normalize_bd_mobile
from workflows.core.textnorm import clean_text

from .models import REPRESENTATIVE_POSITIONS
from .services import CODE_DIGITS, local_latin


class MobileForm(forms.Form):
    mobile = forms.CharField(
        label=_("Mobile number"),
        max_length=20,
        help_text=_("The number the labour office or your union registered for you, e.g. 01712345678."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel", "autofocus": True}),
    )

    def clean_mobile(self):
        return normalize_bd_mobile(self.cleaned_data["mobile"])


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the SMS"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True, "size": 8}
        ),
    )

    def clean_code(self):
        code = "".join(ch for ch in local_latin(self.cleaned_data["code"]) if not ch.isspace())
        if len(code) != CODE_DIGITS or not code.isdigit():
            raise ValidationError(_("The code has 6 digits."), code="code_format")
        return code


class InvitationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    position = forms.ChoiceField(label=_("Position in the union"), choices=REPRESENTATIVE_POSITIONS)
    mobile = forms.CharField(
        label=_("Mobile number"),
        max_length=20,
        help_text=_("The invitation and the sign-in codes are sent to this number by SMS."),
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )

    def clean_name(self):
        name = clean_text(self.cleaned_data["name"])
        if not name:
            raise ValidationError(_("Enter the name."), code="required")
        return name

    def clean_mobile(self):
        return normalize_bd_mobile(self.cleaned_data["mobile"])


class CancellationForm(forms.Form):
    on = EventDateField(label=_("Cancelled on"))
    reason = forms.CharField(
        label=_("Reason for cancellation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example the order of the Director of Labour or of the Labour Court, with its number."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()
