"""Queue notifications: one outbox row per channel, written in the caller's transaction."""

import logging

from django.conf import settings
from django.core.validators import validate_email
from django.db import transaction

from .models import Channel, NotificationTemplate, OutboxMessage, supported_language
from .sms import normalize_bd_mobile

logger = logging.getLogger(__name__)


def enqueues_on_commit() -> bool:
    """Whether a committed row is handed to a worker at once (with a broker) or left to the outbox sweep.

    In eager mode (the embedded default) the hand-over would send the email inside the web request that
    committed it, so it is off there (settings.NOTIFICATIONS_ENQUEUE_ON_COMMIT) and the embedded
    scheduler's sweep sends the row instead."""
    return getattr(settings, "NOTIFICATIONS_ENQUEUE_ON_COMMIT", True)


def enqueue_delivery(message_id: int) -> None:
    """Hand a committed outbox row to a worker."""
    from .tasks import deliver_message

    deliver_message.delay(message_id)


def notify(
    template_key: str,
    *,
    language: str = "bn",
    email: str | None = None,
    phone: str | None = None,
    context: dict | None = None,
    idempotency_key: str,
) -> list[OutboxMessage]:
    """Queue the `template_key` notification to `email` and/or `phone` and return its outbox rows.

    Call it inside the transaction that records the event (`with transaction.atomic(): … notify(…)`):
    the rows commit or roll back with the event, and delivery starts only after the commit (handed to a
    worker then, or found by the outbox sweep: see `enqueues_on_commit`). A rolled-back request
    therefore sends nothing. `idempotency_key` names the event (e.g. `complaint-42-received`):
    calling again with the same key, on a retry or a double submit, queues nothing new and returns the
    rows stored the first time.

    The text is rendered now, in `language`, so the message says what was true when the event happened.
    A channel whose text the template leaves blank is skipped. Raises NotificationTemplate.DoesNotExist
    for an unknown key, ValidationError for an invalid email address or Bangladeshi mobile number.
    """
    if not idempotency_key:
        raise ValueError("notify() needs an idempotency_key naming the event")
    language = supported_language(language)
    recipients = {}
    if email:
        validate_email(email)
        recipients[Channel.EMAIL] = email.strip()
    if phone:
        recipients[Channel.SMS] = normalize_bd_mobile(phone)
    if not recipients:
        return []

    template = NotificationTemplate.objects.get(key=template_key)
    messages = []
    # A savepoint inside the caller's transaction (or a transaction of its own in autocommit mode):
    # the rows of all channels are stored together or not at all.
    with transaction.atomic():
        for channel, recipient in recipients.items():
            subject, body = template.render(channel, language, context)
            if not body:
                logger.info("Notification %s has no %s text; not sent to %s", template_key, channel, recipient)
                continue
            message, created = OutboxMessage.objects.get_or_create(
                idempotency_key=idempotency_key,
                channel=channel,
                defaults={
                    "recipient": recipient,
                    "language": language,
                    "template_key": template_key,
                    "subject": subject,
                    "body": body,
                },
            )
            messages.append(message)
            if created and enqueues_on_commit():
                # robust: the rows are committed by then; if the broker is down the request must still
                # succeed, and the sweeper (tasks.flush_outbox) delivers the row later. A function, not a
                # functools.partial: Django logs a robust hook's error with the hook's __qualname__.
                transaction.on_commit(lambda pk=message.pk: enqueue_delivery(pk), robust=True)
    return messages
