"""Two at once on PostgreSQL: two issues for one source make one certificate; of two revocations one wins."""

import datetime
import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from tests.factories import DemoSite, make_user
from workflows.certificates.models import Certificate, CertificateKind
from workflows.certificates.services import CertificateError, issue_certificate, revoke_certificate
from workflows.core.models import AuditEntry, Delegation, Office, Post
from workflows.core.roles import OFFICE_HEAD

from .conftest import CONTEXT, HOLDER_BN, HOLDER_EN, ISSUED_ON, SUBJECT_BN, SUBJECT_EN

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks and concurrent inserts are PostgreSQL's; CI runs this there",
    ),
    # Committed rows (the threads need them); the flush afterwards empties every table, so it runs last.
    pytest.mark.django_db(transaction=True),
    pytest.mark.flushes_db,
]


def at_once(*calls):
    """Run the calls in threads released together; their results (or exceptions) in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait(timeout=10)
            results[i] = call()
        except Exception as error:  # the refused one's error is the outcome
            results[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_two_issues_and_two_revocations_at_once(settings):
    DemoSite.get()
    office = Office.objects.get(code="dlo-chattogram")
    post = Post.objects.get(office=office, role=OFFICE_HEAD)
    wording = {"title_bn": "সনদ", "title_en": "Certificate", "body_bn": "{course}", "body_en": "{course}"}
    CertificateKind.objects.create(key="race", name_bn="ক", name_en="K", extra_placeholders="course", **wording)

    def issue():
        return issue_certificate(
            kind="race",
            source_key="one",
            holder_name_bn=HOLDER_BN,
            holder_name_en=HOLDER_EN,
            subject_bn=SUBJECT_BN,
            subject_en=SUBJECT_EN,
            office=office,
            issued_on=ISSUED_ON,
            signatory_post=post,
            context=CONTEXT,
        )

    # The demo (reloaded here when an earlier test flushed the database) has certificates of its own.
    demo_pdfs = set(settings.PRIVATE_MEDIA_ROOT.rglob("*.pdf"))
    first, second = at_once(issue, issue)
    assert isinstance(first, Certificate) and isinstance(second, Certificate), (first, second)
    races = Certificate.objects.filter(kind__key="race")
    assert first.pk == second.pk and races.count() == 1
    certificate = races.get()
    assert AuditEntry.objects.for_object(certificate).filter(action="certificate.issue").count() == 1
    new_pdfs = set(settings.PRIVATE_MEDIA_ROOT.rglob("*.pdf")) - demo_pdfs
    assert [p.name for p in new_pdfs] == [certificate.pdf.name.rsplit("/", 1)[1]]

    head = get_user_model().objects.get(username="head")
    deputy = make_user("race-deputy")
    Delegation.objects.create(post=post, delegate=deputy, ends_at=timezone.now() + datetime.timedelta(days=1))
    outcomes = at_once(
        lambda: revoke_certificate(certificate, reason="by the head", actor=head),
        lambda: revoke_certificate(certificate, reason="by the deputy", actor=deputy),
    )
    refused = [o for o in outcomes if isinstance(o, CertificateError)]
    assert len(refused) == 1, outcomes
    assert AuditEntry.objects.for_object(certificate).filter(action="certificate.revoke").count() == 1
    certificate = races.get()
    assert certificate.status == "revoked" and certificate.revocation_reason in ("by the head", "by the deputy")
