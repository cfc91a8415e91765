"""Celery tasks that send the outbox: one message at a time, and a periodic sweep for what is left.

What is guaranteed, and what is not:

* Nothing is sent for a transaction that rolled back: the outbox row and the on-commit hook that
  enqueues it are discarded together (services.notify).
* Nothing is lost: a Celery message is only "look at row N". If Redis restarts or a worker dies before
  the task ran, the row is still pending and `flush_outbox` enqueues it again within a minute. Tasks
  are acks_late with reject-on-worker-lost, so a task interrupted by a crash is redelivered too.
* Delivery is at least once, with the outbox as the record, and no database transaction is open
  while a provider is called (a mail server may take 30 s to answer; on SQLite an open write
  transaction would lock the whole database for that long). `deliver_message` works in three steps:
  1. claim the row in one short transaction: a conditional UPDATE (pending and due) that only one
     worker can win counts the attempt and sets `sending_until`, which also moves `next_attempt_at`
     there, so that no other task and no sweep takes the row while it is being sent;
  2. call the provider, outside any transaction;
  3. record the outcome in another short UPDATE: sent, or the error and the time of the next attempt.
  A repeated Celery message for the same row finds it claimed or sent and sends nothing. The only way
  to send twice is a crash (or a lost database connection) after the provider accepted the message
  and before step 3, or a send that outlasts its claim (`CLAIM_SECONDS`, far longer than the
  providers' time-outs): the row is then pending and due again and is sent again. No protocol can
  close that window without the provider's help; emails carry a Message-ID derived from the row so
  that mail systems can recognise the repeat.
* Who calls `deliver_message`: with a broker, the on-commit hook of `services.notify` enqueues it at
  once and a worker runs it. In the embedded default (eager Celery, no broker) the web request does
  not send (`NOTIFICATIONS_ENQUEUE_ON_COMMIT` is off); the embedded scheduler's `flush_outbox` sends
  the row within a minute, in its own process.
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import Channel, OutboxMessage
from .services import enqueues_on_commit
from .sms import get_sms_backend

logger = logging.getLogger(__name__)

# After this many failed attempts a message is marked failed and left for a person to look at.
MAX_ATTEMPTS = 8
# Backoff after the nth failure: 1, 2, 4 … minutes, at most six hours (8 attempts span about 4 hours).
RETRY_BASE_SECONDS = 60
RETRY_MAX_SECONDS = 6 * 3600
# A new message is enqueued by its on-commit hook; the sweeper leaves it alone this long first.
SWEEP_GRACE_SECONDS = 60
# How long a claimed row is left to the worker sending it before it is due again. Far longer than the
# providers' own time-outs (EMAIL_TIMEOUT), so that a slow send is not repeated while it is still running.
CLAIM_SECONDS = 10 * 60
SWEEP_BATCH = 500


def max_attempts() -> int:
    return getattr(settings, "NOTIFICATIONS_MAX_ATTEMPTS", MAX_ATTEMPTS)


def claim_seconds() -> int:
    return getattr(settings, "NOTIFICATIONS_CLAIM_SECONDS", CLAIM_SECONDS)


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failure."""
    return timedelta(seconds=min(RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), RETRY_MAX_SECONDS))


def send_email(message: OutboxMessage) -> int:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "localhost"
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        to=[message.recipient],
        headers={
            # The same row always has the same Message-ID, so a repeat after a crash can be recognised;
            # the creation time keeps it unique across databases (staging, a restored backup).
            "Message-ID": f"<notification-{message.pk}.{message.created_at:%Y%m%d%H%M%S%f}@{domain}>",
            "Content-Language": message.language,
            # Tells mail servers not to answer with out-of-office replies.
            "Auto-Submitted": "auto-generated",
        },
    )
    return email.send()


def send_sms(message: OutboxMessage) -> int:
    return get_sms_backend().send(message.recipient, message.body)


