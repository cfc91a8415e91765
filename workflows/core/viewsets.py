"""A process's cases in the Wagtail admin, declared rather than written (see contract.py, point 7).

    class ComplaintViewSet(CaseViewSet):
        model = Complaint
        url_prefix = "workflows/complaints"
        url_namespace = "complaints_admin"
        menu_label = _("Complaints")
        list_display = ["subject"]
        search_fields = ["tracking_number", "subject"]
        list_export = ["tracking_number", "office", "status", "submitted_at", "subject"]
        due_field = "due_at"
        report_class = ComplaintReport

    register_case_viewset(ComplaintViewSet())

gives, under Workflows in the admin menu: the office-scoped list (filters by status, office, date range
and, with a due field, overdue; search; CSV and XLSX export through core's safe exports), an inspect
page per case (the case, its open tasks with links, the history) and, with a report class, the report
(with CSV) and its chart panel on the admin home. Every view answers 404 for a case outside the
officer's offices and runs a constant number of queries.
"""

import django_filters
from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors
from .access import all_offices, visible_office_ids
from .exports import SafeSpreadsheetExportMixin, csv_text
from .models import CaseProcessMixin
from .pagination import KeysetListingMixin
from .selectors import office_partitions
from .tables import LinkTitleColumn, ListingTable, LocalDateColumn, PlainColumn
from .uploads import download_response


class CaseFilterSet(WagtailFilterSet):
    """Status, office (only the officer's), submission dates; `overdue` when the viewset has a due field."""

    office = django_filters.ChoiceFilter(label=_("Office"), choices=[])
    submitted_at = django_filters.DateFromToRangeFilter(label=_("Submitted"), widget=DateRangePickerWidget)

    def __init__(self, *args, request=None, viewset=None, office_ids=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        self.viewset = viewset
        # The officer's offices, from the access cache: a page of the list runs no query for them.
        self.filters["office"].extra["choices"] = [
            (office.pk, office.name) for office in all_offices() if office_ids is None or office.pk in office_ids
        ]

    def filter_overdue(self, queryset, name, value):
        model = queryset.model
        overdue = {f"{self.viewset.due_field}__lt": timezone.now(), "status__in": model.statuses("open")}
        if value is True:
            return queryset.filter(**overdue)
        if value is False:
            return queryset.exclude(**overdue)
        return queryset


def case_filterset_class(viewset):
    model = viewset.model
    attrs = {
        "status": django_filters.ChoiceFilter(
            label=_("Status"), choices=model._meta.get_field("status").choices, field_name="status"
        ),
        "Meta": type("Meta", (), {"model": model, "fields": ["status", "office", "submitted_at"]}),
    }
    if viewset.due_field:
        # "All" rather than NullBooleanSelect's "Unknown": not choosing means every case.
        attrs["overdue"] = django_filters.BooleanFilter(
            label=_("Overdue"),
            method="filter_overdue",
            widget=forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))]),
        )
    return type(f"{model.__name__}FilterSet", (CaseFilterSet,), attrs)


