"""The back office inside the Wagtail admin: inboxes, the task page and task actions.

Every view takes the user's posts and offices from `access`; a task outside them is a 404, and
every action runs through `services`, under the process lock.
"""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from viewflow.workflow import chart
from viewflow.workflow.status import STATUS
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors, services
from .access import attach_posts, officer_access, visible_office_ids
from .forms import CommentForm
from .models import CaseComment, CaseCommentAttachment, Post, RoutedTask
from .nodes import may_see
from .pagination import KeysetListingMixin
from .public import upload_limited
from .tables import CellsMixin, HumanDateColumn, LinkTitleColumn, ListingTable, PlainColumn, SlaColumn
from .uploads import download_response


class TaskTitleColumn(LinkTitleColumn):
    def get_value(self, instance):
        return instance.case_label or str(instance.pk)


def task_title(route):
    return route.task.flow_task.task_title or route.task.flow_task.name


class InboxView(KeysetListingMixin, IndexView):
    """A list of routed tasks, paged by keyset (pagination.py); subclasses choose which."""

    model = RoutedTask
    table_class = ListingTable
    header_icon = "tasks"
    paginate_by = 50
    default_ordering = "due_at"
    any_permission_required = None
    permission_policy = None
    list_export = ["case_label", "flow_label", "post", "office", "due_at"]

    def get_base_queryset(self):
        rows = self.select(self.request.user)
        if self.is_export:
            return rows
        # A page's posts and offices come from the access cache (attach_posts, in paginate_queryset):
        # joining them made PostgreSQL spend ~10 ms planning a query that runs in 2 ms.
        return rows.select_related(None).select_related("task", "owner")

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        attach_posts(rows)
        return paginator, page, rows, is_paginated

    def select(self, user):  # pragma: no cover - overridden
        raise NotImplementedError

    @cached_property
    def task_url_prefix(self) -> str:
        # One reverse() per page instead of one per row: /admin/workflows/tasks/<id>/.
        return reverse("workflows_core:task", args=[0]).removesuffix("0/")

    @cached_property
    def post_ids(self) -> list[int]:
        """The posts the user acts for, read once per request (the list and its partitions need them)."""
        return selectors.acting_post_ids(self.request.user)

    @cached_property
    def office_ids(self) -> set[int] | None:
        return visible_office_ids(self.request.user)

    @property
    def columns(self):
        return [
            TaskTitleColumn(
                "case_label",
                label=_("Case"),
                get_url=lambda route: f"{self.task_url_prefix}{route.pk}/",
                sort_key="case_label",
            ),
            PlainColumn("task", label=_("Task"), accessor=task_title),
            PlainColumn("post", label=_("Post"), accessor="post"),
            # The office itself (its __str__ is its name): the same office on many rows is written once.
            PlainColumn("office", label=_("Office"), accessor="office"),
            PlainColumn(
                "owner", label=_("Claimed by"), accessor=lambda r: services.display_name(r.owner) if r.owner else "—"
            ),
            SlaColumn("due_at", label=_("Due"), sort_key="due_at"),
            HumanDateColumn("created", label=_("Received"), sort_key="created"),
        ]


class MyTasksView(InboxView):
    page_title = _("My tasks")
    index_url_name = "workflows_core:my_tasks"
    index_results_url_name = "workflows_core:my_tasks_results"

    def select(self, user):
        return selectors.my_tasks(user, self.post_ids)

    def get_partitions(self):
        return selectors.my_tasks_partitions(self.request.user, self.post_ids)

    def get_partitions_of(self, queryset):
        # The partitions are my_tasks' own OR split up: each range reads its post's or status's rows alone
        # (with the OR beside it PostgreSQL read and sorted all of the user's claimed tasks: 6 ms, not 0.1).
        # Any filter or search on top of the list stays in every range.
        if self.is_filtering or self.is_searching:
            return queryset
        return RoutedTask.objects.all()


class ClaimCheckboxColumn(CellsMixin, Column):
    """A checkbox per row, tied by the HTML `form` attribute to the bulk-claim form above the table
    (rendered without a template: see tables.py)."""

    def render_cells_html(self, instances, parent_context):
        checkbox = '<td><input type="checkbox" name="task" value="{}" form="bulk-claim" aria-label="{}"></td>'
        label = escape(gettext("Select"))
        return [checkbox.format(int(instance.pk), label) for instance in instances]


