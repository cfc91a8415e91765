"""The union's forms on the portal: the year of a new return, and the return itself (draft or submission)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.core.forms import OFFICER_TEXT_MAX
from workflows.core.textnorm import integer
from workflows.core.uploads import PDF, check_upload, name_too_long, too_large

from .models import AMOUNT_FIELDS, ASSETS, BALANCES, EXPENDITURE_HEADS, INCOME_HEADS, AnnualReturn, ReturnDocument
from .services import year_error

DOCUMENT_FIELDS = (ReturnDocument.Kind.CONSTITUTION.value, ReturnDocument.Kind.AUDIT_REPORT.value)


class YearField(forms.Field):
    """A year typed in either script (২০২৫ or 2025)."""

    def to_python(self, value):
        value = str(value or "").strip()
        if value in self.empty_values:
            return None
        try:
            year = integer(value)
        except ValidationError:
            raise ValidationError(
                _("Enter the year with four digits, for example 2025."), code="invalid_year"
            ) from None
        if not 1900 <= year <= 2999:
            raise ValidationError(_("Enter the year with four digits, for example 2025."), code="invalid_year")
        return year


class StartForm(forms.Form):
    year = YearField(
        label=_("Year of the return"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 4}),
        help_text=_("The calendar year whose accounts the return gives (January to December)."),
    )

    def __init__(self, *args, union, **kwargs):
        super().__init__(*args, **kwargs)
        self.union = union
        if not self.is_bound:
            self.initial.setdefault("year", str(timezone.localdate().year - 1))

    def clean_year(self):
        year = self.cleaned_data["year"]
        if (message := year_error(self.union, year)) is not None:
            raise ValidationError(message, code="year")
        if AnnualReturn.objects.filter(union=self.union, year=year).exists():
            raise ValidationError(_("The union already has a return for this year: open it from the list."))
        return year


class PdfField(forms.FileField):
    """One PDF, checked by content (uploads.check_upload); cleans to a CheckedUpload or None."""

    widget = forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.oversized = False  # set by the view: the upload handler stopped this file at the limit
        self.long_name = ""  # set by the view: the file's name, when the upload handler refused it as too long

    def clean(self, data, initial=None):
        if self.oversized:
            raise too_large(self.label)
        if self.long_name:
            raise name_too_long(self.long_name)
        if not data:
            return None
        checked = check_upload(data)
        if checked.content_type != PDF:
            raise ValidationError(
                _("“%(name)s” is not a PDF file. Attach the document as a PDF."),
                code="not_pdf",
                params={"name": checked.name},
            )
        return checked


class ReturnForm(forms.ModelForm):
    """The working copy of a return. Every field may be empty in a draft; submission_errors says what a
    submission needs. Amounts accept Bengali digits and lakh grouping."""

    constitution = PdfField(label=_("Constitution with amendments (PDF)"))
    audit_report = PdfField(label=_("Auditor's report (PDF)"))
    declaration = forms.BooleanField(
        label=_(
            "We declare that this statement is true and complete, that it was audited by the auditor named "
            "above, and that the attached constitution is the one in force with all its amendments."
        ),
        required=False,
    )

    class Meta:
        model = AnnualReturn
        fields = [*AMOUNT_FIELDS, "members_at_year_end", "officer_changes", "auditor_name", "auditor_qualification"]
        widgets = {
            "officer_changes": forms.Textarea(attrs={"rows": 4, "maxlength": OFFICER_TEXT_MAX}),
            "members_at_year_end": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        }

    groups = (
        (_("Income"), INCOME_HEADS),
        (_("Expenditure"), EXPENDITURE_HEADS),
        (_("Cash and bank balances"), BALANCES),
        (_("Other assets and liabilities"), ASSETS),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in INCOME_HEADS + EXPENDITURE_HEADS + BALANCES + ASSETS:
            self.fields[name].label = label
        self.fields["members_at_year_end"] = MembersField(
            label=AnnualReturn._meta.get_field("members_at_year_end").verbose_name.capitalize(),
            required=False,
            widget=self.fields["members_at_year_end"].widget,
        )
        self.fields["declaration"].initial = self.instance.declaration
        for name in ("officer_changes", "auditor_name", "auditor_qualification"):
            self.fields[name].label = self.fields[name].label[:1].upper() + self.fields[name].label[1:]

    def amount_groups(self):
        """[(title, [bound fields])] for the template."""
        return [(title, [self[name] for name, _label in heads]) for title, heads in self.groups]

    def draft_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        for name in ("officer_changes", "auditor_name", "auditor_qualification"):
            data[name] = (data[name] or "").strip()
        data["declaration"] = bool(self.cleaned_data.get("declaration"))
        return data

    def documents(self) -> dict:
        return {kind: self.cleaned_data.get(kind) for kind in DOCUMENT_FIELDS}

    def _post_clean(self):
        # The instance is changed by the services under a row lock, not by ModelForm here.
        pass


class MembersField(forms.Field):
    def to_python(self, value):
        value = str(value or "").strip()
        if value in self.empty_values:
            return None
        number = integer(value)
        if number < 0:
            raise ValidationError(_("Enter a whole number, not below zero."), code="negative")
        return number

    def prepare_value(self, value):
        from pages.base.templatetags.bangla import local_digits

        return local_digits(value) if isinstance(value, int) else value
