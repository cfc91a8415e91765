"""Admin registrations of the workflow core: the organisation snippets and the Workflows menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import views
from .models import Delegation, Office, Post


class OfficeViewSet(SnippetViewSet):
    model = Office
    icon = "site"
    menu_label = _("Offices")
    list_display = ["name_bn", "name_en", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name_bn", "name_en", "code"]
    ordering = ["sort_order", "name_en"]
    panels = [
        FieldRowPanel([FieldPanel("name_bn"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("code"), FieldPanel("kind")]),
        FieldPanel("parent"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("address_bn"), FieldPanel("address_en")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("sort_order"),
    ]

    def get_queryset(self, request):
        return Office.objects.select_related("parent")


class PostViewSet(SnippetViewSet):
    model = Post
    icon = "user"
    menu_label = _("Posts")
    list_display = ["title_bn", "title_en", "office", "role", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["title_bn", "title_en"]
    panels = [
        FieldRowPanel([FieldPanel("title_bn"), FieldPanel("title_en")]),
        FieldRowPanel([FieldPanel("office"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("covers_sub_offices"), FieldPanel("is_active")]),
        InlinePanel("holdings", label=_("Holders")),
    ]

    def get_queryset(self, request):
        return Post.objects.select_related("office")


class DelegationViewSet(SnippetViewSet):
    model = Delegation
    icon = "group"
    menu_label = _("Delegations")
    list_display = ["delegate", "post", "starts_at", "ends_at"]
    panels = [
        FieldRowPanel([FieldPanel("post"), FieldPanel("delegate")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("reason"),
    ]

    def get_queryset(self, request):
        return Delegation.objects.select_related("post__office", "delegate")


class OrganisationGroup(SnippetViewSetGroup):
    items = (OfficeViewSet, PostViewSet, DelegationViewSet)
    menu_icon = "site"
    menu_label = _("Organisation")
    menu_name = "organisation"


register_snippet(OrganisationGroup)


urlpatterns = [
    path("tasks/mine/", views.MyTasksView.as_view(), name="my_tasks"),
    path("tasks/mine/results/", views.MyTasksView.as_view(results_only=True), name="my_tasks_results"),
    path("tasks/unassigned/", views.UnassignedTasksView.as_view(), name="unassigned"),
    path("tasks/unassigned/results/", views.UnassignedTasksView.as_view(results_only=True), name="unassigned_results"),
    path("tasks/done/", views.DoneTasksView.as_view(), name="done"),
    path("tasks/done/results/", views.DoneTasksView.as_view(results_only=True), name="done_results"),
    path("tasks/bulk-claim/", views.bulk_claim, name="bulk_claim"),
    path("tasks/<int:task_id>/", views.TaskPageView.as_view(), name="task"),
    path("tasks/<int:task_id>/comment/", views.TaskCommentView.as_view(), name="comment"),
    path(
        "tasks/<int:task_id>/comment-files/<int:attachment_id>/",
        views.download_comment_attachment,
        name="comment_attachment",
    ),
    path("tasks/<int:task_id>/claim/", views.claim, name="claim"),
    path("tasks/<int:task_id>/unassign/", views.unassign, name="unassign"),
    path("tasks/<int:task_id>/reassign/", views.reassign, name="reassign"),
]


@hooks.register("register_admin_urls")
def register_workflow_urls():
    return [path("workflows/", include((urlpatterns, "workflows_core"), namespace="workflows_core"))]


@hooks.register("register_admin_menu_item")
def register_workflows_menu():
    """The Workflows menu: the inboxes, then each process's own list and report (apps add them with the
    `register_workflows_menu_item` hook, one item or a list; register_case_viewset does it for them)."""
    items = [
        MenuItem(_("My tasks"), reverse("workflows_core:my_tasks"), icon_name="tasks", order=100),
        MenuItem(_("Unassigned in my offices"), reverse("workflows_core:unassigned"), icon_name="inbox", order=200),
        MenuItem(_("Done by me"), reverse("workflows_core:done"), icon_name="check", order=300),
    ]
    for make_items in hooks.get_hooks("register_workflows_menu_item"):
        made = make_items()
        items += made if isinstance(made, list | tuple) else [made]
    return SubmenuMenuItem(_("Workflows"), Menu(items=items), icon_name="tasks", name="workflows", order=250)


@hooks.register("construct_homepage_panels")
def add_my_tasks_panel(request, panels):
    from .access import acting_posts
    from .panels import MyTasksPanel

    # Only officers get cases: for an editor or approver (no post), "no open tasks" would read as
    # "nothing to do" right above Wagtail's list of pages waiting for their review.
    if acting_posts(request.user):
        panels.append(MyTasksPanel(request.user))