class UnassignedTasksView(InboxView):
    page_title = _("Unassigned in my offices")
    index_url_name = "workflows_core:unassigned"
    index_results_url_name = "workflows_core:unassigned_results"
    template_name = "workflows_core/unassigned.html"

    def select(self, user):
        return selectors.unassigned_in_my_offices(user, self.office_ids)

    def get_partitions(self):
        return selectors.office_partitions(self.office_ids)

    @property
    def columns(self):
        return [ClaimCheckboxColumn("select", label=_("Select"), accessor="pk"), *super().columns]


class DoneTasksView(InboxView):
    page_title = _("Done by me")
    index_url_name = "workflows_core:done"
    index_results_url_name = "workflows_core:done_results"
    default_ordering = "-task__finished"

    def select(self, user):
        return selectors.done_by(user)


def get_visible_route(user, task_id) -> RoutedTask:
    """The routed task if the user's offices cover it; 404 otherwise (never reveal other offices' cases)."""
    route = get_object_or_404(
        RoutedTask.objects.select_related("task", "task__process", "task__owner", "post", "office"), pk=task_id
    )
    if not may_see(user, route):
        raise Http404
    return route


class TaskPageView(WagtailAdminTemplateMixin, TemplateView):
    """The case's data, the form to act, the history and the SLA state of one task."""

    template_name = "workflows_core/task.html"
    header_icon = "tasks"

    def dispatch(self, request, task_id, *args, **kwargs):
        self.route = get_visible_route(request.user, task_id)
        self.task = self.route.task
        self.node = self.task.flow_task
        self.process = self.task.process.coerced
        self.case = self.process.case
        self.access = officer_access(request.user, self.case, selectors.routes_of(self.case))
        if self.access.read_only and request.method == "POST":
            raise Http404  # the case moved to another office: nothing here is this officer's to change
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"{self.route.case_label} — {task_title(self.route)}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("workflows_core:my_tasks"), "label": _("My tasks")},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_class(self):
        return getattr(self.node, "form_class", None)

    def is_open(self):
        return self.task.status in selectors.OPEN_STATUSES and not self.access.read_only

    def get_form(self, data=None, files=None):
        form_class = self.form_class()
        if form_class is None or not self.is_open():
            return None
        return form_class(
            data=data, files=files, process=self.process, route=self.route, initial={"post_id": self.route.post_id}
        )

    def get_context_data(self, form=None, comment_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.case
        read_only = self.access.read_only
        context.update(
            read_only=read_only,
            route=self.route,
            task=self.task,
            process=self.process,
            case=case,
            case_template=self.process.case_template,
            form=form if form is not None else self.get_form(),
            comment_form=None if read_only else comment_form or CommentForm(),
            history=selectors.case_history(case, until=self.access.until),
            sla_state=selectors.sla_state(self.route.due_at),
            is_open=self.is_open(),
            can_claim=self.is_open()
            and self.task.status == STATUS.NEW
            and self.node.can_assign(self.request.user, self.task),
            can_unassign=self.is_open() and self.node.can_unassign(self.request.user, self.task),
            reassign_form=ReassignForm(user=self.request.user) if self.is_open() else None,
            flow_chart=self.flow_chart(),
            flow_diagram=self.flow_diagram(),
        )
        return context

    def outcome_message(self):
        """What happened to the case after the officer's action: where it waits now, or that it is decided."""
        posts = sorted({str(route.post) for route in selectors.open_routes_of(self.case)})
        if posts:
            return _("Done. The case now waits for: %(posts)s.") % {"posts": "; ".join(posts)}
        return _("Done. No task of this case is open any more: nothing waits for an officer.")

    def flow_chart(self):
        """The process's steps in order (start, the officers' tasks, end), with the current one marked."""
        nodes = [
            node
            for node in self.node.flow_class.instance.nodes()
            if getattr(node, "task_type", "") == "HUMAN" or node.name in ("start", "end")
        ]
        nodes.sort(key=lambda node: {"start": 0, "end": 2}.get(node.name, 1))
        return [{"name": node.task_title or node.name, "current": node is self.node} for node in nodes]

    def flow_diagram(self):
        """viewflow's drawing of the process (SVG), each step coloured by where this case stands."""
        flow_class = self.node.flow_class
        grid = chart.calc_layout_data(flow_class)
        chart.calc_cell_status(flow_class, grid, self.process.pk)
        return mark_safe(chart.grid_to_svg(grid))  # noqa: S308 - rendered by viewflow's template, escaped there

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES)
        if form is None:
            messages.error(request, services.TaskNotAvailable().args[0])
            return redirect("workflows_core:task", self.route.pk)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            services.submit_task_form(self.route, request.user, form)
        except services.TaskNotAvailable as refusal:
            messages.error(request, refusal.args[0])
            return redirect("workflows_core:task", self.route.pk)
        messages.success(request, self.outcome_message())
        return redirect("workflows_core:my_tasks")


