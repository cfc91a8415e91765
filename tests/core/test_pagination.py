"""The inboxes and the case list paged by keyset (workflows/core/pagination.py), through HTTP.

Rows are built in bulk on the demo's posts; every page, first, deep or last, must run the same
number of queries whatever the size of the list, and walking the pages forwards or backwards must
show each row once, in the list's order. On PostgreSQL the partitioned reads (one index range per
post or office, merged by a UNION) are exercised; elsewhere the plain filter.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db.models import F
from django.test import Client
from django.utils import timezone
from viewflow.workflow.models import Process, Task
from viewflow.workflow.status import STATUS

from pages.base.templatetags.bangla import bn_date
from workflows.complaints import roles as complaint_roles
from workflows.complaints.flows import ComplaintFlow
from workflows.complaints.models import Complaint
from workflows.core import selectors
from workflows.core.models import Office, Post, RoutedTask
from workflows.core.pagination import KeysetPaginator, encode_cursor

pytestmark = pytest.mark.django_db

MINE = "/admin/workflows/tasks/mine/"
UNASSIGNED = "/admin/workflows/tasks/unassigned/"
DONE = "/admin/workflows/tasks/done/"
COMPLAINTS = "/admin/workflows/complaints/"


@pytest.fixture
def officer():
    return get_user_model().objects.get(username="officer")


@pytest.fixture
def admin_user():
    return get_user_model().objects.get(username="admin")


@pytest.fixture
def gro_post():
    return Post.objects.get(office__code="dlo-chattogram", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def route_tasks(post, count, *, status=STATUS.NEW, owner=None, start=0, due=True):
    """`count` review tasks routed to `post`; due dates repeat (ties) and every seventh has none."""
    now = timezone.now()
    processes = Process.objects.bulk_create([Process(flow_class=ComplaintFlow) for _ in range(count)])
    tasks = Task.objects.bulk_create(
        [
            Task(process=p, flow_task=ComplaintFlow.review, flow_task_type="HUMAN", status=status, owner=owner)
            for p in processes
        ]
    )
    return RoutedTask.objects.bulk_create(
        [
            RoutedTask(
                task=task,
                post=post,
                office_id=post.office_id,
                flow_label=ComplaintFlow.instance.flow_label,
                case_label=f"GRS-T{start + i:05d}",
                due_at=now + datetime.timedelta(days=(start + i) % 5) if due and (start + i) % 7 else None,
                status=status,
                owner=owner,
                created=task.created,
            )
            for i, task in enumerate(tasks)
        ]
    )


def file_complaints(office, count, start=0):
    now = timezone.now()
    return Complaint.objects.bulk_create(
        [
            Complaint(
                tracking_number=f"GRS-P{start + i:06d}",
                office=office,
                subject=f"পরীক্ষা {start + i}",
                description="বিবরণ",
                occurred_on=now.date(),
                desired_remedy="প্রতিকার",
                contact_name="পরীক্ষক",
                mobile="01711234567",
                # Every third shares its time with the one before: the primary key breaks the tie.
                submitted_at=now - datetime.timedelta(minutes=start + i - (1 if (start + i) % 3 == 0 else 0)),
            )
            for i in range(count)
        ]
    )


def walk(client, url, backwards=False, **params):
    """Every row of a listing, following the Next (or Previous, from the last page) links."""
    response = client.get(url, {**params, "last": 1} if backwards else params)
    assert response.status_code == 200
    pages = [list(response.context["object_list"])]
    while True:
        page = response.context["page_obj"]
        cursor = page.previous_cursor if backwards else page.next_cursor
        if cursor is None:
            break
        response = client.get(url, {**params, "before" if backwards else "after": cursor})
        assert response.status_code == 200
        pages.append(list(response.context["object_list"]))
    if backwards:
        pages.reverse()
    return [row.pk for page in pages for row in page], pages


def in_order(queryset, ordering):
    column = F(ordering.lstrip("-"))
    if ordering.startswith("-"):
        return list(queryset.order_by(column.desc(nulls_first=True), "-pk").values_list("pk", flat=True))
    return list(queryset.order_by(column.asc(nulls_last=True), "pk").values_list("pk", flat=True))


def test_my_tasks_pages_forwards_and_backwards_show_every_row_once_in_order(officer, gro_post):
    demo_tasks = selectors.my_tasks(officer).count()
    route_tasks(gro_post, 70)
    route_tasks(gro_post, 40, status=STATUS.ASSIGNED, owner=officer, start=70)
    other = Post.objects.get(office__code="dlo-khulna", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    route_tasks(other, 30, start=200)  # someone else's: never shown
    expected = in_order(selectors.my_tasks(officer), "due_at")
    assert len(expected) == demo_tasks + 110
    client = signed_in(officer)
    forwards, pages = walk(client, MINE)
    assert forwards == expected
    assert [len(page) for page in pages] == [50, 50, len(expected) - 100]
    backwards, pages = walk(client, MINE, backwards=True)
    assert backwards == expected
    assert [len(page) for page in pages] == [len(expected) - 100, 50, 50]


@pytest.mark.parametrize("ordering", ["case_label", "-case_label", "-due_at", "created", "-created"])
def test_my_tasks_in_every_sort_order_show_every_row_once(officer, gro_post, ordering):
    route_tasks(gro_post, 60)
    route_tasks(gro_post, 15, status=STATUS.ASSIGNED, owner=officer, start=60)
    forwards, _ = walk(signed_in(officer), MINE, ordering=ordering)
    assert forwards == in_order(selectors.my_tasks(officer), ordering)


def test_unassigned_pages_show_the_offices_unclaimed_tasks(officer, gro_post):
    route_tasks(gro_post, 65)
    route_tasks(gro_post, 10, status=STATUS.ASSIGNED, owner=officer, start=65)
    forwards, pages = walk(signed_in(officer), UNASSIGNED)
    assert forwards == in_order(selectors.unassigned_in_my_offices(officer), "due_at")
    assert len(forwards) == RoutedTask.objects.filter(office=gro_post.office, status=STATUS.NEW).count() >= 65
    assert len(pages) == 2


def test_head_of_department_sees_unassigned_tasks_of_every_office_below_in_order(gro_post):
    """A supervising post covers several offices: one partition per office, merged in due order."""
    head = get_user_model().objects.get(username="appeal")  # the appeal officer of the DoL covers its offices
    khulna = Post.objects.get(office__code="dlo-khulna", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    route_tasks(gro_post, 40)
    route_tasks(khulna, 40, start=40)
    expected = in_order(selectors.unassigned_in_my_offices(head), "due_at")
    assert len(expected) >= 80
    assert walk(signed_in(head), UNASSIGNED)[0] == expected


def test_case_list_pages_for_superuser_and_officer(officer, admin_user):
    chattogram = Office.objects.get(code="dlo-chattogram")
    file_complaints(chattogram, 60)
    file_complaints(Office.objects.get(code="dlo-khulna"), 60, start=60)
    everything, pages = walk(signed_in(admin_user), COMPLAINTS)
    assert everything == in_order(Complaint.objects.all(), "-submitted_at")
    assert len(pages) == len(everything) // 50 + 1
    own, _ = walk(signed_in(officer), COMPLAINTS, backwards=True)
    assert own == in_order(Complaint.objects.filter(office=chattogram), "-submitted_at")
    filtered, _ = walk(signed_in(admin_user), COMPLAINTS, office=chattogram.pk, ordering="tracking_number")
    assert filtered == in_order(Complaint.objects.filter(office=chattogram), "tracking_number")


def test_a_cursor_that_is_not_ours_shows_the_first_page(officer, gro_post):
    route_tasks(gro_post, 55)
    client = signed_in(officer)
    first = [row.pk for row in client.get(MINE).context["object_list"]]
    for token in ("not-a-cursor", encode_cursor("yesterday", "x"), "W10"):
        response = client.get(MINE, {"after": token})
        assert response.status_code == 200
        assert [row.pk for row in response.context["object_list"]] == first


def test_past_the_last_due_date_come_the_tasks_without_one(officer, gro_post):
    route_tasks(gro_post, 55)
    later = timezone.now() + datetime.timedelta(days=3650)
    response = signed_in(officer).get(MINE, {"after": encode_cursor(later, 0)})
    shown = [row.pk for row in response.context["object_list"]]
    assert shown == in_order(selectors.my_tasks(officer).filter(due_at__isnull=True), "due_at")


def test_a_cursor_past_the_end_shows_the_last_page(officer, gro_post):
    route_tasks(gro_post, 55)
    client = signed_in(officer)
    last = [row.pk for row in client.get(MINE, {"last": 1}).context["object_list"]]
    response = client.get(MINE, {"after": encode_cursor(None, 10**9)})
    assert [row.pk for row in response.context["object_list"]] == last
    assert not response.context["page_obj"].has_next


def test_pagination_links_are_shown_in_bengali(officer, gro_post):
    route_tasks(gro_post, 60)
    response = signed_in(officer).get(MINE)
    page = response.context["page_obj"]
    assert f"?after={page.next_cursor}" in response.text
    assert "last=1" in response.text
    assert "সর্বশেষ" in response.text  # "Last"


def test_filtered_case_list_says_how_many_match(admin_user):
    chattogram = Office.objects.get(code="dlo-chattogram")
    file_complaints(chattogram, 60)
    response = signed_in(admin_user).get(COMPLAINTS, {"office": chattogram.pk})
    total = Complaint.objects.filter(office=chattogram).count()
    assert response.context["items_count"] == total
    assert response.context["page_obj"].has_next


def count_queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", [MINE, UNASSIGNED, DONE, COMPLAINTS])
def test_first_and_deep_pages_run_constant_queries(officer, gro_post, url, django_assert_max_num_queries):
    client = signed_in(officer)
    chattogram = gro_post.office
    route_tasks(gro_post, 3)
    route_tasks(gro_post, 3, status=STATUS.DONE, owner=officer, start=3)
    file_complaints(chattogram, 3)
    client.get(url)  # warm the caches (content types, settings)
    few = count_queries(client, url, django_assert_max_num_queries, 10)
    route_tasks(gro_post, 160, start=10)
    route_tasks(gro_post, 160, status=STATUS.DONE, owner=officer, start=200)
    file_complaints(chattogram, 160, start=10)
    first = client.get(url).context["page_obj"]
    assert first.has_next
    deep_cursor = client.get(url, {"after": first.next_cursor}).context["page_obj"].next_cursor
    for params in ("", f"?after={first.next_cursor}", f"?after={deep_cursor}", "?last=1"):
        assert count_queries(client, url + params, django_assert_max_num_queries, 10) <= few + 1


def test_superuser_case_list_runs_at_most_ten_queries_per_page(admin_user, django_assert_max_num_queries):
    file_complaints(Office.objects.get(code="dlo-chattogram"), 120)
    client = signed_in(admin_user)
    client.get(COMPLAINTS)
    for params in ("", "?last=1"):
        count_queries(client, COMPLAINTS + params, django_assert_max_num_queries, 10)


def test_paginator_reads_a_partitioned_list_like_the_plain_one(officer, gro_post):
    """The partitions give the same pages as the filter they split (on PostgreSQL: a UNION of ranges)."""
    route_tasks(gro_post, 30)
    route_tasks(gro_post, 12, status=STATUS.ASSIGNED, owner=officer, start=30)
    post_ids = selectors.acting_post_ids(officer)
    tasks = selectors.my_tasks(officer, post_ids)
    partitions = selectors.my_tasks_partitions(officer, post_ids)
    for ordering in ("due_at", "-due_at"):
        plain = KeysetPaginator(tasks, ordering, 7)
        split = KeysetPaginator(tasks, ordering, 7, partitions=partitions)
        a, b = plain.page(), split.page()
        while True:
            assert [r.pk for r in a] == [r.pk for r in b]
            if not a.has_next:
                assert not b.has_next
                break
            a, b = plain.page(after=a.next_cursor), split.page(after=b.next_cursor)


def test_routed_task_copies_the_tasks_status_and_owner_through_claim_and_unassign(officer, gro_post):
    from workflows.core import services

    (route,) = route_tasks(gro_post, 1)
    services.claim_task(route.pk, officer)
    route.refresh_from_db()
    assert (route.status, route.owner_id) == (STATUS.ASSIGNED, officer.pk)
    services.unassign_task(route.pk, officer)
    route.refresh_from_db()
    assert (route.status, route.owner_id) == (STATUS.NEW, None)


def test_inbox_cells_keep_the_admin_look_in_bengali(officer, gro_post):
    """The template-free cells (tables.py) give Wagtail's markup: title link, human-readable date."""
    (route,) = route_tasks(gro_post, 1)
    html = signed_in(officer).get(MINE).text
    assert f'<div class="title-wrapper"><a href="/admin/workflows/tasks/{route.pk}/">{route.case_label}</a>' in html
    assert 'class="w-human-readable-date" data-controller="w-tooltip"' in html
    assert f"({bn_date(timezone.localtime(route.created))})" in html  # the Bengali calendar in the tooltip
    assert 'form="bulk-claim"' in signed_in(officer).get(UNASSIGNED).text


def test_superuser_unassigned_pages_in_every_office_with_undated_tasks_last(admin_user, gro_post):
    """No partitions and a nullable sort column: the dated and the undated rows are read as two ranges."""
    khulna = Post.objects.get(office__code="dlo-khulna", role=complaint_roles.GRIEVANCE_REDRESS_OFFICER)
    route_tasks(gro_post, 45)
    route_tasks(khulna, 45, start=45)
    client = signed_in(admin_user)
    expected = in_order(selectors.unassigned_in_my_offices(admin_user), "due_at")
    assert walk(client, UNASSIGNED)[0] == expected
    assert walk(client, UNASSIGNED, backwards=True)[0] == expected
    assert walk(client, UNASSIGNED, ordering="-due_at")[0] == in_order(
        selectors.unassigned_in_my_offices(admin_user), "-due_at"
    )
