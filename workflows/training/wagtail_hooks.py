"""Workers' training in the admin, under Workflows: batches (registered here, each with its trainees,
progress of its certificates and history) and the institutes' courses."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workflows.core.access import acting_posts
from workflows.core.permissions import OfficeScopedForm, OfficeScopedViewSet
from workflows.core.viewsets import CaseViewSet, register_case_viewset

from . import services
from .forms import BatchForm
from .imports import TraineeImportView
from .models import Batch, Course


class BatchCreateView(WagtailAdminTemplateMixin, FormView):
    viewset = None
    form_class = BatchForm
    template_name = "training/admin/batch_form.html"
    page_title = _("New training batch")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not self.viewset.may_create(request.user):
            return redirect(reverse(f"{self.viewset.url_namespace}:index"))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{self.viewset.url_namespace}:index"), "label": self.viewset.menu_label},
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        batch = services.register_batch(actor=self.request.user, **data)
        messages.success(self.request, _("Batch %(number)s registered: import its trainees.") % {"number": batch})
        return redirect(reverse(f"{self.viewset.url_namespace}:inspect", args=[batch.pk]))


class BatchViewSet(CaseViewSet):
    model = Batch
    url_prefix = "workflows/training"
    url_namespace = "training_admin"
    menu_label = _("Training batches")
    menu_icon = "group"
    menu_order = 420
    list_display = ["venue"]
    search_fields = ["tracking_number", "venue"]
    list_export = ["tracking_number", "office", "get_status_display", "submitted_at", "starts_on", "ends_on", "venue"]
    create_view_class = BatchCreateView

    def cases_in(self, office_ids):
        return super().cases_in(office_ids).select_related("course")

    def may_create(self, user) -> bool:
        return user.is_superuser or bool(acting_posts(user))

    def progress(self, request, pk):
        """How far the batch's certificates are, for the progress bar (polled while they are issued)."""
        batch = get_object_or_404(self.get_queryset(request), pk=pk)
        return JsonResponse({**services.batch_progress(batch), "status": batch.status})

    def extra_urls(self):
        return [
            path("<int:pk>/progress/", self.progress, name="progress"),
            *TraineeImportView.urls("<int:pk>/import/", name="import", viewset=self),
        ]


register_case_viewset(BatchViewSet())


class CourseForm(OfficeScopedForm):
    office_field = "institute"


class CourseViewSet(OfficeScopedViewSet):
    model = Course
    office_field = "institute"
    icon = "doc-full"
    menu_label = _("Training courses")
    url_prefix = "workflows/training-courses"
    list_display = ["title_bn", "title_en", "institute", "duration_days"]
    edit_handler = ObjectList(
        [
            FieldPanel("institute"),
            FieldRowPanel([FieldPanel("title_bn"), FieldPanel("title_en")]),
            FieldRowPanel([FieldPanel("duration_days"), FieldPanel("min_attendance_days")]),
        ],
        base_form_class=CourseForm,
    )


courses = CourseViewSet("training_courses")


@hooks.register("register_admin_viewset")
def register_courses():
    return courses


@hooks.register("register_workflows_menu_item")
def courses_menu_item():
    return [MenuItem(_("Training courses"), reverse("training_courses:index"), icon_name="doc-full", order=425)]
