"""The process contract suite: what every process built on the kit must pass (workflows/core/contract.py).

Each process is one entry of PROCESSES: how to file a case in an office, who works its first task there,
what a valid first action is and which transition it makes. Complaints, the kit's test process and every
future process run the same tests: 404 for every object URL outside the officer's offices, forbidden
POSTs change nothing, one audit entry per transition, constant query counts for lists and inboxes, every
label in Bengali, safe exports, and (on PostgreSQL) two officers acting at once: exactly one wins.
"""

import csv
import datetime
import io
import threading
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from tests.factories import DemoSite, make_user
from workflows.core import roles as core_roles
from workflows.core.checks import flows_follow_the_contract
from workflows.core.demo import text_pdf
from workflows.core.models import AuditEntry, Delegation, Office, Post, PostHolding
from workflows.core.selectors import open_routes_of
from workflows.core.services import add_comment
from workflows.core.uploads import check_upload

HOSTILE = '=HYPERLINK("http://evil.example","x")'


@dataclass
class ProcessUnderTest:
    name: str
    role: str  # the role of the first task's post
    first_action: dict  # a valid POST of the first task's form
    transition: str  # the audit action of that transition
    list_url: str
    namespace: str
    flow: Any

    def file(self, office, text="সাধারণ বিবরণ"):
        raise NotImplementedError

    def prepare(self) -> None:
        """Data the process needs in the test offices beyond the demo's (posts of its roles)."""

    def action_for(self, case) -> dict:
        """A valid POST of the case's first task's form (the same for every case, unless a process's
        form has fields of the case's own, such as an attendance sheet)."""
        return self.first_action

    def model(self):
        return self.flow.process_class.case_model()


class Complaints(ProcessUnderTest):
    def file(self, office, text="সাধারণ বিবরণ"):
        from tests.complaints.test_process import file_complaint

        return file_complaint(Client(), office, subject=text[:200])


class LeaveRequests(ProcessUnderTest):
    def file(self, office, text="সাধারণ বিবরণ"):
        from tests.kit.leaveprocess.services import apply_for_leave

        today = timezone.localdate()
        return apply_for_leave(
            office=office,
            starts_on=today,
            ends_on=today + datetime.timedelta(days=2),
            reason=text,
            email="a@example.com",
        )


class TrainingBatches(ProcessUnderTest):
    def prepare(self):
        from tests.training.factories import ensure_director_posts

        ensure_director_posts()

    def file(self, office, text="সাধারণ বিবরণ"):
        from tests.training.factories import batch_in

        return batch_in(office, venue=text)

    def action_for(self, case):
        trainee = case.trainees.get()
        return {f"present_{trainee.pk}_0": "on", f"completed_{trainee.pk}": "on"}


class UnionReturns(ProcessUnderTest):
    def prepare(self):
        from tests.unionreturns.factories import ensure_examiner_posts

        ensure_examiner_posts()

    def file(self, office, text="সাধারণ বিবরণ"):
        from tests.unionreturns.factories import submitted_return
        from tests.unions.factories import make_union

        return submitted_return(office, union=make_union(office, name_bn=text))


def _processes():
    from tests.kit.leaveprocess.flows import LeaveFlow
    from workflows.complaints import roles as complaint_roles
    from workflows.complaints.flows import ComplaintFlow
    from workflows.training import roles as training_roles
    from workflows.training.flows import TrainingFlow
    from workflows.unionreturns.flows import AnnualReturnFlow
    from workflows.unions import roles as union_roles

    return [
        Complaints(
            name="complaints",
            role=complaint_roles.GRIEVANCE_REDRESS_OFFICER,
            first_action={"decision": "accept"},
            transition="complaint.accept",
            list_url="/admin/workflows/complaints/",
            namespace="complaints_admin",
            flow=ComplaintFlow,
        ),
        LeaveRequests(
            name="leave",
            role=core_roles.OFFICE_HEAD,
            first_action={"decision": "approve"},
            transition="leaverequest.approve",
            list_url="/admin/workflows/leave/",
            namespace="leave_admin",
            flow=LeaveFlow,
        ),
        TrainingBatches(
            name="training",
            role=training_roles.COURSE_DIRECTOR,
            first_action={},
            transition="batch.send_for_approval",
            list_url="/admin/workflows/training/",
            namespace="training_admin",
            flow=TrainingFlow,
        ),
        UnionReturns(
            name="unionreturns",
            role=union_roles.UNION_EXAMINER,
            first_action={"decision": "accept"},
            transition="annualreturn.accept",
            list_url="/admin/workflows/union-returns/",
            namespace="unionreturns_admin",
            flow=AnnualReturnFlow,
        ),
    ]


