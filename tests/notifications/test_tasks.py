"""Delivery is idempotent, retried with backoff, given up after the last attempt; the sweeper recovers
messages whose Celery message was lost."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from workflows.core.notifications import tasks
from workflows.core.notifications.models import OutboxMessage
from workflows.core.notifications.schedule import BEAT_SCHEDULE
from workflows.core.notifications.sms import BaseSmsBackend
from workflows.core.notifications.tasks import deliver_message, flush_outbox

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_outbox")]


class GatewayDownSmsBackend(BaseSmsBackend):
    def send_messages(self, messages):
        raise ConnectionError("SMS gateway unreachable")


class SilentSmsBackend(BaseSmsBackend):
    def send_messages(self, messages):
        return 0


def pending(channel="sms", **fields):
    """An outbox row as notify() leaves it, without the on-commit hook that enqueues it."""
    recipient = "+8801712345678" if channel == "sms" else "karim@example.com"
    defaults = {"recipient": recipient, "subject": "বিষয়", "body": "অভিযোগ গৃহীত", "idempotency_key": "event-1"}
    return OutboxMessage.objects.create(channel=channel, **{**defaults, **fields})


def test_delivering_twice_sends_once(sms_outbox):
    message = pending()
    assert deliver_message(message.pk) == "sent"
    assert deliver_message(message.pk) == "skipped"
    assert len(sms_outbox) == 1
    message.refresh_from_db()
    assert message.status == "sent"
    assert message.attempts == 1
    assert message.sent_at is not None


def test_email_is_sent_with_a_stable_message_id():
    message = pending("email")
    deliver_message.delay(message.pk)
    deliver_message.delay(message.pk)
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert (sent.to, sent.subject, sent.body) == (["karim@example.com"], "বিষয়", "অভিযোগ গৃহীত")
    assert sent.extra_headers["Message-ID"].startswith(f"<notification-{message.pk}.")
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"


def test_unknown_message_is_skipped():
    assert deliver_message(987654321) == "skipped"


def test_message_not_yet_due_is_left_alone(sms_outbox):
    message = pending(next_attempt_at=timezone.now() + timedelta(minutes=5))
    assert deliver_message(message.pk) == "not due"
    assert sms_outbox == []


def test_failed_send_is_counted_and_retried_later(settings, sms_outbox):
    settings.SMS_BACKEND = "tests.notifications.test_tasks.GatewayDownSmsBackend"
    message = pending()
    before = timezone.now()
    assert deliver_message(message.pk) == "pending"
    message.refresh_from_db()
    assert message.status == "pending"
    assert message.attempts == 1
    assert message.last_error == "ConnectionError: SMS gateway unreachable"
    assert message.next_attempt_at >= before + timedelta(seconds=60)
    # Not due yet: a repeated Celery message does not hammer the gateway.
    assert deliver_message(message.pk) == "not due"
    assert OutboxMessage.objects.get(pk=message.pk).attempts == 1


def test_backend_that_accepts_nothing_counts_as_a_failure(settings):
    settings.SMS_BACKEND = "tests.notifications.test_tasks.SilentSmsBackend"
    message = pending()
    deliver_message(message.pk)
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("pending", 1)
    assert "accepted no message" in message.last_error


def test_backoff_doubles_up_to_a_ceiling():
    delays = [tasks.retry_delay(n).total_seconds() for n in range(1, 12)]
    assert delays[:4] == [60, 120, 240, 480]
    assert max(delays) == tasks.RETRY_MAX_SECONDS


def test_message_fails_after_the_last_attempt(settings, sms_outbox):
    settings.SMS_BACKEND = "tests.notifications.test_tasks.GatewayDownSmsBackend"
    message = pending(attempts=tasks.MAX_ATTEMPTS - 1)
    assert deliver_message(message.pk) == "failed"
    message.refresh_from_db()
    assert (message.status, message.attempts) == ("failed", tasks.MAX_ATTEMPTS)
    # A failed message is never sent, even once the gateway is back.
    settings.SMS_BACKEND = "workflows.core.notifications.sms.LocmemSmsBackend"
    assert deliver_message(message.pk) == "skipped"
    assert flush_outbox() == 0
    assert sms_outbox == []


def test_max_attempts_can_be_set(settings):
    settings.SMS_BACKEND = "tests.notifications.test_tasks.GatewayDownSmsBackend"
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 1
    message = pending()
    assert deliver_message(message.pk) == "failed"


def test_sweeper_delivers_a_message_whose_celery_message_was_lost(sms_outbox):
    lost = pending()
    OutboxMessage.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(minutes=2))
    assert flush_outbox() == 1
    assert [m.text for m in sms_outbox] == ["অভিযোগ গৃহীত"]
    assert OutboxMessage.objects.get(pk=lost.pk).status == "sent"
    assert flush_outbox() == 0


def test_sweeper_leaves_fresh_messages_to_their_on_commit_hook(sms_outbox):
    pending()
    assert flush_outbox() == 0
    assert sms_outbox == []


def test_sweeper_retries_failed_attempts_when_due(sms_outbox):
    due = pending(attempts=2, next_attempt_at=timezone.now() - timedelta(seconds=1), idempotency_key="due")
    pending(attempts=2, next_attempt_at=timezone.now() + timedelta(minutes=3), idempotency_key="later")
    assert flush_outbox() == 1
    assert OutboxMessage.objects.get(pk=due.pk).status == "sent"
    assert len(sms_outbox) == 1


def test_sweeper_works_in_bounded_batches(sms_outbox):
    old = timezone.now() - timedelta(minutes=2)
    for n in range(5):
        pending(idempotency_key=f"event-{n}")
    OutboxMessage.objects.update(created_at=old)
    assert flush_outbox(batch_size=3) == 3
    assert flush_outbox(batch_size=3) == 2
    assert len(sms_outbox) == 5


def test_beat_runs_the_sweeper_every_minute():
    entry = BEAT_SCHEDULE["flush-outbox"]
    assert entry["task"] == flush_outbox.name
    assert entry["schedule"] == 60.0


def test_tasks_acknowledge_late_and_reject_on_worker_lost():
    for task in (deliver_message, flush_outbox):
        assert task.acks_late is True
        assert task.reject_on_worker_lost is True


def test_a_row_whose_sender_died_is_sent_again_once_its_claim_runs_out(sms_outbox):
    # A worker claimed the row and died before recording the outcome (attempt 1, claim still running).
    claim_end = timezone.now() + timedelta(minutes=5)
    message = pending(attempts=1, sending_until=claim_end, next_attempt_at=claim_end)
    assert deliver_message(message.pk) == "skipped"
    assert flush_outbox() == 0
    # The claim runs out: the row is due again and the sweep sends it.
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))
    assert flush_outbox() == 1
    message.refresh_from_db()
    assert (message.status, message.attempts, message.sending_until) == ("sent", 2, None)
    assert len(sms_outbox) == 1


def test_a_stale_attempt_does_not_overwrite_a_newer_claim():
    message = pending()
    stale = OutboxMessage.objects.get(pk=message.pk)
    stale.attempts = 1
    # Meanwhile the claim of attempt 1 ran out and attempt 2 took the row.
    claim_end = timezone.now() + timedelta(minutes=10)
    OutboxMessage.objects.filter(pk=message.pk).update(attempts=2, sending_until=claim_end, next_attempt_at=claim_end)
    tasks.record_failure(stale, ConnectionError("timed out"))
    message.refresh_from_db()
    assert (message.attempts, message.sending_until, message.last_error) == (2, claim_end, "")


def test_delivery_refuses_to_run_inside_a_transaction(sms_outbox):
    from django.db import transaction

    message = pending()
    with pytest.raises(RuntimeError), transaction.atomic():
        deliver_message(message.pk)
    assert sms_outbox == []
    assert OutboxMessage.objects.get(pk=message.pk).attempts == 0


def test_without_the_on_commit_hand_over_the_sweep_sends_new_rows_at_once(settings, sms_outbox):
    settings.NOTIFICATIONS_ENQUEUE_ON_COMMIT = False
    message = pending()
    assert flush_outbox() == 1
    assert OutboxMessage.objects.get(pk=message.pk).status == "sent"
    assert len(sms_outbox) == 1
