"""Back-office benchmarks: complaint submissions through the public form, and *My tasks* with a
large task table. Everything runs inside one transaction that is rolled back, so the database is left
as it was (on-commit work such as sending the acknowledgement is therefore not measured).

    python -m bench workflows [--submissions 200] [--tasks 100000]
"""

import re
import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from workflows.complaints import roles as complaint_roles
from workflows.complaints.flows import ComplaintFlow
from workflows.core.models import Office, Post, RoutedTask

SUBMISSION_TOKEN_RE = re.compile(r'name="submission_token" value="([^"]+)"')


class Rollback(Exception):
    pass


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * fraction) - 1)]


def submissions(n):
    office = Office.objects.get(code="dlo-chattogram")
    client = Client(HTTP_HOST="localhost")
    durations = []
    for i in range(n):
        data = {
            "office": str(office.pk),
            "subject": f"মানদণ্ড পরীক্ষা {i}",
            "description": "সেবা পেতে দেরি হয়েছে।",
            "occurred_on": timezone.localdate().isoformat(),
            "desired_remedy": "দ্রুত সেবা",
            "complainant_name": "পরীক্ষক",
            "mobile": "01711234567",
        }
        start = time.perf_counter()
        # As a browser does: the form page (with its one-time token), then the POST.
        page = client.get("/bn/complaints/new/")
        data["submission_token"] = SUBMISSION_TOKEN_RE.search(page.text).group(1)
        response = client.post("/bn/complaints/new/", data)
        durations.append(time.perf_counter() - start)
        assert response.status_code == 302, response.status_code
    return durations


def seed_tasks(count):
    """`count` open review tasks spread over every grievance officer's post, in bulk."""
    from viewflow.workflow.models import Process, Task

    posts = list(Post.objects.filter(role=complaint_roles.GRIEVANCE_REDRESS_OFFICER).select_related("office"))
    flow_label = ComplaintFlow.instance.flow_label
    batch = 5000
    for offset in range(0, count, batch):
        size = min(batch, count - offset)
        processes = Process.objects.bulk_create([Process(flow_class=ComplaintFlow) for _ in range(size)])
        tasks = Task.objects.bulk_create(
            [Task(process=p, flow_task=ComplaintFlow.review, flow_task_type="HUMAN", status="NEW") for p in processes]
        )
        routes = []
        for i, task in enumerate(tasks):
            post = posts[(offset + i) % len(posts)]
            routes.append(
                RoutedTask(
                    task=task,
                    post=post,
                    office_id=post.office_id,
                    flow_label=flow_label,
                    case_label=f"GRS-BENCH{offset + i:06d}",
                    due_at=timezone.now(),
                )
            )
        RoutedTask.objects.bulk_create(routes)


def my_tasks_timing(repeats=10):
    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="officer"))
    client.get("/admin/workflows/tasks/mine/")  # warm up
    reset_queries()  # each request resets the log; start the count from an empty one
    with CaptureQueriesContext(connection) as queries:
        client.get("/admin/workflows/tasks/mine/")
    durations = []
    for _ in range(repeats):
        start = time.perf_counter()
        assert client.get("/admin/workflows/tasks/mine/").status_code == 200
        durations.append(time.perf_counter() - start)
    return len(queries), durations


def run(submission_count, task_count):
    settings.ALLOWED_HOSTS = ["*"]
    settings.COMPLAINT_SUBMIT_RATE = "1000000/h"
    print(f"database: {connection.vendor}")
    try:
        with transaction.atomic():
            durations = submissions(submission_count)
            print(
                f"complaint submissions: {len(durations) / sum(durations):6.1f}/s, "
                f"p50 {statistics.median(durations) * 1000:6.1f} ms, p95 {percentile(durations, 0.95) * 1000:6.1f} ms"
            )
            start = time.perf_counter()
            seed_tasks(task_count)
            total = RoutedTask.objects.count()
            print(f"seeded {task_count} tasks in {time.perf_counter() - start:.1f} s ({total} routed tasks in all)")
            queries, durations = my_tasks_timing()
            print(
                f"My tasks with {total} tasks: {queries} queries, p50 {statistics.median(durations) * 1000:6.1f} ms, "
                f"p95 {percentile(durations, 0.95) * 1000:6.1f} ms"
            )
            raise Rollback
    except Rollback:
        pass
