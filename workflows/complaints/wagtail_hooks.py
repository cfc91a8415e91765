"""The complaints list and attachment downloads in the admin, under the Workflows menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, report_views

urlpatterns = [
    path("", admin_views.ComplaintIndexView.as_view(), name="index"),
    path("results/", admin_views.ComplaintIndexView.as_view(results_only=True), name="index_results"),
    path("attachments/<int:attachment_id>/", admin_views.download_attachment, name="attachment"),
    path("report/", report_views.ComplaintReportView.as_view(), name="report"),
]


@hooks.register("register_admin_urls")
def register_complaint_urls():
    return [path("workflows/complaints/", include((urlpatterns, "complaints_admin"), namespace="complaints_admin"))]


@hooks.register("register_workflows_menu_item")
def complaints_menu_item():
    return MenuItem(_("Complaints"), reverse("complaints_admin:index"), icon_name="mail", order=400)


@hooks.register("register_workflows_menu_item")
def complaints_report_menu_item():
    return MenuItem(_("Complaints report"), reverse("complaints_admin:report"), icon_name="table", order=410)


@hooks.register("construct_homepage_panels")
def add_complaints_chart(request, panels):
    panels.append(report_views.ComplaintChartPanel(request.user))
