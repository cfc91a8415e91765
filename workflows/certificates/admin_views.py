"""The certificates in the admin, under Workflows: a read-only, office-scoped list, a page per
certificate (its data, its PDF, its history and, for the office head, the revocation form).

There is no add, edit or delete view: certificates are issued by a process step and revoked through
`services.revoke_certificate`. Every view answers 404 for a certificate outside the officer's offices.
"""

import django_filters
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.core.access import visible_office_ids
from workflows.core.models import AuditEntry
from workflows.core.tables import LinkTitleColumn, LocalDateColumn, PlainColumn

from .forms import RevokeForm
from .models import Certificate
from .services import CertificateError, may_revoke, pdf_response, revoke_certificate

NAMESPACE = "certificates_admin"


def certificates_for(user):
    """The certificates of the offices the user's posts cover (every office for superusers)."""
    certificates = Certificate.objects.select_related("kind", "office")
    offices = visible_office_ids(user)
    return certificates if offices is None else certificates.filter(office_id__in=offices)


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Certificate.Status.choices)

    class Meta:
        model = Certificate
        fields = ["status", "kind"]


class CertificateIndexView(IndexView):
    model = Certificate
    paginate_by = 50
    default_ordering = "-issued_on"
    permission_policy = None  # access is office-level (get_base_queryset), not a model permission
    any_permission_required = None
    filterset_class = CertificateFilterSet
    search_fields = ["serial", "holder_name_bn", "holder_name_en", "source_key"]
    search_backend_name = None
    page_title = _("Certificates")
    header_icon = "doc-full-inverse"
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:index_results"

    @cached_property
    def office_ids(self):
        return visible_office_ids(self.request.user)

    def get_base_queryset(self):
        return certificates_for(self.request.user)

    def search_queryset(self, queryset):
        # The serial as people type it (with its hyphen, small letters…) finds the certificate too.
        from workflows.core.codes import crockford_clean

        if self.is_searching:
            cleaned = crockford_clean(self.search_query)
            if len(cleaned) == 10:
                by_serial = queryset.filter(serial=cleaned)
                if by_serial.exists():
                    return by_serial
        return super().search_queryset(queryset)

    @property
    def columns(self):
        return [
            LinkTitleColumn(
                "serial_display",
                label=_("Serial number"),
                get_url=lambda c: reverse(f"{NAMESPACE}:inspect", args=[c.pk]),
                sort_key="serial",
            ),
            PlainColumn("holder_name", label=_("Holder")),
            PlainColumn("subject", label=_("Certifies")),
            PlainColumn("kind", label=_("Kind"), accessor="kind"),
            PlainColumn("office", label=_("Issuing office"), accessor="office.name"),
            LocalDateColumn("issued_on", label=_("Issue date"), sort_key="issued_on"),
            PlainColumn("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        ]


class CertificateInspectView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "certificates/admin/inspect.html"
    header_icon = "doc-full-inverse"

    def dispatch(self, request, pk, *args, **kwargs):
        self.certificate = get_object_or_404(
            certificates_for(request.user).select_related("signatory_post", "revoked_by"), pk=pk
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{Certificate._meta.verbose_name}: {self.certificate.serial_display}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{NAMESPACE}:index"), "label": _("Certificates")},
            {"url": "", "label": self.certificate.serial_display},
        ]

    def get_context_data(self, **kwargs):
        from .services import verification_url

        context = super().get_context_data(**kwargs)
        certificate = self.certificate
        context.update(
            certificate=certificate,
            history=list(AuditEntry.objects.for_object(certificate)),
            route=None,
            may_revoke=certificate.is_valid and may_revoke(self.request.user, certificate),
            revoke_form=kwargs.get("revoke_form") or RevokeForm(),
            verify_url=verification_url(certificate, certificate.language).split("?", 1)[0],
        )
        return context


def download(request, pk):
    """The PDF leaves private storage only here, as a download, for officers of the issuing office."""
    return pdf_response(get_object_or_404(certificates_for(request.user), pk=pk))


@require_POST
def revoke(request, pk):
    certificate = get_object_or_404(certificates_for(request.user), pk=pk)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the revocation. Nothing was changed."))
        return redirect(f"{NAMESPACE}:inspect", pk=pk)
    try:
        revoke_certificate(certificate, reason=form.cleaned_data["reason"], actor=request.user)
    except CertificateError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The certificate has been revoked."))
    return redirect(f"{NAMESPACE}:inspect", pk=pk)