SENDERS = {Channel.EMAIL: send_email, Channel.SMS: send_sms}


@shared_task(name="notifications.deliver_message", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def deliver_message(message_id: int) -> str:
    """Send outbox row `message_id` if it is pending and due; safe to run any number of times.

    Returns what happened: "sent", "pending" (failed, to be retried), "failed" (the last attempt failed),
    "not due" or "skipped" (unknown, already sent or given up, or being sent by another worker). Must
    not be called inside a transaction: the provider would then be called inside it."""
    pending = OutboxMessage.Status.PENDING
    now = timezone.now()
    claimed_until = now + timedelta(seconds=claim_seconds())
    # Durable: raises if a caller's transaction is open, since the send below would then happen inside it.
    with transaction.atomic(durable=True):
        claimed = OutboxMessage.objects.filter(pk=message_id, status=pending, next_attempt_at__lte=now).update(
            attempts=F("attempts") + 1, sending_until=claimed_until, next_attempt_at=claimed_until
        )
        message = OutboxMessage.objects.filter(pk=message_id).first()
    if not claimed:
        being_sent = message is not None and message.sending_until is not None and message.sending_until > now
        if message is None or message.status != pending or being_sent:
            return "skipped"
        return "not due"

    try:
        accepted = SENDERS[Channel(message.channel)](message)
        if not accepted:
            raise RuntimeError("the backend accepted no message")
    except Exception as error:
        # Any failure of the provider (network, refused, misconfigured) is retried later by the
        # sweeper; the task itself succeeds so that Celery does not redeliver it in a tight loop.
        return record_failure(message, error)

    # Whoever holds the row now, it has been sent: record that even if the claim ran out meanwhile.
    OutboxMessage.objects.filter(pk=message.pk, status=pending).update(
        status=OutboxMessage.Status.SENT, sent_at=timezone.now(), sending_until=None
    )
    return OutboxMessage.Status.SENT


def record_failure(message: OutboxMessage, error: Exception) -> str:
    """Store a failed attempt of a claimed row: retry later with backoff, or give up after the last attempt."""
    fields = {"last_error": f"{type(error).__name__}: {error}"[:2000], "sending_until": None}
    if message.attempts >= max_attempts():
        fields["status"] = OutboxMessage.Status.FAILED
        logger.error("Gave up on outbox message %s after %s attempts: %s", message.pk, message.attempts, error)
    else:
        fields["next_attempt_at"] = timezone.now() + retry_delay(message.attempts)
        logger.warning("Outbox message %s failed (attempt %s): %s", message.pk, message.attempts, error)
    # Only while this attempt still holds the row: if the claim ran out and another worker took the row
    # (counting a new attempt), that worker's outcome is the one to keep.
    OutboxMessage.objects.filter(pk=message.pk, status=OutboxMessage.Status.PENDING, attempts=message.attempts).update(
        **fields
    )
    return fields.get("status", OutboxMessage.Status.PENDING)


@shared_task(name="notifications.flush_outbox", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def flush_outbox(batch_size: int = SWEEP_BATCH) -> int:
    """Enqueue pending messages that are due: retries, and new ones whose Celery message was lost.

    Run every minute by Celery beat, or the embedded scheduler (schedule.BEAT_SCHEDULE). Enqueueing a row
    twice is harmless: deliver_message sends a row once whatever the number of tasks for it. When no
    on-commit hook enqueues new rows (the embedded default), they are due at once."""
    now = timezone.now()
    grace = timedelta(seconds=SWEEP_GRACE_SECONDS if enqueues_on_commit() else 0)
    due = (
        OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING, next_attempt_at__lte=now)
        .filter(Q(attempts__gt=0) | Q(created_at__lte=now - grace))
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:batch_size]
    )
    ids = list(due)
    for message_id in ids:
        deliver_message.delay(message_id)
    if ids:
        logger.info("Outbox sweep enqueued %s messages", len(ids))
    return len(ids)
