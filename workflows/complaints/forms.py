"""The public forms: file a complaint, look one up, answer an officer's question, appeal."""

from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from pages.services.models import ServicePage
from workflows.core.forms import AttachmentsField, EventDateField, UploadFormMixin
from workflows.core.models import Office

from .services import find_complaint
from .validators import optional_bd_mobile

TEXT_MAX = 5000

# One message for every failed lookup: whether the number exists is nobody's business but its owner's.
NO_MATCH = _("No complaint matches this tracking number and contact.")


class ServicesByOffice(forms.models.ModelChoiceIterator):
    """The services as one <optgroup> per office that provides them, so the pairs show without JavaScript.

    The queryset is ordered by office; services that name no office (any office may be complained
    about for them) come last, under their own heading.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for office, services in groupby(self.queryset, key=lambda service: service.office):
            label = office.name if office else _("Services of any office")
            yield (label, [self.choice(service) for service in services])


class ServiceSelect(forms.Select):
    """Each service option names its office (`data-office`), which complaint_form.js filters on."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        service = getattr(value, "instance", None)
        if service is not None:
            option["attrs"]["data-office"] = service.office_id or ""
        return option


class ServiceChoiceField(forms.ModelChoiceField):
    iterator = ServicesByOffice
    widget = ServiceSelect


def services_offered_by(services, office):
    """Of `services`, those the office provides, and those that name no office (any office may)."""
    return services.filter(Q(office=office) | Q(office__isnull=True))


class ComplaintForm(UploadFormMixin, forms.Form):
    office = forms.ModelChoiceField(
        queryset=Office.objects.all(),
        label=_("Office complained about"),
        empty_label=_("Choose the office"),
        help_text=_("The office that provides the service, or that you had to deal with."),
    )
    service = ServiceChoiceField(
        queryset=ServicePage.objects.none(),
        required=False,
        label=_("Service (from the citizen charter)"),
        empty_label=_("Not about one service"),
        help_text=_("Each service is listed under the office that provides it."),
    )
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("What happened"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Say what happened, where, and who was involved."),
    )
    occurred_on = EventDateField(label=_("When it happened"))
    desired_remedy = forms.CharField(
        label=_("What remedy do you ask for?"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    attachments = AttachmentsField()
    is_anonymous = forms.BooleanField(
        label=_("Complain anonymously"),
        required=False,
        help_text=_(
            "Your name and contact are then not kept. You get an access code instead: keep it, it is the "
            "only way to follow the complaint."
        ),
    )
    complainant_name = forms.CharField(label=_("Your name"), max_length=150, required=False)
    mobile = forms.CharField(
        label=_("Mobile number"),
        max_length=30,
        required=False,
        help_text=_("For example 01712345678."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email address"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Services of the page's language only: the list reads in the citizen's language.
        # Grouped by office in the offices' own order (see ServicesByOffice); no office last.
        self.fields["service"].queryset = (
            ServicePage.objects.live()
            .filter(locale=Locale.get_active())
            .select_related("office")
            .order_by(F("office__sort_order").asc(nulls_last=True), "office__name_en", "office_id", "path")
        )
        # complaint_form.js shows it as the only option when the office chosen provides no service.
        self.fields["service"].widget.attrs["data-none-label"] = _("This office provides no service of the charter")

    def clean_mobile(self):
        return optional_bd_mobile(self.cleaned_data.get("mobile"))

    def clean(self):
        data = super().clean()
        if data.get("is_anonymous"):
            # Not kept, even if typed: an anonymous complaint carries nothing that identifies its author.
            for name in ("complainant_name", "mobile", "email"):
                data[name] = ""
                self.errors.pop(name, None)
        elif (
            not self.has_error("mobile")
            and not self.has_error("email")
            and not (data.get("mobile") or data.get("email"))
        ):
            raise ValidationError(
                _("Give a mobile number or an email address so that we can reach you, or complain anonymously."),
                code="no_contact",
            )
        service, office = data.get("service"), data.get("office")
        if service and office and service.office_id and service.office_id != office.pk:
            self.add_error("service", self._service_of_another_office(service, office))
        return data

    def _service_of_another_office(self, service, office) -> ValidationError:
        """Say whose service it is, and what the chosen office does offer: the citizen fixes it in one go."""
        offered = services_offered_by(self.fields["service"].queryset, office)
        if offered:
            return ValidationError(
                _(
                    "This service is provided by %(office)s. %(chosen)s offers: %(services)s. Choose one of these, "
                    "choose %(office)s as the office, or leave the service empty."
                ),
                code="service_office",
                params={
                    "office": service.office.name,
                    "chosen": office.name,
                    "services": "; ".join(s.title for s in offered),
                },
            )
        return ValidationError(
            _(
                "This service is provided by %(office)s. %(chosen)s offers no service of the citizen charter: "
                "choose %(office)s as the office, or leave the service empty."
            ),
            code="service_office",
            params={"office": service.office.name, "chosen": office.name},
        )

    @classmethod
    def initial_for_service(cls, service_id) -> dict:
        """Initial office and service for `?service=<page id>` (a page of either language)."""
        try:
            page = ServicePage.objects.live().get(pk=int(service_id))
        except (TypeError, ValueError, OverflowError, ServicePage.DoesNotExist):
            return {}
        page = page.get_translation_or_none(Locale.get_active()) or page
        if not page.live:
            return {}
        return {"service": page.pk, "office": page.office_id}


class StatusLookupForm(forms.Form):
    tracking_number = forms.CharField(
        label=_("Tracking number"),
        max_length=40,
        help_text=_("As on your acknowledgement, for example GRS-7KQ2M9XA4D."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    contact = forms.CharField(
        label=_("Mobile number, email address or access code"),
        max_length=254,
        help_text=_("The mobile number or email address you gave; for an anonymous complaint, its access code."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        self.complaint = find_complaint(data["tracking_number"], data["contact"])
        if self.complaint is None:
            raise ValidationError(NO_MATCH, code="no_match")
        return data


class InformationAnswerForm(UploadFormMixin, forms.Form):
    answer = forms.CharField(label=_("Your answer"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5}))
    attachments = AttachmentsField()


class AppealForm(forms.Form):
    grounds = forms.CharField(
        label=_("Why do you appeal?"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Say what is wrong with the decision, or that no decision came in time."),
    )
