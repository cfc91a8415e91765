"""Two officers acting on the same task at the same moment: exactly one wins (real PostgreSQL locks)."""

import datetime
import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.utils import timezone

from tests.factories import DemoSite, make_user
from workflows.complaints.models import Complaint
from workflows.core.models import AuditEntry, Delegation, Office

from .test_process import act, file_complaint, open_route, signed_in

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks (SELECT … FOR UPDATE) are PostgreSQL's; CI runs this there"
    ),
    # Committed rows (the threads need them). The flush afterwards empties every table, demo site and
    # migration data alike, so the suite runs this after every other test (see tests/conftest.py).
    pytest.mark.django_db(transaction=True),
    pytest.mark.flushes_db,
]


def test_two_officers_accepting_the_same_complaint_at_once(private_root):
    DemoSite.get()
    chattogram = Office.objects.get(code="dlo-chattogram")
    complaint = file_complaint(Client(), chattogram)
    route = open_route(complaint)
    gro = get_user_model().objects.get(username="officer")
    stand_in = make_user("concurrent-stand-in", groups=["Officers"])
    Delegation.objects.create(post=route.post, delegate=stand_in, ends_at=timezone.now() + datetime.timedelta(days=1))
    clients = {"gro": signed_in(gro), "stand-in": signed_in(stand_in)}
    barrier = threading.Barrier(len(clients))
    outcomes = {}

    def officer_acts(name):
        try:
            barrier.wait(timeout=10)
            response = act(clients[name], route, decision="accept", comment=f"by {name}")
            outcomes[name] = [str(m) for m in get_messages(response.wsgi_request)]
        finally:
            connection.close()

    threads = [threading.Thread(target=officer_acts, args=(name,)) for name in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.IN_REVIEW
    assert AuditEntry.objects.for_object(complaint).filter(action="complaint.accept").count() == 1
    refused = [
        name for name, messages in outcomes.items() if any("Nothing was changed" in m or "কিছুই" in m for m in messages)
    ]
    assert len(outcomes) == 2
    assert len(refused) == 1, outcomes
