"""Through a real Redis broker and a real Celery worker, a committed notification is delivered and marked sent.

Run only when REDIS_URL is set (CI runs the suite a second time with PostgreSQL and Redis)."""

import os
import threading
import uuid

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.db import connections

from config.celery import app as project_app
from tests.notifications.conftest import committed
from workflows.core.notifications.models import OutboxMessage
from workflows.core.notifications.tasks import deliver_message

REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="needs a Redis server: set REDIS_URL (CI does)")


@pytest.fixture
def broker_app():
    """A Celery app on the real broker, with a queue of its own so that nothing else consumes it."""
    app = Celery("notifications-broker-test", broker=REDIS_URL, set_as_current=False, fixups=[])
    app.conf.update(
        task_default_queue=f"notifications-test-{uuid.uuid4().hex}",
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        worker_hijack_root_logger=False,
        broker_connection_retry_on_startup=False,
    )
    yield app
    # start_worker makes its app the current and default one; give that back to the project's app
    # so that later tests run their tasks eagerly again.
    project_app.set_current()
    project_app.set_default()
    app.close()


@committed
def test_message_is_delivered_through_redis_by_a_worker(broker_app, sms_outbox, committed_outbox):
    # Committed (transactional test), so the worker thread's own database connection sees the row.
    message = OutboxMessage.objects.create(
        channel="sms", recipient="+8801712345678", body="অভিযোগ গৃহীত", idempotency_key="redis-broker-test"
    )
    finished = threading.Event()

    def on_postrun(sender=None, **kwargs):
        if sender is not None and sender.name == deliver_message.name:
            # Runs in the worker thread: close its connection so the test database can be dropped.
            connections.close_all()
            finished.set()

    task_postrun.connect(on_postrun, weak=False)
    try:
        with start_worker(broker_app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
            broker_app.tasks[deliver_message.name].delay(message.pk)
            assert finished.wait(timeout=30), "the worker did not run deliver_message within 30 s"
    finally:
        task_postrun.disconnect(on_postrun)
    message.refresh_from_db()
    assert message.status == "sent"
    assert [m.text for m in sms_outbox] == ["অভিযোগ গৃহীত"]
