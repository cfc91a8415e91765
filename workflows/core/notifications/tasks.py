"""Celery tasks that send the outbox: one message at a time, and a periodic sweep for what is left.

What is guaranteed, and what is not:

* Nothing is sent for a transaction that rolled back: the outbox row and the on-commit hook that
  enqueues it are discarded together (services.notify).
* Nothing is lost: a Celery message is only "look at row N". If Redis restarts or a worker dies before
  the task ran, the row is still pending and `flush_outbox` enqueues it again within a minute. Tasks
  are acks_late with reject-on-worker-lost, so a task interrupted by a crash is redelivered too.
* Delivery is at least once, with the outbox as the record. `deliver_message` locks the row, sends,
  and marks it sent in the same transaction. A second task for the same row either waits for or skips
  the lock and then sees "sent", so repeated Celery messages send nothing twice. The only way to send
  twice is a crash (or a lost database connection) in the short window after the provider accepted
  the message and before the commit: the row is then still pending and is sent again. No protocol
  can close that window without the provider's help; emails carry a Message-ID derived from the row
  so that mail systems can recognise the repeat.
"""

import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from .models import Channel, OutboxMessage
from .sms import get_sms_backend

logger = logging.getLogger(__name__)

# After this many failed attempts a message is marked failed and left for a person to look at.
MAX_ATTEMPTS = 8
# Backoff after the nth failure: 1, 2, 4 … minutes, at most six hours (8 attempts span about 4 hours).
RETRY_BASE_SECONDS = 60
RETRY_MAX_SECONDS = 6 * 3600
# A new message is enqueued by its on-commit hook; the sweeper leaves it alone this long first.
SWEEP_GRACE_SECONDS = 60
SWEEP_BATCH = 500


def max_attempts() -> int:
    return getattr(settings, "NOTIFICATIONS_MAX_ATTEMPTS", MAX_ATTEMPTS)


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
    """Send outbox row `message_id` if it is pending and due; safe to run any number of times."""
    now = timezone.now()
    with transaction.atomic():
        rows = OutboxMessage.objects.filter(pk=message_id, status=OutboxMessage.Status.PENDING)
        # PostgreSQL: a row another worker is sending is skipped, not waited for (that worker will
        # mark it sent). SQLite has no row locks; its IMMEDIATE transactions take the database write
        # lock at BEGIN, so two deliveries of the same row run one after the other instead.
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        elif connection.features.has_select_for_update:
            rows = rows.select_for_update()
        message = rows.first()
        if message is None:
            return "skipped"
        if message.next_attempt_at > now:
            return "not due"
        message.attempts += 1
        try:
            accepted = SENDERS[Channel(message.channel)](message)
            if not accepted:
                raise RuntimeError("the backend accepted no message")
        except Exception as error:
            # Any failure of the provider (network, refused, misconfigured) is retried later by the
            # sweeper; the task itself succeeds so that Celery does not redeliver it in a tight loop.
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= max_attempts():
                message.status = OutboxMessage.Status.FAILED
                logger.error("Gave up on outbox message %s after %s attempts: %s", message.pk, message.attempts, error)
            else:
                message.next_attempt_at = now + retry_delay(message.attempts)
                logger.warning("Outbox message %s failed (attempt %s): %s", message.pk, message.attempts, error)
            message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            return message.status
        message.status = OutboxMessage.Status.SENT
        message.sent_at = timezone.now()
        message.save(update_fields=["attempts", "status", "sent_at"])
        return message.status


@shared_task(name="notifications.flush_outbox", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def flush_outbox(batch_size: int = SWEEP_BATCH) -> int:
    """Enqueue pending messages that are due: retries, and new ones whose Celery message was lost.

    Run every minute by Celery beat (schedule.BEAT_SCHEDULE). Enqueueing a row twice is harmless:
    deliver_message sends a row once whatever the number of tasks for it."""
    now = timezone.now()
    due = (
        OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING, next_attempt_at__lte=now)
        .filter(Q(attempts__gt=0) | Q(created_at__lte=now - timedelta(seconds=SWEEP_GRACE_SECONDS)))
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:batch_size]
    )
    ids = list(due)
    for message_id in ids:
        deliver_message.delay(message_id)
    if ids:
        logger.info("Outbox sweep enqueued %s messages", len(ids))
    return len(ids)