PROCESSES = _processes()


@pytest.fixture(params=PROCESSES, ids=lambda p: p.name)
def process(request, settings, tmp_path, db):
    settings.COMPLAINT_SUBMIT_RATE = "1000/h"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    request.param.prepare()
    return request.param


def holder_of(office_code, role, username):
    """A user holding the post of `role` in that office (the demo's holder when there is one)."""
    post = Post.objects.get(office__code=office_code, role=role)
    holding = PostHolding.objects.current().filter(post=post).select_related("user").first()
    if holding is not None:
        return holding.user
    user = make_user(username, groups=["Officers"])
    PostHolding.objects.create(user=user, post=post)
    return user


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def first_route(case):
    return open_routes_of(case).get()


def act(client, route, data):
    return client.post(f"/admin/workflows/tasks/{route.pk}/", {"post_id": route.post_id, **data})


@pytest.fixture
def offices(demo):
    return Office.objects.get(code="dlo-chattogram"), Office.objects.get(code="dlo-khulna")


def test_every_flow_follows_the_contract(demo):
    assert flows_follow_the_contract(None) == []


@pytest.mark.django_db
def test_every_object_url_outside_the_officers_offices_is_404(process, offices):
    chattogram, _ = offices
    case = process.file(chattogram)
    route = first_route(case)
    officer = holder_of("dlo-chattogram", process.role, f"{process.name}-officer")
    pdf = check_upload(SimpleUploadedFile("note.pdf", text_pdf("Note"), content_type="application/pdf"))
    comment = add_comment(route, officer, "ভিতরের মন্তব্য", [pdf])
    attachment = comment.attachments.get()
    outsider = signed_in(holder_of("dlo-khulna", process.role, f"{process.name}-outsider"))
    post_elsewhere = Post.objects.get(office__code="dlo-khulna", role=process.role)

    base = f"/admin/workflows/tasks/{route.pk}"
    assert outsider.get(f"{base}/").status_code == 404
    assert act(outsider, route, process.action_for(case)).status_code == 404
    assert outsider.post(f"{base}/claim/").status_code == 404
    assert outsider.post(f"{base}/unassign/").status_code == 404
    assert outsider.post(f"{base}/reassign/", {"post": post_elsewhere.pk}).status_code == 404
    assert outsider.post(f"{base}/comment/", {"text": "x"}).status_code == 404
    assert outsider.get(f"{base}/comment-files/{attachment.pk}/").status_code == 404
    assert outsider.get(f"{process.list_url}{case.pk}/").status_code == 404
    assert case.tracking_number not in outsider.get(process.list_url).text
    assert case.tracking_number not in outsider.get(f"{process.list_url}?export=csv").getvalue().decode("utf-8-sig")
    for inbox in ("/admin/workflows/tasks/mine/", "/admin/workflows/tasks/unassigned/"):
        assert case.tracking_number not in outsider.get(inbox).text
    # The officer of the case's office sees all of it.
    mine = signed_in(officer)
    assert mine.get(f"{base}/").status_code == 200
    assert mine.get(f"{process.list_url}{case.pk}/").status_code == 200
    assert mine.get(f"{base}/comment-files/{attachment.pk}/").status_code == 200


@pytest.mark.django_db
def test_forbidden_posts_change_nothing(process, offices):
    chattogram, _ = offices
    case = process.file(chattogram)
    route = first_route(case)
    entries = AuditEntry.objects.count()
    outsider = signed_in(holder_of("dlo-khulna", process.role, f"{process.name}-outsider"))
    act(outsider, route, process.action_for(case))
    outsider.post(f"/admin/workflows/tasks/{route.pk}/claim/")
    anonymous = Client()
    assert act(anonymous, route, process.action_for(case)).status_code == 302  # to the sign-in page
    case.refresh_from_db()
    route.task.refresh_from_db()
    assert case.status == process.model().status_groups["open"][0]
    assert route.task.owner_id is None
    assert AuditEntry.objects.count() == entries