class CaseIndexView(KeysetListingMixin, SafeSpreadsheetExportMixin, IndexView):
    """The office-scoped list of a process's cases, paged by keyset (one index range per office: a case
    model indexes (office, submitted_at, id) and (submitted_at, id), see complaints' indexes)."""

    viewset = None
    paginate_by = 50
    default_ordering = "-submitted_at"
    permission_policy = None  # access is office-level (get_base_queryset), not a model permission
    any_permission_required = None
    search_backend_name = None
    table_class = ListingTable

    @cached_property
    def office_ids(self):
        return visible_office_ids(self.request.user)

    def get_base_queryset(self):
        return self.viewset.cases_in(self.office_ids)

    def get_partitions(self):
        return office_partitions(self.office_ids)

    def get_add_url(self):
        viewset = self.viewset
        if viewset.create_view_class and viewset.may_create(self.request.user):
            return reverse(f"{viewset.url_namespace}:add")
        return None

    def get_filterset_kwargs(self):
        return {
            **super().get_filterset_kwargs(),
            "request": self.request,
            "viewset": self.viewset,
            "office_ids": self.office_ids,
        }

    @cached_property
    def inspect_url_prefix(self) -> str:
        # One reverse() per page instead of one per row: /admin/<url_prefix>/<pk>/.
        return reverse(f"{self.viewset.url_namespace}:inspect", args=[0]).removesuffix("0/")

    @property
    def columns(self):
        viewset = self.viewset
        model = viewset.model
        columns = [
            LinkTitleColumn(
                "tracking_number",
                label=_("Tracking number"),
                get_url=lambda case: f"{self.inspect_url_prefix}{case.pk}/",
                sort_key="tracking_number",
            ),
            *(PlainColumn(name, label=model._meta.get_field(name).verbose_name) for name in viewset.list_display),
            PlainColumn("office", label=_("Office"), accessor="office.name"),
            PlainColumn("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            LocalDateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
        ]
        if viewset.due_field:
            columns.append(LocalDateColumn(viewset.due_field, label=_("Due"), sort_key=viewset.due_field))
        return columns


class CaseInspectView(WagtailAdminTemplateMixin, TemplateView):
    """One case: its data (the process's case template), its open tasks and its history."""

    viewset = None
    template_name = "workflows_core/case_inspect.html"
    header_icon = "doc-full"

    def dispatch(self, request, pk, *args, **kwargs):
        self.case = get_object_or_404(self.viewset.get_queryset(request), pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{self.viewset.model._meta.verbose_name}: {self.case.tracking_number}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{self.viewset.url_namespace}:index"), "label": self.viewset.menu_label},
            {"url": "", "label": self.case.tracking_number},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        routes = list(selectors.routes_of(self.case).order_by("-created", "-pk"))
        offices = visible_office_ids(self.request.user)
        visible = [r for r in routes if offices is None or r.office_id in offices]
        open_routes = [r for r in routes if r.status in selectors.OPEN_STATUSES]
        for route in open_routes:
            route.sla_state = selectors.sla_state(route.due_at)
        context.update(
            case=self.case,
            case_template=self.viewset.case_template(),
            open_routes=open_routes,
            visible_route_ids={r.pk for r in visible},
            # The latest task the officer may see: comment files are downloaded through it.
            route=visible[0] if visible else None,
            history=selectors.case_history(self.case),
        )
        return context


class CaseReportView(WagtailAdminTemplateMixin, TemplateView):
    viewset = None
    template_name = "workflows_core/report.html"
    header_icon = "table"

    def get_page_title(self):
        return self.viewset.report_class.title

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        report = self.viewset.report_class(request.user)
        if request.GET.get("export") == "csv":
            response = HttpResponse(csv_text(*report.csv_rows()), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{self.viewset.export_filename}-report.csv"'
            return response
        self.report = report
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            report=self.report,
            rows=self.report.by_office_and_month(),
            summary=self.report.summary(),
            months=self.report.monthly_totals(),
        )
        return context


class CaseViewSet:
    """Declare a subclass per process and register an instance with `register_case_viewset`."""

    model = None
    url_prefix = ""
    url_namespace = ""
    menu_label = ""
    menu_icon = "folder-open-inverse"
    menu_order = 400
    list_display: list[str] = []
    search_fields: list[str] = ["tracking_number"]
    list_export: list[str] = ["tracking_number", "office", "get_status_display", "submitted_at"]
    export_headings: dict = {}
    due_field: str | None = None
    # A PrivateAttachment model with a foreign key to the case: downloads at attachments/<id>/.
    attachment_model = None
    report_class = None
    report_menu_label = ""

    index_view_class = CaseIndexView
    inspect_view_class = CaseInspectView
    report_view_class = CaseReportView
    # Cases an officer registers in the admin (a training batch), rather than citizens on the portal:
    # a view at new/, offered by the list's "Add" button to users `may_create` allows.
    create_view_class = None

    @property
    def export_filename(self):
        return self.model._meta.model_name

    def cases_in(self, office_ids):
        """The cases of these offices (None: every office), with their office."""
        cases = self.model.objects.select_related("office")
        return cases if office_ids is None else cases.filter(office_id__in=office_ids)

    def get_queryset(self, request):
        """The cases of the offices the officer's posts cover."""
        return self.cases_in(visible_office_ids(request.user))

    def may_create(self, user) -> bool:
        return False

    def case_template(self) -> str:
        return next(m.case_template for m in CaseProcessMixin.models_for(self.model) if m.case_template)

    def index_view(self, **kwargs):
        return self.index_view_class.as_view(
            viewset=self,
            model=self.model,
            page_title=self.menu_label,
            header_icon=self.menu_icon,
            index_url_name=f"{self.url_namespace}:index",
            index_results_url_name=f"{self.url_namespace}:index_results",
            filterset_class=case_filterset_class(self),
            search_fields=self.search_fields,
            list_export=self.list_export,
            export_headings={"get_status_display": _("Status"), **self.export_headings},
            export_filename=self.export_filename,
            **kwargs,
        )

    def extra_urls(self) -> list:
        """More admin URLs of the process, in the same namespace."""
        return []

    def download_attachment(self, request, attachment_id):
        """Attachments leave the private storage only here, as downloads, for officers of the case's office."""
        case_field = next(
            f.name for f in self.attachment_model._meta.get_fields() if getattr(f, "related_model", None) is self.model
        )
        attachment = get_object_or_404(
            self.attachment_model, pk=attachment_id, **{f"{case_field}__in": self.get_queryset(request)}
        )
        return download_response(attachment)

    def get_urlpatterns(self):
        urls = [
            path("", self.index_view(), name="index"),
            path("results/", self.index_view(results_only=True), name="index_results"),
            path("<int:pk>/", self.inspect_view_class.as_view(viewset=self), name="inspect"),
            *self.extra_urls(),
        ]
        if self.create_view_class:
            urls.append(path("new/", self.create_view_class.as_view(viewset=self), name="add"))
        if self.attachment_model:
            urls.append(path("attachments/<int:attachment_id>/", self.download_attachment, name="attachment"))
        if self.report_class:
            urls.append(path("report/", self.report_view_class.as_view(viewset=self), name="report"))
        return urls

    def menu_items(self):
        index_url = reverse(f"{self.url_namespace}:index")
        items = [MenuItem(self.menu_label, index_url, icon_name=self.menu_icon, order=self.menu_order)]
        if self.report_class:
            items.append(
                MenuItem(
                    self.report_menu_label or self.report_class.title,
                    reverse(f"{self.url_namespace}:report"),
                    icon_name="table",
                    order=self.menu_order + 10,
                )
            )
        return items


def register_case_viewset(viewset: CaseViewSet) -> CaseViewSet:
    """Add the viewset's URLs to the admin, its entries to the Workflows menu and its chart to the admin home."""
    from .reports import ChartPanel

    hooks.register(
        "register_admin_urls",
        lambda: [
            path(
                f"{viewset.url_prefix}/",
                include((viewset.get_urlpatterns(), viewset.url_namespace), namespace=viewset.url_namespace),
            )
        ],
    )
    hooks.register("register_workflows_menu_item", viewset.menu_items)
    if viewset.report_class:

        def add_chart(request, panels):
            panels.append(
                ChartPanel(
                    viewset.report_class(request.user),
                    name=viewset.url_namespace.removesuffix("_admin"),
                    report_url=reverse(f"{viewset.url_namespace}:report"),
                )
            )

        hooks.register("construct_homepage_panels", add_chart)
    return viewset
