"""The admin home's panel of the signed-in officer's open tasks: overdue first, with counts per process."""

from django.db.models import Count, F, Q
from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import selectors

PANEL_ROWS = 10


def process_titles() -> dict[str, str]:
    """flow_label → the process's human name, for every flow defined in the project."""
    from .registry import all_flows

    return {f.instance.flow_label: str(f.process_title or f.__name__) for f in all_flows()}


class MyTasksPanel(Component):
    name = "my_tasks"
    order = 50
    template_name = "workflows_core/dashboard_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        now = timezone.now()
        tasks = selectors.my_tasks(self.user)
        titles = process_titles()
        counts = [
            {"process": titles.get(row["flow_label"], row["flow_label"]), **row}
            for row in tasks.order_by()
            .values("flow_label")
            .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_at__lt=now)))
        ]
        rows = list(tasks.order_by(F("due_at").asc(nulls_last=True), "created")[:PANEL_ROWS])
        for route in rows:
            route.state = selectors.sla_state(route.due_at, now)
        return {"tasks": rows, "counts": counts, "request": parent_context.get("request")}
