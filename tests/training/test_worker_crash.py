"""The bulk issue survives a worker killed halfway: real Celery workers (separate processes) on Redis and
PostgreSQL. The first is killed (SIGKILL, with its Chromium) while it issues; the sweep queues the job
again, a second worker finishes it; every completing trainee has exactly one certificate and one SMS.

PostgreSQL and Redis only (CI runs the suite a second time on them)."""

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from config.celery import app as project_app
from tests.factories import DemoSite, make_user
from workflows.certificates.models import Certificate
from workflows.core.models import AuditEntry, Office, Post, PostHolding
from workflows.core.nodes import BackgroundJob, resume_background_jobs
from workflows.core.notifications.models import OutboxMessage
from workflows.core.roles import OFFICE_HEAD
from workflows.core.selectors import open_routes_of
from workflows.training.models import Batch

from .factories import batch_in

REDIS_URL = os.environ.get("REDIS_URL", "")
TRAINEES = 20

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not REDIS_URL,
        reason="real workers need PostgreSQL and Redis (set DATABASE_URL and REDIS_URL; CI does)",
    ),
    # Committed rows: the workers are other processes. Flushed afterwards, so it runs last.
    pytest.mark.django_db(transaction=True),
    pytest.mark.flushes_db,
]


def start_worker(queue):
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "CELERY_BROKER_URL": REDIS_URL,
    }
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo", "-Q", queue]
    command += ["--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel", "warning"]
    # A session of its own, so that killing it kills its Chromium too, as when a machine dies.
    return subprocess.Popen(command, env=env, cwd=settings.BASE_DIR, start_new_session=True)


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def broker_queue():
    """The project's Celery app sends to Redis (as in production) on a queue of this test's own."""
    queue = f"training-crash-{uuid.uuid4().hex}"
    saved = {key: project_app.conf[key] for key in ("task_always_eager", "broker_url", "task_default_queue")}
    project_app.conf.update(task_always_eager=False, broker_url=REDIS_URL, task_default_queue=queue)
    forget_connections()
    yield queue
    project_app.conf.update(saved)
    forget_connections()


def forget_connections():
    """The app keeps its broker connections (made for the old broker URL); drop them so the next send
    connects to the broker the configuration names now."""
    if project_app._pool is not None:
        project_app._pool.force_close_all()
    project_app._pool = None
    project_app.amqp._producer_pool = None


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_worker_killed_halfway_loses_nothing_and_duplicates_nothing(broker_queue, settings):
    settings.BACKGROUND_JOB_RESUME_SECONDS = 0
    DemoSite.get()
    tongi = Office.objects.get(code="iri-tongi")
    batch = batch_in(tongi, trainees=TRAINEES)
    director = make_user("crash-director", groups=["Officers"])
    head = make_user("crash-head", groups=["Officers"])
    PostHolding.objects.create(user=director, post=batch.director_post)
    PostHolding.objects.create(user=head, post=Post.objects.get(office=tongi, role=OFFICE_HEAD))
    sheet = {}
    for trainee in batch.trainees.all():
        sheet |= {f"present_{trainee.pk}_0": "on", f"completed_{trainee.pk}": "on"}
    for user, data in ((director, sheet), (head, {"decision": "approve"})):
        route = open_routes_of(batch).get()
        response = signed_in(user).post(f"/admin/workflows/tasks/{route.pk}/", {"post_id": route.post_id, **data})
        assert response.status_code == 302 and "/login/" not in response["Location"]
    # The approval queued the job on Redis; nothing ran it yet.
    job = Task.objects.get(process=batch.process, flow_task_type=BackgroundJob.task_type)
    issued = Certificate.objects.filter(trainee__batch=batch)
    assert job.status == STATUS.SCHEDULED and issued.count() == 0

    first = start_worker(broker_queue)
    try:
        wait_for(lambda: issued.count() >= 3, 120, "the first worker to issue three certificates")
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    halfway = issued.count()
    assert 3 <= halfway < TRAINEES, halfway
    job.refresh_from_db()
    assert job.status == STATUS.STARTED

    second = start_worker(broker_queue)
    try:
        assert resume_background_jobs() == 1  # the sweep finds the job whose worker died
        wait_for(
            lambda: Batch.objects.get(pk=batch.pk).status == Batch.Status.CERTIFIED, 120, "the batch to be certified"
        )
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(timeout=60)

    assert issued.count() == TRAINEES
    assert set(batch.trainees.values_list("certificate", flat=True)) == set(issued.values_list("pk", flat=True))
    for certificate in issued:
        assert AuditEntry.objects.for_object(certificate).filter(action="certificate.issue").count() == 1
        assert OutboxMessage.objects.filter(idempotency_key=f"certificate-{certificate.pk}-issued").count() == 1
    assert AuditEntry.objects.for_object(batch).filter(action="batch.certify").count() == 1
    job.refresh_from_db()
    assert job.status == STATUS.DONE