@method_decorator(upload_limited, name="dispatch")
class TaskCommentView(TaskPageView):
    """Add an internal comment (with attachments) to the case of a task the officer may see."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = CommentForm(request.POST, request.FILES, upload_limits=request.upload_limits)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(comment_form=form))
        services.add_comment(self.route, request.user, form.cleaned_data["text"], form.cleaned_data["attachments"])
        messages.success(request, _("Your comment was added to the case."))
        return redirect("workflows_core:task", self.route.pk)


def download_comment_attachment(request, task_id, attachment_id):
    """A comment's file, as a download, for an officer who may see a task of the same case."""
    route = get_visible_route(request.user, task_id)
    case = route.task.process.coerced.case
    comments = CaseComment.objects.for_object(case)
    access = officer_access(request.user, case, selectors.routes_of(case))
    if access.read_only:
        comments = comments.filter(created_at__lte=access.until)
    attachment = get_object_or_404(CaseCommentAttachment, pk=attachment_id, comment__in=comments)
    return download_response(attachment)


class ReassignForm(forms.Form):
    post = forms.ModelChoiceField(queryset=Post.objects.none(), label=_("Route to post"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offices = visible_office_ids(user)
        posts = Post.objects.filter(is_active=True).select_related("office")
        if offices is not None:
            posts = posts.filter(office_id__in=offices)
        self.fields["post"].queryset = posts


def _act(request, task_id, action):
    route = get_visible_route(request.user, task_id)  # 404 outside the user's offices
    case = route.task.process.coerced.case
    if officer_access(request.user, case, selectors.routes_of(case)).read_only:
        raise Http404
    try:
        action()
    except services.TaskNotAvailable as refusal:
        messages.error(request, refusal.args[0])
    return redirect("workflows_core:task", task_id)


@require_POST
def claim(request, task_id):
    return _act(request, task_id, lambda: services.claim_task(task_id, request.user))


@require_POST
def unassign(request, task_id):
    return _act(request, task_id, lambda: services.unassign_task(task_id, request.user))


@require_POST
def reassign(request, task_id):
    form = ReassignForm(request.POST, user=request.user)
    if not form.is_valid():
        get_visible_route(request.user, task_id)
        messages.error(request, _("Choose a post in an office you may route cases to."))
        return redirect("workflows_core:task", task_id)
    return _act(request, task_id, lambda: services.reassign_task(task_id, request.user, form.cleaned_data["post"]))


@require_POST
def bulk_claim(request):
    """Claim several unassigned tasks at once; each is claimed (or refused) on its own."""
    ids = [int(pk) for pk in request.POST.getlist("task") if pk.isdigit()][:100]
    visible = set(selectors.unassigned_in_my_offices(request.user).filter(pk__in=ids).values_list("pk", flat=True))
    claimed = 0
    for task_id in ids:
        if task_id not in visible:
            continue
        try:
            services.claim_task(task_id, request.user)
            claimed += 1
        except services.TaskNotAvailable:
            pass
    messages.success(request, _("%(count)s tasks claimed.") % {"count": claimed})
    return redirect("workflows_core:my_tasks")
