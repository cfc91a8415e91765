"""Back-office benchmarks on PostgreSQL: complaint submissions through the public form, then *My tasks*,
*Unassigned in my offices* and the complaints case list with a large table of routed tasks.

It works in a scratch database of its own on DATABASE_URL's server (created, migrated, loaded with the
demo data and dropped at the end; never the configured database), commits its rows as production
would, generates the tasks in bulk with INSERT … SELECT generate_series, and runs VACUUM ANALYZE so the
planner's statistics and the visibility map are up to date. Each list is timed through the real view
(the test client, signed in as the demo `officer`, and `admin` for the case list) on its first, a
middle and its last page; the EXPLAIN (ANALYZE, BUFFERS) of each page's main queries is printed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python -m bench workflows --tasks 1000000
"""

import contextlib
import re
import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, connections, reset_queries
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from workflows.complaints import roles as complaint_roles
from workflows.core import selectors
from workflows.core.pagination import encode_cursor
from workflows.core.viewsets import CaseIndexView

PAGES = ("first", "middle", "last")
SUBMISSION_TOKEN_RE = re.compile(r'name="submission_token" value="([^"]+)"')
PLAN_LINE = re.compile(r"(Scan|Limit|Sort|Append|Unique|Nested Loop|Hash|Aggregate|Execution Time|Buffers: shared)")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * fraction) - 1)]


# --- the scratch database --------------------------------------------------------------------------


