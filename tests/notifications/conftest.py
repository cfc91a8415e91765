"""Fixtures for the notification tests: a bilingual template and SMS captured in memory."""

import pytest

from workflows.core.notifications import sms
from workflows.core.notifications.models import NotificationTemplate, OutboxMessage

# For tests whose rows must be committed, to be seen by another thread (a worker, a second delivery).
# Their flush afterwards is limited to no app (available_apps=[]): it would otherwise empty every
# table, taking the session's demo site and the templates other apps seed in migrations with it.
# The `committed_outbox` fixture deletes what such a test wrote instead.
committed = pytest.mark.django_db(transaction=True, available_apps=[])


@pytest.fixture(autouse=True)
def sms_outbox(settings):
    """SMS go to `sms.outbox`, emptied for every test (as pytest-django empties mail.outbox)."""
    settings.SMS_BACKEND = "workflows.core.notifications.sms.LocmemSmsBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture
def empty_outbox(db):
    """Start from an empty outbox, whatever the demo data queued (rolled back with the test)."""
    OutboxMessage.objects.all().delete()


@pytest.fixture
def committed_outbox():
    """Deletes the outbox rows a `committed` test wrote (and only those)."""
    last = OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    OutboxMessage.objects.filter(pk__gt=last).delete()


@pytest.fixture
def complaint_received(db):
    """Our own texts for this key, whatever the complaints app seeds for it."""
    template, _ = NotificationTemplate.objects.update_or_create(
        key="complaint-received",
        defaults={
            "description": "Sent to the citizen when a complaint is registered",
            "email_subject_bn": "অভিযোগ {{ reference }} গৃহীত হয়েছে",
            "email_subject_en": "Complaint {{ reference }} received",
            "email_body_bn": "প্রিয় {{ name }},\nআপনার অভিযোগ {{ reference }} গৃহীত হয়েছে।",
            "email_body_en": "Dear {{ name }},\nyour complaint {{ reference }} has been received.",
            "sms_bn": "অভিযোগ {{ reference }} গৃহীত। {{ name }}",
            "sms_en": "Complaint {{ reference }} received. {{ name }}",
        },
    )
    return template
