"""The trade-union register in the admin, under Workflows: the unions of the officer's offices (with their
office-bearers edited inline), a union's representatives with the invitation by SMS, the cancellation of
a registration, and the import of unions from a spreadsheet."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from pages.base.templatetags.bangla import local_digits
from workflows.core.access import all_offices, office_filter, visible_office_ids
from workflows.core.permissions import OfficeScopedForm, OfficeScopedViewSet, ScopedEditView, ScopedIndexView
from workflows.core.services import TransitionNotPossible

from . import services
from .forms import CancellationForm, InvitationForm
from .imports import UnionImportView
from .models import Union


class UnionForm(OfficeScopedForm):
    office_field = "office"


class UnionIndexView(ScopedIndexView):
    viewset_office_field = "office"

    def get_base_queryset(self):
        # One query for the page whatever its length: the office and the active representatives counted.
        return (
            super()
            .get_base_queryset()
            .select_related("office")
            .annotate(active_representatives=Count("representatives", filter=Q(representatives__active=True)))
        )

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(Button(_("Import unions"), url=reverse("unions_admin:import_offices"), icon_name="upload"))
        return buttons


class UnionCreateView(generic.CreateView):
    def save_instance(self):
        union = super().save_instance()
        services.record_registered(union, actor=self.request.user)
        return union


class UnionEditView(ScopedEditView):
    viewset_office_field = "office"

    def save_instance(self):
        union = super().save_instance()
        services.record_registered(union, actor=self.request.user, action="union.edit")
        return union

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        # Wagtail gives the edit view no `viewset` when it renders the form again with errors.
        viewset = getattr(self, "viewset", None)
        namespace = viewset.url_namespace if viewset else UnionViewSet.url_namespace
        buttons.append(
            Button(
                _("Representatives"),
                url=reverse(f"{namespace}:representatives", args=[self.object.pk]),
                icon_name="user",
                priority=30,
            )
        )
        if self.object.is_active:
            buttons.append(
                Button(
                    _("Cancel the registration"),
                    url=reverse(f"{namespace}:cancel", args=[self.object.pk]),
                    icon_name="cross",
                    priority=40,
                )
            )
        return buttons


class UnionAdminPage(WagtailAdminTemplateMixin):
    """A page about one union of the officer's offices (404 for any other)."""

    viewset = None
    header_icon = "group"

    def dispatch(self, request, *args, pk, **kwargs):
        self.union = get_object_or_404(
            Union.objects.filter(office_filter(request.user, "office")).select_related("office"), pk=pk
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.union)

    def get_breadcrumbs_items(self):
        namespace = self.viewset.url_namespace
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{namespace}:index"), "label": self.viewset.menu_label},
            {"url": reverse(f"{namespace}:edit", args=[self.union.pk]), "label": str(self.union)},
            {"url": "", "label": self.get_page_title()},
        ]

    def union_url(self):
        return reverse(f"{self.viewset.url_namespace}:representatives", args=[self.union.pk])


class RepresentativesView(UnionAdminPage, FormView):
    """The union's representatives, and the invitation of one by SMS (name, position, mobile)."""

    template_name = "unions/admin/representatives.html"
    page_title = _("Representatives")
    form_class = InvitationForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            union=self.union,
            representatives=list(self.union.representatives.select_related("invited_by")),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        deactivate = request.POST.get("deactivate")
        if deactivate:
            representative = get_object_or_404(self.union.representatives, pk=deactivate)
            services.deactivate_representative(representative, actor=request.user)
            messages.success(request, _("%(name)s can no longer file for the union.") % {"name": representative.name})
            return redirect(self.union_url())
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            invited = services.invite_representative(self.union, **form.cleaned_data, invited_by=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request, _("%(name)s has been invited: an SMS explains how to sign in.") % {"name": invited.name}
        )
        return redirect(self.union_url())


class CancelView(UnionAdminPage, FormView):
    template_name = "unions/admin/cancel.html"
    page_title = _("Cancel the registration")
    form_class = CancellationForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(union=self.union, **kwargs)

    def form_valid(self, form):
        try:
            services.cancel_union(self.union, **form.cleaned_data, actor=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        except TransitionNotPossible as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        messages.success(self.request, _("The registration of %(union)s is cancelled.") % {"union": self.union})
        return redirect(reverse(f"{self.viewset.url_namespace}:edit", args=[self.union.pk]))


class ImportOfficesView(WagtailAdminTemplateMixin, TemplateView):
    """Which office's register to import into: one of the officer's offices."""

    viewset = None
    template_name = "unions/admin/import_offices.html"
    page_title = _("Import unions")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        visible = visible_office_ids(self.request.user)
        offices = [office for office in all_offices() if visible is None or office.pk in visible]
        return super().get_context_data(offices=offices, viewset=self.viewset, **kwargs)


class UnionViewSet(OfficeScopedViewSet):
    model = Union
    office_field = "office"
    icon = "group"
    menu_label = _("Trade unions")
    url_prefix = "workflows/unions"
    url_namespace = "unions_admin"
    list_display = [
        "registration_number",
        "name_bn",
        "name_en",
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        "office",
        Column("status", label=_("status"), accessor="get_status_display"),
        # The count in the page's digits (Bengali on Bengali pages).
        Column(
            "active_representatives",
            label=_("Representatives"),
            accessor=lambda union: local_digits(union.active_representatives),
        ),
    ]
    list_filter = ["kind", "status"]
    search_fields = ["registration_number", "name_bn", "name_en", "establishment"]
    search_backend_name = None
    create_view_class = UnionCreateView
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("registration_number"), FieldPanel("registered_on")]),
            FieldPanel("office"),
            FieldRowPanel([FieldPanel("name_bn"), FieldPanel("name_en")]),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("establishment")]),
            FieldRowPanel([FieldPanel("address_bn"), FieldPanel("address_en")]),
            InlinePanel("office_bearers", heading=_("Office-bearers"), label=_("Office-bearer")),
        ],
        base_form_class=UnionForm,
    )

    @property
    def index_view_class(self):
        return UnionIndexView

    @property
    def edit_view_class(self):
        return UnionEditView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "<int:pk>/representatives/",
                RepresentativesView.as_view(viewset=self),
                name="representatives",
            ),
            path("<int:pk>/cancel/", CancelView.as_view(viewset=self), name="cancel"),
            path("import/", ImportOfficesView.as_view(viewset=self), name="import_offices"),
            *UnionImportView.urls("import/<int:office_id>/", name="import", viewset=self),
        ]


unions = UnionViewSet("unions_admin")


@hooks.register("register_admin_viewset")
def register_unions():
    return unions


@hooks.register("register_workflows_menu_item")
def unions_menu_item():
    return [MenuItem(_("Trade unions"), reverse("unions_admin:index"), icon_name="group", order=430)]
