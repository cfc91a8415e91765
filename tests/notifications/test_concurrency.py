"""Two workers delivering the same row at the same moment send it once (PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection, connections

from tests.notifications.conftest import committed
from workflows.core.notifications import sms
from workflows.core.notifications.models import OutboxMessage
from workflows.core.notifications.sms import BaseSmsBackend
from workflows.core.notifications.tasks import deliver_message


class SlowSmsBackend(BaseSmsBackend):
    """Holds the send open until the test releases it, so that two deliveries overlap."""

    sending = threading.Event()
    release = threading.Event()

    def send_messages(self, messages):
        self.sending.set()
        assert self.release.wait(timeout=20)
        sms.outbox.extend(messages)
        return len(messages)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks exist on PostgreSQL only (SQLite serialises transactions)"
)
@committed
def test_second_worker_skips_the_row_the_first_is_sending(settings, sms_outbox, committed_outbox):
    settings.SMS_BACKEND = "tests.notifications.test_concurrency.SlowSmsBackend"
    SlowSmsBackend.sending.clear()
    SlowSmsBackend.release.clear()
    message = OutboxMessage.objects.create(
        channel="sms", recipient="+8801712345678", body="অভিযোগ গৃহীত", idempotency_key="concurrent-delivery-test"
    )
    results = []

    def first_worker():
        try:
            results.append(deliver_message(message.pk))
        finally:
            connections.close_all()

    worker = threading.Thread(target=first_worker)
    worker.start()
    try:
        assert SlowSmsBackend.sending.wait(timeout=20)
        # The first worker holds the row while it sends: the second skips it instead of sending again.
        assert deliver_message(message.pk) == "skipped"
    finally:
        SlowSmsBackend.release.set()
        worker.join(timeout=20)
    assert results == ["sent"]
    assert deliver_message(message.pk) == "skipped"
    assert [m.to for m in sms_outbox] == ["+8801712345678"]
