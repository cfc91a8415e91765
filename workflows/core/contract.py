"""The process kit: how to write an approval process on the workflow core. Read this first.

A process is one Django app in `workflows/<process>/`. It touches its own folder, `INSTALLED_APPS` and
the Bengali catalogue (`locale/bn/`), nothing else. The test process in `tests/kit/leaveprocess/` is
the smallest complete example; `workflows/complaints/` is the full one.

1. **The case** (`models.py`): a subclass of `Case` (tracking number with the process's prefix,
   office, status, contact, language, hashed access code, timestamps)::

       class LeaveRequest(Case):
           tracking_prefix = "LVE"
           class Status(models.TextChoices): ...
           status = FSMField(_("status"), max_length=30, choices=Status.choices, default=..., protected=True)
           status_groups = {"open": (...), "decided": (...)}      # listed once, used everywhere
           notifications = {"submit": "leave-received", "approve": "leave-approved"}

           @transition(field=status, source=Status.SUBMITTED, target=Status.APPROVED)
           def approve(self): ...                                  # the record's own fields only

   The lifecycle is the case's (django-fsm-2); the routing is the flow's (viewflow). Neither repeats
   the other: the flow's Switches ask the case's status, the case never asks the flow.

2. **The only way a case changes state** is `transition(case, "approve", actor=..., post=..., comment=...)`:
   it runs the FSM transition, saves, appends one audit entry ("leaverequest.approve", from → to) and
   queues the notification the case declares for it, in one transaction. A new case is stored with
   `file_case(case)` ("<model>.submit" and the "submit" notification); the caller then starts the flow.

3. **The process model**: the flow's viewflow `Process` subclass mixes in `CaseProcessMixin`, names its
   case field (`case_field`) and the template the task page includes to show the case
   (`case_template`, which gets `case` and `route`).

4. **The flow** (`flows.py`) reads top to bottom as the picture of the process: human steps are
   `PostTask()` routed to a post (`.Route`, usually `nearest_post(office, role)`), due in working days
   (`.Due`/`.Remind`, with `due_after_working_days`), with a `.Form`; every decision that routes the case
   is a `flow.Switch()` case or a node of its own, so the diagram on the task page is the process. Use
   `lock_impl = PROCESS_LOCK`: of two officers acting at once exactly one wins.

5. **Roles** are the process's: `register_role("approver", _("Leave approver"))` in its `roles.py`
   (imported by the flow); posts of that role are then data in Organisation → Posts.

6. **Task forms** subclass `TaskForm`; `apply(activation, user)` runs under the process lock, re-reads
   the case with `self.locked_case()`, and changes it with `self.transition(case, name, ...)`; raising
   `TaskNotAvailable` refuses and changes nothing.

7. **The admin** (`wagtail_hooks.py`): a `CaseViewSet` subclass (office-scoped list with filters, an
   inspect view linking to the open task and the history, CSV and XLSX exports, the Workflows menu
   entry), and optionally a `ProcessReport` (counts by status group per office and month, with a chart
   panel on the dashboard): about 30 lines, see complaints' wagtail_hooks.py.

8. **Notification templates** are the process's data: its own data migration creates them (see
   `workflows.core.notifications.seeding.seed_templates`); core seeds its own (the SLA reminders).

9. **Public pages** use `workflows/core/public.py` (upload limits, proof of access by session,
   one-time submission tokens, rate limits that count accepted submissions). Public URLs are included
   by the process's app config: set `public_urls = "workflows.<process>.urls"` and `public_prefix`.

10. **Demo data and periodic jobs**: a `demo.py` with `load_demo(stats)`, found and run by
    `load_demo_data`; a `schedule.py` with `BEAT_SCHEDULE` (config/schedule.py collects it).

11. **Tests**: add the process to the contract suite (`tests/kit/test_contract.py`, one entry in
    `PROCESSES`): office-scoped 404s, forbidden POSTs changing nothing, two officers at once on
    PostgreSQL, constant query counts, one audit entry per transition, every string in the Bengali
    catalogue, safe exports.
"""

from viewflow.workflow.lock import SelectForUpdateLock
from viewflow.workflow.models import Task

from .forms import TaskForm
from .models import Case, CaseProcessMixin
from .nodes import BackgroundJob, PostTask
from .roles import OFFICE_HEAD, register_role
from .routing import NoPostForRole, due_after_working_days, nearest_post
from .selectors import OPEN_STATUSES
from .services import TaskNotAvailable, TransitionNotPossible, file_case, transition

# Blocks on the process row (PostgreSQL): the second of two officers acting at once waits, then finds
# the task done. On SQLite, IMMEDIATE transactions give the same one-writer-at-a-time order.
PROCESS_LOCK = SelectForUpdateLock(nowait=False)


def open_tasks(case, *nodes):
    """The case's open tasks (of any of its processes), at `nodes` if given."""
    tasks = Task.objects.filter(
        process__in=CaseProcessMixin.processes_of(case), status__in=OPEN_STATUSES
    ).select_related("process")
    if nodes:
        tasks = [task for task in tasks if task.flow_task in nodes]
    return list(tasks)


__all__ = [
    "OFFICE_HEAD",
    "BackgroundJob",
    "PROCESS_LOCK",
    "Case",
    "CaseProcessMixin",
    "NoPostForRole",
    "PostTask",
    "TaskForm",
    "TaskNotAvailable",
    "TransitionNotPossible",
    "due_after_working_days",
    "file_case",
    "nearest_post",
    "open_tasks",
    "register_role",
    "transition",
]