@pytest.mark.django_db
def test_each_transition_writes_one_audit_entry(process, offices):
    chattogram, _ = offices
    case = process.file(chattogram)
    # State changes only: a process may record other events (trainees imported) that change no status.
    assert list(AuditEntry.objects.for_object(case).exclude(to_state="").values_list("action", flat=True)) == [
        f"{case._meta.model_name}.submit"
    ]
    route = first_route(case)
    officer = holder_of("dlo-chattogram", process.role, f"{process.name}-officer")
    before = case.status
    assert act(signed_in(officer), route, {**process.action_for(case), "comment": "কারণ"}).status_code == 302
    case.refresh_from_db()
    entries = list(AuditEntry.objects.for_object(case).filter(action=process.transition))
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.from_state, entry.to_state, entry.actor_id, entry.comment) == (before, case.status, officer.pk, "কারণ")
    assert entry.acting_for_id == route.post_id
    # And the task itself: one completion entry on the process.
    assert AuditEntry.objects.filter(object_id=str(route.task.process_id), action__startswith="task.").count() == 1


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_lists_and_inboxes_run_constant_queries(process, offices):
    chattogram, _ = offices
    officer = signed_in(holder_of("dlo-chattogram", process.role, f"{process.name}-officer"))
    case = process.file(chattogram)
    urls = [
        "/admin/workflows/tasks/mine/",
        "/admin/workflows/tasks/unassigned/",
        process.list_url,
        f"{process.list_url}{case.pk}/",
    ]
    for url in urls:
        count_queries(officer, url)  # warm the caches (content types, settings)
    few = {url: count_queries(officer, url) for url in urls}
    for _ in range(5):
        process.file(chattogram)
    assert {url: count_queries(officer, url) for url in urls} == few


@pytest.mark.django_db
def test_every_label_is_in_the_bengali_catalogue(process):
    model, flow = process.model(), process.flow
    labels = [
        model._meta.verbose_name,
        flow.process_title,
        *model.Status.labels,
        *(node.task_title for node in flow.instance.nodes() if node.task_title),
        core_roles.role_label(process.role),
    ]
    with translation.override("bn"):
        untranslated = [str(label) for label in labels if not any("\u0980" <= c <= "\u09ff" for c in str(label))]
    assert untranslated == []


@pytest.mark.django_db
def test_exports_are_safe(process, offices):
    chattogram, _ = offices
    case = process.file(chattogram, text=HOSTILE)
    officer = signed_in(holder_of("dlo-chattogram", process.role, f"{process.name}-officer"))
    response = officer.get(process.list_url, {"export": "csv"})
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    row = next(r for r in rows if r[0] == case.tracking_number)
    assert "'" + HOSTILE in row
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for cell in r)
    assert case.get_status_display() in row and case.status not in row  # a label, not a code


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks (SELECT … FOR UPDATE) are PostgreSQL's; CI runs this there"
)
# Committed rows (the threads need them). The flush afterwards empties every table, demo site and migration
# data alike, so this runs after every other test (tests/conftest.py), once for all the processes; DemoSite.get()
# puts the migrations' data and the demo back when an earlier such test flushed them.
@pytest.mark.django_db(transaction=True)
@pytest.mark.flushes_db
def test_two_officers_acting_at_once_exactly_one_wins(settings, tmp_path):
    settings.COMPLAINT_SUBMIT_RATE = "1000/h"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    DemoSite.get()
    for process in PROCESSES:
        outcomes = _act_at_once(process)
        refused = [n for n, msgs in outcomes.items() if any("Nothing was changed" in m or "কিছুই" in m for m in msgs)]
        assert len(outcomes) == 2 and len(refused) == 1, (process.name, outcomes)


def _act_at_once(process):
    """The post's holder and a stand-in submit the first task's form at the same moment."""
    from django.contrib.messages import get_messages

    process.prepare()
    case = process.file(Office.objects.get(code="dlo-chattogram"))
    route = first_route(case)
    officer = holder_of("dlo-chattogram", process.role, f"{process.name}-officer")
    stand_in = make_user(f"{process.name}-stand-in", groups=["Officers"])
    Delegation.objects.create(post=route.post, delegate=stand_in, ends_at=timezone.now() + datetime.timedelta(days=1))
    clients = {"officer": signed_in(officer), "stand-in": signed_in(stand_in)}
    barrier = threading.Barrier(len(clients))
    outcomes = {}

    def officer_acts(name):
        try:
            barrier.wait(timeout=10)
            response = act(clients[name], route, process.action_for(case))
            outcomes[name] = [str(m) for m in get_messages(response.wsgi_request)]
        finally:
            connection.close()

    threads = [threading.Thread(target=officer_acts, args=(name,)) for name in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert AuditEntry.objects.for_object(case).filter(action=process.transition).count() == 1
    case.refresh_from_db()
    assert case.status != process.model().status_groups["open"][0]  # the winner's transition, once
    return outcomes
