"""The contact page: a Wagtail form whose submissions are stored, behind a honeypot and a rate limit."""

from django.conf import settings
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin

from pages.base.views import rate_limited

# A field people never see; bots that fill in every input give themselves away.
HONEYPOT_FIELD = "website"


class ContactFormField(TranslatableMixin, AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class ContactPage(AbstractEmailForm):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(_("thank-you text"), blank=True, features=["bold", "italic", "link"])

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            usage = get_usage(request, group="contact-form", key="ip", rate=settings.CONTACT_FORM_RATE, increment=True)
            if usage and usage["should_limit"]:
                return rate_limited(request, retry_after=max(usage["time_left"], 1), back_url=self.url)
            if request.POST.get(HONEYPOT_FIELD):
                # Show the bot the thank-you page so it learns nothing; store nothing.
                return TemplateResponse(request, self.get_landing_page_template(request), self.get_context(request))
        return super().serve(request, *args, **kwargs)

    def send_mail(self, form):
        # Mail goes out from a Celery worker once the submission is committed, not in the request.
        from .tasks import send_contact_mail

        addresses = [a.strip() for a in self.to_address.split(",") if a.strip()]
        content = "\n".join(f"{field.label}: {form.cleaned_data.get(name)}" for name, field in form.fields.items())
        transaction.on_commit(
            lambda: send_contact_mail.delay(self.subject or str(self.title), content, self.from_address, addresses)
        )
