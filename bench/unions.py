"""The union audit examiner's inbox with many annual returns, on PostgreSQL: *My tasks*, *Unassigned in my
offices* and the returns' case list, with 100,000 returns by default.

A scratch database of its own (bench.workflows.scratch_database: created, migrated, loaded with the demo data,
dropped at the end). Unions (20 % of the returns' count, five years each) and their returns, each with its
process and one examination task routed to its office's examiner post, are generated in bulk with INSERT …
SELECT generate_series: 40 % waiting (NEW), 10 % claimed (by the demo `officer` on Chattogram's post, by
`admin` elsewhere), 50 % done; then VACUUM ANALYZE. Each list is timed through the real view on its first, a
middle and its last page, with the EXPLAIN of its main queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python -m bench unions --returns 100000
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from bench.workflows import Listing, last_id, measure, run_script, scratch_database, task_link
from workflows.core import selectors

GENERATE = """
CREATE TEMP TABLE bench_posts AS
    SELECT (row_number() OVER (ORDER BY id) - 1)::int AS k, id, office_id
    FROM workflows_core_post WHERE role = 'union_examiner';

CREATE TEMP TABLE bench_unions AS
    SELECT u, p.office_id
    FROM generate_series(1, %(unions)s) AS u
    JOIN bench_posts p ON p.k = mod(u, (SELECT count(*) FROM bench_posts));

INSERT INTO unions_union (
    id, registration_number, registration_key, name_bn, name_en, kind, establishment, address_bn, address_en,
    registered_on, status, cancelled_on, cancellation_reason, office_id)
SELECT %(u0)s + u, 'BENCH-' || u, 'bench' || u, 'মানদণ্ড শ্রমিক ইউনিয়ন ' || u, 'Bench Workers'' Union ' || u,
       'basic', '', '', '', date '2010-01-01', 'active', NULL, '', office_id
FROM bench_unions;

CREATE TEMP TABLE bench_rows AS
    SELECT i,
           %(u0)s + 1 + mod(i - 1, %(unions)s) AS union_id,
           2020 + (i - 1) / %(unions)s AS year,
           p.id AS post_id, p.office_id,
           CASE WHEN mod(i, 10) < 4 THEN 'NEW' WHEN mod(i, 10) = 4 THEN 'ASSIGNED' ELSE 'DONE' END AS status,
           now() - (%(n)s - i) * interval '1 minute' AS created
    FROM generate_series(1, %(n)s) AS i
    JOIN bench_unions bu ON bu.u = 1 + mod(i - 1, %(unions)s)
    JOIN bench_posts p ON p.office_id = bu.office_id;

INSERT INTO unionreturns_annualreturn (
    id, tracking_number, contact_name, mobile, email, language, access_code_hash, submitted_at, updated_at, status,
    year, version, officer_changes, auditor_name, auditor_qualification, declaration, last_submitted_at,
    office_id, union_id)
SELECT %(r0)s + i, 'UAR-B' || lpad(i::text, 9, '0'), '', '', '', 'bn', '', created, created,
       CASE status WHEN 'NEW' THEN 'submitted' WHEN 'ASSIGNED' THEN 'submitted' ELSE 'accepted' END,
       year, 1, 'নেই', 'নিরীক্ষক', 'চার্টার্ড অ্যাকাউন্ট্যান্ট', true, created, office_id, union_id
FROM bench_rows;

INSERT INTO viewflow_process (id, flow_class, status, created, finished, data)
SELECT %(p0)s + i, %(flow_class)s, 'NEW', created, NULL, '{}' FROM bench_rows;

INSERT INTO unionreturns_annualreturnprocess (process_ptr_id, annual_return_id)
SELECT %(p0)s + i, %(r0)s + i FROM bench_rows;

INSERT INTO viewflow_task (
    id, flow_task, flow_task_type, status, created, assigned, started, finished, token, owner_permission,
    owner_id, process_id, owner_permission_content_type_id, owner_permission_obj_pk, data)
SELECT %(t0)s + i, %(flow_task)s, 'HUMAN', status, created,
       CASE WHEN status <> 'NEW' THEN created + interval '1 day' END,
       CASE WHEN status = 'DONE' THEN created + interval '5 days' END,
       CASE WHEN status = 'DONE' THEN created + interval '5 days' END,
       'start', 'workflows_core.act_for_post',
       CASE WHEN status = 'NEW' THEN NULL WHEN post_id = %(officer_post)s THEN %(officer)s ELSE %(admin)s END,
       %(p0)s + i, %(post_type)s, post_id::text, '{}'