@contextlib.contextmanager
def scratch_database(name, keep=False, reuse=False):
    """Point the default connection at a new database `name` on the same server; drop it afterwards
    (with `reuse`, an existing one kept by an earlier run with `keep` is used as it is)."""
    import psycopg

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params["dbname"] = "postgres"

    def admin(sql):
        with psycopg.connect(**params, autocommit=True) as admin_connection:
            admin_connection.execute(sql)

    quoted = connection.ops.quote_name(name)
    connections.close_all()
    if not reuse:
        admin(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        admin(f"CREATE DATABASE {quoted}")
    settings.DATABASES["default"]["NAME"] = name
    connection.settings_dict["NAME"] = name
    try:
        yield
    finally:
        connections.close_all()
        if not keep:
            admin(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


# --- filling it ------------------------------------------------------------------------------------


def submissions(n):
    from workflows.core.models import Office

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


GENERATE = """
CREATE TEMP TABLE bench_posts AS
    SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id, office_id
    FROM workflows_core_post WHERE role = 'gro';

CREATE TEMP TABLE bench_rows AS
    SELECT i,
           p.id AS post_id, p.office_id,
           CASE WHEN mod(i, 10) < 4 THEN 'NEW' WHEN mod(i, 10) = 4 THEN 'ASSIGNED' ELSE 'DONE' END AS status,
           now() - (%(n)s - i) * interval '1 minute' AS created
    FROM generate_series(1, %(n)s) AS i
    JOIN bench_posts p ON p.k = mod(i, (SELECT count(*) FROM bench_posts));

INSERT INTO complaints_complaint (
    id, tracking_number, subject, description, occurred_on, desired_remedy, contact_name, mobile, email,
    is_anonymous, access_code_hash, language, status, public_reply, information_request, information_response,
    appeal_grounds, submitted_at, updated_at, resolved_at, due_at, office_id)
SELECT %(c0)s + i, 'GRS-B' || lpad(i::text, 9, '0'), 'মানদণ্ড অভিযোগ ' || i, 'সেবা পেতে দেরি হয়েছে।',
       created::date, 'দ্রুত সেবা', 'পরীক্ষক', '01711234567', '', false, '', 'bn',
       CASE status WHEN 'NEW' THEN 'submitted' WHEN 'ASSIGNED' THEN 'in_review' ELSE 'resolved' END,
       '', '', '', '', created, created,
       CASE WHEN status = 'DONE' THEN created + interval '10 days' END, created + interval '42 days', office_id
FROM bench_rows;

INSERT INTO viewflow_process (id, flow_class, status, created, finished, data)
SELECT %(p0)s + i, %(flow_class)s, CASE WHEN status = 'DONE' THEN 'DONE' ELSE 'NEW' END, created,
       CASE WHEN status = 'DONE' THEN created + interval '10 days' END, '{}'
FROM bench_rows;

INSERT INTO complaints_complaintprocess (process_ptr_id, complaint_id) SELECT %(p0)s + i, %(c0)s + i FROM bench_rows;

INSERT INTO viewflow_task (
    id, flow_task, flow_task_type, status, created, assigned, started, finished, token, owner_permission,
    owner_id, process_id, owner_permission_content_type_id, owner_permission_obj_pk, data)
SELECT %(t0)s + i, %(flow_task)s, 'HUMAN', status, created,
       CASE WHEN status <> 'NEW' THEN created + interval '1 day' END,
       CASE WHEN status = 'DONE' THEN created + interval '10 days' END,
       CASE WHEN status = 'DONE' THEN created + interval '10 days' END,
       'start', 'workflows_core.act_for_post',
       CASE WHEN status = 'NEW' THEN NULL WHEN post_id = %(officer_post)s THEN %(officer)s ELSE %(admin)s END,
       %(p0)s + i, %(post_type)s, post_id::text, '{}'
FROM bench_rows;

INSERT INTO workflows_core_routedtask (
    task_id, flow_label, case_label, due_at, remind_at, office_id, post_id, created, owner_id, status)
SELECT %(t0)s + i, %(flow_label)s, 'GRS-B' || lpad(i::text, 9, '0'), created + interval '42 days',
       created + interval '37 days', office_id, post_id,
       created, CASE WHEN status = 'NEW' THEN NULL WHEN post_id = %(officer_post)s THEN %(officer)s ELSE %(admin)s END,
       status
FROM bench_rows;

SELECT setval(pg_get_serial_sequence('complaints_complaint', 'id'), (SELECT max(id) FROM complaints_complaint));
SELECT setval(pg_get_serial_sequence('viewflow_process', 'id'), (SELECT max(id) FROM viewflow_process));
SELECT setval(pg_get_serial_sequence('viewflow_task', 'id'), (SELECT max(id) FROM viewflow_task));
DROP TABLE bench_rows;
DROP TABLE bench_posts;
"""


def last_id(model) -> int:
    """The highest id in the model's table (generated rows take the ids after it)."""
    return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def run_script(script: str, values: dict) -> None:
    """The statements of a generation script (separated by `;` at a line's end) with `values`, then
    VACUUM ANALYZE so the planner's statistics and the visibility map are up to date."""
    with connection.cursor() as cursor:
        for statement in filter(str.strip, script.split(";\n")):
            cursor.execute(statement, values if "%(" in statement else None)
    with connection.cursor() as cursor:  # outside any transaction: VACUUM cannot run in one
        cursor.execute("VACUUM ANALYZE")


def generate(count):
    """`count` complaints, each with its process and one routed review task, spread over every GRO post:
    40 % waiting (NEW), 10 % claimed (by the demo officer on their post, by admin elsewhere), 50 % done."""
    from django.contrib.contenttypes.models import ContentType
    from viewflow.workflow.models import Process, Task

    from workflows.complaints.flows import ComplaintFlow
    from workflows.complaints.models import Complaint
    from workflows.core.models import Post

    users = get_user_model().objects.in_bulk(["officer", "admin"], field_name="username")
    officer_post = Post.objects.get(office__code="dlo-chattogram", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)

    values = {
        "n": count,
        "c0": last_id(Complaint),
        "p0": last_id(Process),
        "t0": last_id(Task),
        "flow_class": Process._meta.get_field("flow_class").get_prep_value(ComplaintFlow),
        "flow_task": Task._meta.get_field("flow_task").get_prep_value(ComplaintFlow.review),
        "flow_label": ComplaintFlow.instance.flow_label,
        "officer_post": officer_post.pk,
        "officer": users["officer"].pk,
        "admin": users["admin"].pk,
        "post_type": ContentType.objects.get_for_model(Post).pk,
    }
    run_script(GENERATE, values)


# --- measuring -------------------------------------------------------------------------------------


class Listing:
    def __init__(self, title, url, username, queryset, ordering, marker):
        self.title, self.url, self.marker = title, url, marker
        self.client = Client(HTTP_HOST="localhost")
        self.client.force_login(get_user_model().objects.get(username=username))
        self.queryset, self.ordering = queryset, ordering

    def middle_cursor(self):
        """The cursor of the row in the middle of the list (found once, by OFFSET, outside the timings)."""
        path = self.ordering.lstrip("-")
        column = F(path)
        if self.ordering.startswith("-"):
            order = [column.desc(nulls_first=True), "-pk"]
        else:
            order = [column.asc(nulls_last=True), "pk"]
        rows = self.queryset.order_by(*order).values_list(path, "pk")
        total = rows.count()
        value, pk = rows[total // 2]
        return total, encode_cursor(value, pk), list(rows[total // 2 + 1 : total // 2 + 2])

    def page_urls(self):
        total, cursor, after_middle = self.middle_cursor()
        self.total, self.after_middle = total, after_middle
        return {"first": self.url, "middle": f"{self.url}?after={cursor}", "last": f"{self.url}?last=1"}


def time_page(client, url, repeats):
    assert client.get(url).status_code == 200  # warm up (content types, settings, the first connection)
    reset_queries()  # each request resets the log: start the count from an empty one
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    queries = list(captured)  # now: the next request empties the connection's log
    assert response.status_code == 200, response.status_code
    durations = []
    for _ in range(repeats):
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        durations.append(time.perf_counter() - start)
    return response, queries, durations


def explain(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return [row[0] for row in cursor.fetchall()]


def main_queries(queries):
    """The page's queries on the big tables (the keyset read, the rows, the count), not the session's."""
    big = ("workflows_core_routedtask", "complaints_complaint")
    return [q["sql"] for q in queries if q["sql"].startswith(("SELECT", "(SELECT")) and any(t in q["sql"] for t in big)]


def measure(listing, repeats, show_plans):
    print(f"\n{listing.title} ({listing.url}):")
    urls = listing.page_urls()
    print(f"  {listing.total} rows in the list")
    for page in PAGES:
        response, queries, durations = time_page(listing.client, urls[page], repeats)
        database_ms = sum(float(q["time"]) for q in queries) * 1000
        # The results fragment is what the admin fetches when a list is sorted or filtered: the same
        # view and queries without the page around the table (menu, header).
        _, _, fragment = time_page(listing.client, urls[page].replace(listing.url, f"{listing.url}results/"), repeats)
        print(
            f"  {page:6} page: {len(queries):2d} queries ({database_ms:4.1f} ms in the database), "
            f"p50 {statistics.median(durations) * 1000:6.1f} ms, p95 {percentile(durations, 0.95) * 1000:6.1f} ms"
            f" | results fragment p50 {statistics.median(fragment) * 1000:6.1f} ms, "
            f"p95 {percentile(fragment, 0.95) * 1000:6.1f} ms"
        )
        if page == "middle" and listing.after_middle:
            marker = listing.marker(listing.after_middle[0][1])
            assert marker in response.text, f"the middle page does not show {marker}, the row after its cursor"
        if show_plans:
            for sql in main_queries(queries):
                print(f"    query: {sql[:160]}{'…' if len(sql) > 160 else ''}")
                for line in explain(sql):
                    if PLAN_LINE.search(line):
                        print(f"      {line.rstrip()}")


def task_link(pk):
    return f"/admin/workflows/tasks/{pk}/"


def listings():
    from workflows.core.models import Office

    User = get_user_model()
    officer = User.objects.get(username="officer")
    post_ids = selectors.acting_post_ids(officer)
    chattogram = {Office.objects.get(code="dlo-chattogram").pk}
    from workflows.complaints.models import Complaint

    return [
        Listing(
            "My tasks",
            "/admin/workflows/tasks/mine/",
            "officer",
            selectors.my_tasks(officer, post_ids),
            "due_at",
            task_link,
        ),
        Listing(
            "Unassigned in my offices",
            "/admin/workflows/tasks/unassigned/",
            "officer",
            selectors.unassigned_in_my_offices(officer, chattogram),
            "due_at",
            task_link,
        ),
        Listing(
            "Complaints (superuser, every office)",
            "/admin/workflows/complaints/",
            "admin",
            Complaint.objects.all(),
            CaseIndexView.default_ordering,
            lambda pk: Complaint.objects.get(pk=pk).tracking_number,
        ),
    ]


def run(submission_count, task_count, database="bench_workflows", repeats=30, keep=False, reuse=False, plans=True):
    if connection.vendor != "postgresql":
        print("The workflows benchmark needs PostgreSQL: set DATABASE_URL (postgres://user@host:5432/any-database).")
        return 1
    settings.ALLOWED_HOSTS = ["*"]
    settings.COMPLAINT_SUBMIT_RATE = "1000000/h"
    settings.SMS_BACKEND = "workflows.core.notifications.sms.LocmemSmsBackend"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with scratch_database(database, keep=keep or reuse, reuse=reuse):
        start = time.perf_counter()
        call_command("migrate", verbosity=0)
        if not reuse:
            call_command("load_demo_data", verbosity=0)
        print(f"database: {connection.vendor} {connection.pg_version}, scratch {database!r}")
        print(f"migrated and loaded the demo data in {time.perf_counter() - start:.1f} s")
        if submission_count and not reuse:
            durations = submissions(submission_count)
            print(
                f"complaint submissions: {len(durations) / sum(durations):6.1f}/s, "
                f"p50 {statistics.median(durations) * 1000:6.1f} ms, p95 {percentile(durations, 0.95) * 1000:6.1f} ms"
            )
        start = time.perf_counter()
        if not reuse:
            generate(task_count)
            print(f"generated {task_count} routed tasks and VACUUM ANALYZE in {time.perf_counter() - start:.1f} s")
        from workflows.core.models import RoutedTask

        total = RoutedTask.objects.count()
        print(f"{total} routed tasks in all; timings over {repeats} requests per page")
        debug, settings.DEBUG = settings.DEBUG, False  # query logging would distort the timings
        try:
            for listing in listings():
                measure(listing, repeats, plans)
        finally:
            settings.DEBUG = debug
    return 0
