from django import forms
from django.utils.translation import gettext_lazy as _

from workflows.core.textnorm import latin_digits


class OneTimeCodeField(forms.CharField):
    """A code typed from an app or from paper: spaces and dashes ignored, Bengali digits accepted."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return latin_digits(value).replace(" ", "").replace("-", "").strip()


class SecondFactorForm(forms.Form):
    code = OneTimeCodeField(
        label=_("Code"),
        help_text=_("The 6-digit code your authenticator app shows now, or one of your recovery codes."),
    )


class AddAuthenticatorForm(forms.Form):
    name = forms.CharField(
        label=_("Name of this device"),
        max_length=64,
        initial="",
        help_text=_("So that you can tell your devices apart, e.g. “office phone”."),
    )
    code = OneTimeCodeField(label=_("Code from the app"), help_text=_("The 6 digits the app shows for this account."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].initial = _("Authenticator app")