FROM bench_rows;

INSERT INTO workflows_core_routedtask (
    task_id, flow_label, case_label, due_at, remind_at, office_id, post_id, created, owner_id, status)
SELECT %(t0)s + i, %(flow_label)s, 'UAR-B' || lpad(i::text, 9, '0'), created + interval '21 days',
       created + interval '17 days', office_id, post_id,
       created, CASE WHEN status = 'NEW' THEN NULL WHEN post_id = %(officer_post)s THEN %(officer)s ELSE %(admin)s END,
       status
FROM bench_rows;

SELECT setval(pg_get_serial_sequence('unions_union', 'id'), (SELECT max(id) FROM unions_union));
SELECT setval(pg_get_serial_sequence('unionreturns_annualreturn', 'id'),
              (SELECT max(id) FROM unionreturns_annualreturn));
SELECT setval(pg_get_serial_sequence('viewflow_process', 'id'), (SELECT max(id) FROM viewflow_process));
SELECT setval(pg_get_serial_sequence('viewflow_task', 'id'), (SELECT max(id) FROM viewflow_task));
DROP TABLE bench_rows;
DROP TABLE bench_unions;
DROP TABLE bench_posts;
"""


def generate(count):
    from django.contrib.contenttypes.models import ContentType
    from viewflow.workflow.models import Process, Task

    from workflows.core.models import Post
    from workflows.unionreturns.flows import AnnualReturnFlow
    from workflows.unionreturns.models import AnnualReturn
    from workflows.unions.models import Union
    from workflows.unions.roles import UNION_EXAMINER

    users = get_user_model().objects.in_bulk(["officer", "admin"], field_name="username")
    officer_post = Post.objects.get(office__code="dlo-chattogram", role=UNION_EXAMINER)

    values = {
        "n": count,
        "unions": max(count // 5, 1),
        "u0": last_id(Union),
        "r0": last_id(AnnualReturn),
        "p0": last_id(Process),
        "t0": last_id(Task),
        "flow_class": Process._meta.get_field("flow_class").get_prep_value(AnnualReturnFlow),
        "flow_task": Task._meta.get_field("flow_task").get_prep_value(AnnualReturnFlow.examine),
        "flow_label": AnnualReturnFlow.instance.flow_label,
        "officer_post": officer_post.pk,
        "officer": users["officer"].pk,
        "admin": users["admin"].pk,
        "post_type": ContentType.objects.get_for_model(Post).pk,
    }
    run_script(GENERATE, values)


def listings():
    from workflows.core.models import Office
    from workflows.unionreturns.models import AnnualReturn

    officer = get_user_model().objects.get(username="officer")
    post_ids = selectors.acting_post_ids(officer)
    chattogram = Office.objects.get(code="dlo-chattogram")
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
            selectors.unassigned_in_my_offices(officer, {chattogram.pk}),
            "due_at",
            task_link,
        ),
        Listing(
            "Union annual returns (the examiner's office)",
            "/admin/workflows/union-returns/",
            "officer",
            AnnualReturn.objects.filter(office=chattogram).exclude(status="draft"),
            "-submitted_at",
            lambda pk: AnnualReturn.objects.get(pk=pk).tracking_number,
        ),
    ]


def run(return_count, database="bench_unions", repeats=30, keep=False, reuse=False, plans=True):
    if connection.vendor != "postgresql":
        print("The unions benchmark needs PostgreSQL: set DATABASE_URL (postgres://user@host:5432/any-database).")
        return 1
    settings.ALLOWED_HOSTS = ["*"]
    with scratch_database(database, keep=keep or reuse, reuse=reuse):
        start = time.perf_counter()
        call_command("migrate", verbosity=0)
        if not reuse:
            call_command("load_demo_data", verbosity=0)
        print(f"database: {connection.vendor} {connection.pg_version}, scratch {database!r}")
        print(f"migrated and loaded the demo data in {time.perf_counter() - start:.1f} s")
        if not reuse:
            start = time.perf_counter()
            generate(return_count)
            print(f"generated {return_count} annual returns and VACUUM ANALYZE in {time.perf_counter() - start:.1f} s")
        debug, settings.DEBUG = settings.DEBUG, False  # query logging would distort the timings
        try:
            for listing in listings():
                measure(listing, repeats, plans)
        finally:
            settings.DEBUG = debug
    return 0
