"""Complaints in the Wagtail admin: the list of cases (filters, export) and attachment downloads."""

import django_filters
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.generic import IndexView

from workflows.core.access import all_offices, visible_office_ids
from workflows.core.pagination import KeysetListingMixin
from workflows.core.selectors import NOT_GIVEN, office_partitions
from workflows.core.tables import HumanDateColumn, LinkTitleColumn, PlainColumn
from workflows.core.uploads import download_response

from .models import Complaint, ComplaintAttachment


class ComplaintFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Complaint.Status.choices)
    office = django_filters.ChoiceFilter(label=_("Office"), choices=[])
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)

    class Meta:
        model = Complaint
        fields = ["status", "office", "overdue", "submitted_at"]

    def __init__(self, *args, request=None, office_ids=NOT_GIVEN, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        # The offices come from the cache (a page of the list runs no query for them).
        offices = None
        if request is not None:
            offices = visible_office_ids(request.user) if office_ids is NOT_GIVEN else office_ids
        self.filters["office"].extra["choices"] = [
            (office.pk, office.name) for office in all_offices() if offices is None or office.pk in offices
        ]

    def filter_overdue(self, queryset, name, value):
        overdue = {"due_at__lt": timezone.now(), "status__in": Complaint.OPEN_STATUSES}
        if value is True:
            return queryset.filter(**overdue)
        if value is False:
            return queryset.exclude(**overdue)
        return queryset


class ComplaintIndexView(KeysetListingMixin, IndexView):
    model = Complaint
    page_title = _("Complaints")
    header_icon = "mail"
    index_url_name = "complaints_admin:index"
    index_results_url_name = "complaints_admin:index_results"
    filterset_class = ComplaintFilterSet
    default_ordering = "-submitted_at"
    paginate_by = 50
    permission_policy = None
    any_permission_required = None
    search_fields = ["tracking_number", "subject"]
    search_backend_name = None
    list_export = ["tracking_number", "office", "status", "submitted_at", "due_at", "resolved_at", "subject"]
    export_filename = "complaints"

    @cached_property
    def office_ids(self):
        return visible_office_ids(self.request.user)

    def get_base_queryset(self):
        complaints = Complaint.objects.select_related("office")
        return complaints if self.office_ids is None else complaints.filter(office_id__in=self.office_ids)

    def get_partitions(self):
        return office_partitions(self.office_ids)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["request"] = self.request
        kwargs["office_ids"] = self.office_ids
        return kwargs

    @property
    def columns(self):
        return [
            LinkTitleColumn("tracking_number", label=_("Tracking number"), get_url=None, sort_key="tracking_number"),
            PlainColumn("subject", label=_("Subject")),
            PlainColumn("office", label=_("Office"), accessor="office.name"),
            PlainColumn("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            HumanDateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
            HumanDateColumn("due_at", label=_("Due"), sort_key="due_at"),
        ]


def download_attachment(request, attachment_id):
    """Attachments leave the private storage only here, as downloads, for officers of the complaint's office."""
    attachment = get_object_or_404(ComplaintAttachment.objects.select_related("complaint"), pk=attachment_id)
    offices = visible_office_ids(request.user)
    if offices is not None and attachment.complaint.office_id not in offices:
        raise Http404
    return download_response(attachment)
