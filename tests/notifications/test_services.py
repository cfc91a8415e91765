"""notify() writes the outbox in the caller's transaction: a rollback sends nothing, a commit sends once."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction

from workflows.core.notifications.models import NotificationTemplate, OutboxMessage
from workflows.core.notifications.services import notify
from workflows.core.notifications.tasks import flush_outbox

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_outbox")]

CONTEXT = {"reference": "CMP-2026-0042", "name": "Karim"}


def notify_karim(language="bn", key="complaint-42-received", **kwargs):
    return notify(
        "complaint-received",
        language=language,
        email="karim@example.com",
        phone="01712345678",
        context=CONTEXT,
        idempotency_key=key,
        **kwargs,
    )


class EventFailed(Exception):
    pass


def test_rolled_back_transaction_stores_and_sends_nothing(
    complaint_received, sms_outbox, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(EventFailed),
        transaction.atomic(),
    ):
        notify_karim()
        assert OutboxMessage.objects.count() == 2
        raise EventFailed
    assert callbacks == []
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []
    assert sms_outbox == []


def test_committed_notification_sends_one_email_and_one_sms(
    complaint_received, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        messages = notify_karim()
        # Nothing leaves before the commit.
        assert mail.outbox == [] and sms_outbox == []
    assert len(callbacks) == 2
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["karim@example.com"]
    assert mail.outbox[0].subject == "অভিযোগ CMP-2026-0042 গৃহীত হয়েছে"
    assert "আপনার অভিযোগ CMP-2026-0042 গৃহীত হয়েছে।" in mail.outbox[0].body
    assert len(sms_outbox) == 1
    assert sms_outbox[0].to == "+8801712345678"
    assert sms_outbox[0].text == "অভিযোগ CMP-2026-0042 গৃহীত। Karim"
    assert {(m.channel, m.status) for m in OutboxMessage.objects.all()} == {("email", "sent"), ("sms", "sent")}
    assert sorted(m.channel for m in messages) == ["email", "sms"]


def test_english_notification_is_sent_in_english(complaint_received, sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify_karim(language="en")
    assert mail.outbox[0].subject == "Complaint CMP-2026-0042 received"
    assert mail.outbox[0].extra_headers["Content-Language"] == "en"
    assert sms_outbox[0].text == "Complaint CMP-2026-0042 received. Karim"


def test_same_idempotency_key_is_stored_and_sent_once(
    complaint_received, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = notify_karim()
        second = notify_karim()
    assert [m.pk for m in first] == [m.pk for m in second]
    assert OutboxMessage.objects.count() == 2
    assert len(callbacks) == 2
    assert len(mail.outbox) == 1
    assert len(sms_outbox) == 1


def test_different_events_are_different_messages(complaint_received, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify_karim(key="complaint-42-received")
        notify_karim(key="complaint-43-received")
    assert OutboxMessage.objects.count() == 4
    assert len(mail.outbox) == 2


def test_only_channels_with_a_recipient_are_used(complaint_received, sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        messages = notify("complaint-received", phone="+8801912345678", context=CONTEXT, idempotency_key="sms-only")
    assert [m.channel for m in messages] == ["sms"]
    assert mail.outbox == []
    assert [m.to for m in sms_outbox] == ["+8801912345678"]
    assert notify("complaint-received", context=CONTEXT, idempotency_key="nobody") == []


def test_channel_switched_off_in_the_template_is_skipped(
    complaint_received, sms_outbox, django_capture_on_commit_callbacks
):
    complaint_received.sms_bn = complaint_received.sms_en = ""
    complaint_received.save()
    with django_capture_on_commit_callbacks(execute=True):
        messages = notify_karim()
    assert [m.channel for m in messages] == ["email"]
    assert len(mail.outbox) == 1
    assert sms_outbox == []


def test_text_is_frozen_when_the_event_happens(complaint_received, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify_karim()
    NotificationTemplate.objects.filter(pk=complaint_received.pk).update(email_subject_bn="changed later")
    for callback in callbacks:
        callback()
    assert mail.outbox[0].subject == "অভিযোগ CMP-2026-0042 গৃহীত হয়েছে"


def test_broker_failure_after_commit_does_not_fail_the_request(
    complaint_received, monkeypatch, django_capture_on_commit_callbacks
):
    from workflows.core.notifications import tasks

    def broker_down(*args, **kwargs):
        raise ConnectionError("Redis is restarting")

    monkeypatch.setattr(tasks.deliver_message, "delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        notify_karim()
    # The rows stay pending for the sweeper.
    assert list(OutboxMessage.objects.values_list("status", flat=True)) == ["pending", "pending"]


def test_invalid_recipients_are_refused(complaint_received):
    with pytest.raises(ValidationError):
        notify("complaint-received", phone="0171234567", idempotency_key="bad-phone")
    with pytest.raises(ValidationError):
        notify("complaint-received", email="not-an-address", idempotency_key="bad-email")
    assert not OutboxMessage.objects.exists()


def test_unknown_template_and_missing_idempotency_key_are_errors(complaint_received):
    with pytest.raises(NotificationTemplate.DoesNotExist):
        notify("no-such-template", phone="01712345678", idempotency_key="x")
    with pytest.raises(ValueError):
        notify("complaint-received", phone="01712345678", idempotency_key="")


def test_embedded_default_sends_nothing_inside_the_request(
    settings, complaint_received, sms_outbox, django_capture_on_commit_callbacks
):
    # Eager Celery with no broker: the request only stores the rows; the embedded scheduler's sweep sends.
    settings.NOTIFICATIONS_ENQUEUE_ON_COMMIT = False
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        notify_karim()
    assert callbacks == []
    assert mail.outbox == [] and sms_outbox == []
    assert flush_outbox() == 2
    assert len(mail.outbox) == 1 and len(sms_outbox) == 1
