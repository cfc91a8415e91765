"""A slow mail server or SMS gateway holds no database lock: on the embedded SQLite database (a file, in WAL
mode with IMMEDIATE transactions, as `make run` uses it) another request writes while a message is being sent.

The test database of the suite may be in-memory SQLite (one per connection) or PostgreSQL, so these tests
build a file database of their own, with the embedded settings, and point the ORM of each thread at it."""

import threading

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemEmailBackend
from django.db import OperationalError, connection, connections, transaction
from django.db.utils import ConnectionHandler

from config.settings.base import SQLITE_DATABASE
from workflows.core.notifications import sms
from workflows.core.notifications.models import NotificationTemplate, OutboxMessage
from workflows.core.notifications.sms import BaseSmsBackend
from workflows.core.notifications.tasks import deliver_message

# Far shorter than the provider's delay: a writer that had to wait for the sender's lock would fail.
OTHER_WRITER_TIMEOUT = 0.5
PROVIDER_DELAY = 2.0


class SlowProvider:
    """What the slow backends share: each send takes PROVIDER_DELAY seconds, or ends as soon as the test
    has done its writes meanwhile; it notes whether a transaction was open on its thread."""

    sending = threading.Event()
    release = threading.Event()
    in_transaction: list[bool] = []

    @classmethod
    def reset(cls):
        cls.sending.clear()
        cls.release.clear()
        cls.in_transaction.clear()

    @classmethod
    def take_time(cls):
        cls.in_transaction.append(connection.in_atomic_block)
        cls.sending.set()
        cls.release.wait(timeout=PROVIDER_DELAY)


class SlowSmsBackend(BaseSmsBackend):
    def send_messages(self, messages):
        SlowProvider.take_time()
        sms.outbox.extend(messages)
        return len(messages)


class SlowEmailBackend(LocmemEmailBackend):
    def send_messages(self, messages):
        SlowProvider.take_time()
        return super().send_messages(messages)


def use_file_database(path, timeout):
    """Point this thread's default connection at the SQLite file `path`, with the embedded settings."""
    database = {**SQLITE_DATABASE, "NAME": str(path), "OPTIONS": {**SQLITE_DATABASE["OPTIONS"], "timeout": timeout}}
    wrapper = ConnectionHandler({"default": database})["default"]
    connections["default"] = wrapper
    return wrapper


@pytest.fixture
def embedded_database(tmp_path, django_db_blocker, settings):
    """A file SQLite database with the outbox tables, used by this thread for the test."""
    settings.SMS_BACKEND = "tests.notifications.test_slow_provider.SlowSmsBackend"
    settings.EMAIL_BACKEND = "tests.notifications.test_slow_provider.SlowEmailBackend"
    SlowProvider.reset()
    path = tmp_path / "embedded.sqlite3"
    original = connections["default"]
    with django_db_blocker.unblock():
        wrapper = use_file_database(path, timeout=SQLITE_DATABASE["OPTIONS"]["timeout"])
        try:
            with wrapper.schema_editor() as editor:
                editor.create_model(NotificationTemplate)
                editor.create_model(OutboxMessage)
            yield path
        finally:
            SlowProvider.release.set()
            wrapper.close()
            connections["default"] = original


@pytest.mark.parametrize("channel", ["sms", "email"])
def test_other_requests_write_while_a_message_is_being_sent(embedded_database, channel, sms_outbox):
    recipient = "+8801712345678" if channel == "sms" else "karim@example.com"
    message = OutboxMessage.objects.create(
        channel=channel, recipient=recipient, subject="বিষয়", body="অভিযোগ গৃহীত", idempotency_key="slow-provider"
    )
    seen, errors = {}, []

    def another_request():
        # Another web request (or worker) while the provider is still answering.
        wrapper = use_file_database(embedded_database, timeout=OTHER_WRITER_TIMEOUT)
        try:
            assert SlowProvider.sending.wait(timeout=10), "the provider was never called"
            with transaction.atomic():
                NotificationTemplate.objects.create(key="written-meanwhile", sms_bn="লেখা হয়েছে")
            row = OutboxMessage.objects.get(pk=message.pk)
            seen["while sending"] = (row.status, row.attempts, row.sending_until is not None)
            # A repeated Celery message for the row meanwhile sends nothing.
            seen["second delivery"] = deliver_message(message.pk)
        except OperationalError as error:
            errors.append(error)
        finally:
            wrapper.close()
            SlowProvider.release.set()

    other = threading.Thread(target=another_request)
    other.start()
    try:
        assert deliver_message(message.pk) == "sent"
    finally:
        other.join(timeout=20)

    assert errors == []
    assert NotificationTemplate.objects.filter(key="written-meanwhile").exists()
    assert seen == {"while sending": ("pending", 1, True), "second delivery": "skipped"}
    # The provider was called outside any transaction.
    assert SlowProvider.in_transaction == [False]
    message.refresh_from_db()
    assert (message.status, message.attempts, message.sending_until) == ("sent", 1, None)
    sent = sms_outbox if channel == "sms" else mail.outbox
    assert len(sent) == 1
