"""Forms of the Wagtail admin that we adjust: Wagtail leaves some labels to field names, untranslated."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's sign-in form; its password field has no label, so the field name (English) showed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
        # No "remember me": a staff session always ends when the browser closes (and after an idle time).
        del self.fields["remember"]
