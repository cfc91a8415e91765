"""issue_certificate, revoke_certificate, find_certificate and the keys: what the training process relies on."""

import datetime
import hashlib
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.factories import make_user
from workflows.certificates import signing
from workflows.certificates.models import Certificate
from workflows.certificates.services import (
    CertificateError,
    find_certificate,
    revoke_certificate,
    signed_fields,
    verification_url,
)
from workflows.core.models import AuditEntry, Delegation, Post, PostHolding
from workflows.core.roles import OFFICE_HEAD

from .conftest import HOLDER_BN, ISSUED_ON, new_seed

pytestmark = pytest.mark.django_db


def audit(certificate, action):
    return list(AuditEntry.objects.for_object(certificate).filter(action=action))


def stored_files(settings):
    root = settings.PRIVATE_MEDIA_ROOT
    return sorted(p for p in root.rglob("*.pdf")) if root.exists() else []


def test_issue_stores_the_certificate_its_pdf_checksum_signatory_and_audit_entry(issue, head, head_post, settings):
    certificate = issue()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{10}", certificate.serial)
    assert re.fullmatch(r"[0-9A-Z]{5}-[0-9A-Z]{5}", certificate.serial_display)
    assert certificate.status == Certificate.Status.VALID
    assert certificate.signatory_name == (head.get_full_name() or head.username)
    assert certificate.mobile == "+8801712345678"
    assert certificate.key_id == "test-1"
    data = certificate.pdf.open("rb").read()
    assert data.startswith(b"%PDF-")
    assert certificate.pdf_sha256 == hashlib.sha256(data).hexdigest()
    assert certificate.context["starts_on"] == "2026-11-01"  # stored as JSON, re-renderable
    (entry,) = audit(certificate, "certificate.issue")
    assert entry.to_state == "valid" and entry.case_label == certificate.serial_display
    assert entry.data["sha256"] == certificate.pdf_sha256


def test_issue_twice_for_the_same_source_returns_the_first_and_adds_nothing(issue, settings):
    first = issue()
    files_before = stored_files(settings)
    count = Certificate.objects.count()
    again = issue(holder_name_bn="অন্য নাম")
    assert again.pk == first.pk and again.holder_name_bn == HOLDER_BN
    assert Certificate.objects.count() == count
    assert len(audit(first, "certificate.issue")) == 1
    assert stored_files(settings) == files_before and len(files_before) == 1
    assert issue(source_key="batch-1/trainee-2").pk != first.pk


def test_unique_constraint_refuses_a_second_row_for_a_source(issue):
    from django.db import IntegrityError, transaction

    first = issue()
    duplicate = Certificate(
        **{f.attname: getattr(first, f.attname) for f in Certificate._meta.concrete_fields if f.name != "id"}
    )
    duplicate.serial = "0000000000"
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save(force_insert=True)


def test_signatory_is_whoever_held_the_post_on_the_issue_date(issue, head_post, head):
    successor = make_user("new-head")
    successor.first_name, successor.last_name = "Nasrin", "Akter"
    successor.save()
    PostHolding.objects.filter(post=head_post, user=head).update(ends_on=datetime.date(2026, 12, 31))
    PostHolding.objects.create(user=successor, post=head_post, starts_on=datetime.date(2027, 1, 1))
    before = issue(source_key="a")
    after = issue(source_key="b", issued_on=datetime.date(2027, 1, 5))
    assert before.signatory_name == (head.get_full_name() or head.username)
    assert after.signatory_name == "Nasrin Akter"


def test_no_holder_on_the_day_is_refused_and_nothing_is_stored(issue, settings):
    count = Certificate.objects.count()  # the demo's
    with pytest.raises(CertificateError, match="সনদে|No one|কেউ"):
        issue(issued_on=datetime.date(2001, 1, 1))
    assert Certificate.objects.count() == count and stored_files(settings) == []


def test_find_certificate_reads_serial_and_mobile_as_people_type_them(issue):
    certificate = issue()
    typed = certificate.serial_display.lower().replace("0", "o").replace("1", "l")
    assert find_certificate(f"  {typed} ", "+880 1712-345678") == certificate
    assert find_certificate(certificate.serial, "০১৭১২৩৪৫৬৭৮") == certificate
    assert find_certificate(certificate.serial, "01812345678") is None
    assert find_certificate("XXXXX", "01712345678") is None
    assert find_certificate(certificate.serial, "not a number") is None


def test_the_office_head_revokes_with_a_reason_recorded_in_the_audit_trail(issue, head):
    certificate = issue()
    revoked = revoke_certificate(certificate, reason="ভুল নামে দেওয়া হয়েছিল", actor=head)
    assert revoked.status == Certificate.Status.REVOKED
    assert revoked.revocation_reason == "ভুল নামে দেওয়া হয়েছিল" and revoked.revoked_by == head
    assert revoked.revoked_at is not None
    (entry,) = audit(certificate, "certificate.revoke")
    assert entry.comment == "ভুল নামে দেওয়া হয়েছিল" and entry.from_state == "valid" and entry.to_state == "revoked"


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_blank_reason_is_refused_and_changes_nothing(issue, head, reason):
    certificate = issue()
    with pytest.raises(CertificateError):
        revoke_certificate(certificate, reason=reason, actor=head)
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"
    assert audit(certificate, "certificate.revoke") == []


def test_a_second_revocation_is_refused(issue, head):
    certificate = issue()
    revoke_certificate(certificate, reason="first", actor=head)
    with pytest.raises(CertificateError):
        revoke_certificate(certificate, reason="second", actor=head)
    assert Certificate.objects.get(pk=certificate.pk).revocation_reason == "first"
    assert len(audit(certificate, "certificate.revoke")) == 1


def test_other_posts_and_other_offices_heads_cannot_revoke(issue, officer, demo):
    certificate = issue()
    khulna_head = make_user("khulna-head")
    PostHolding.objects.create(user=khulna_head, post=Post.objects.get(office__code="dlo-khulna", role=OFFICE_HEAD))
    admin = get_user_model().objects.get(username="admin")
    for user in (officer, khulna_head, admin):
        with pytest.raises(CertificateError):
            revoke_certificate(certificate, reason="no", actor=user)
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"
    assert audit(certificate, "certificate.revoke") == []


def test_a_delegate_of_the_head_may_revoke(issue, head_post):
    certificate = issue()
    deputy = make_user("deputy")
    Delegation.objects.create(post=head_post, delegate=deputy, ends_at=timezone.now() + datetime.timedelta(days=3))
    revoke_certificate(certificate, reason="অনুমোদনহীন", actor=deputy)
    (entry,) = audit(certificate, "certificate.revoke")
    assert entry.data.get("delegated") is True


def test_rotating_the_key_keeps_old_certificates_verifiable(issue, settings):
    old = issue(source_key="old")
    old_key = signing.active_key()
    settings.CERTIFICATE_SIGNING_KEYS = f"test-2:{new_seed()}"
    settings.CERTIFICATE_VERIFY_KEYS = f"test-1:{old_key.public_b64}"
    new = issue(source_key="new")
    assert new.key_id == "test-2" and old.key_id == "test-1"
    for certificate in (old, new):
        query = dict(p.split("=", 1) for p in verification_url(certificate).split("?", 1)[1].split("&"))
        assert signing.check(query["k"], query["d"], query["s"]) == signed_fields(certificate)
    published = signing.published_keys()["keys"]
    assert published["test-2"]["status"] == "active" and published["test-1"]["status"] == "retired"
    settings.CERTIFICATE_VERIFY_KEYS = ""  # the old key dropped: its certificates no longer verify
    query = dict(p.split("=", 1) for p in verification_url(old).split("?", 1)[1].split("&"))
    assert signing.check(query["k"], query["d"], query["s"]) is None


def test_development_key_is_generated_once_into_the_key_file(settings, tmp_path):
    settings.CERTIFICATE_SIGNING_KEYS = ""
    settings.CERTIFICATE_DEV_KEY_FILE = tmp_path / "var" / "certificate-keys.json"
    first = signing.active_key()
    second = signing.active_key()
    assert first.kid == second.kid and first.public_b64 == second.public_b64
    assert json.loads(settings.CERTIFICATE_DEV_KEY_FILE.read_text())["keys"][0]["kid"] == first.kid


def test_no_key_at_all_refuses_to_issue(issue, settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.CERTIFICATE_SIGNING_KEYS = ""
    count = Certificate.objects.count()  # the demo's
    with pytest.raises(ImproperlyConfigured):
        issue()
    assert Certificate.objects.count() == count


def test_signed_data_is_compact_canonical_utf8_json(issue):
    from workflows.certificates.offline import b64url_decode

    certificate = issue()
    data = verification_url(certificate).split("d=", 1)[1].split("&", 1)[0]
    raw = b64url_decode(data).decode("utf-8")
    assert raw == json.dumps(signed_fields(certificate), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    assert HOLDER_BN in raw and ISSUED_ON.isoformat() in raw


def test_deploy_check_warns_without_a_key_from_the_environment(settings):
    from django.core.checks import run_checks

    settings.CERTIFICATE_SIGNING_KEYS = ""
    ids = {m.id for m in run_checks(include_deployment_checks=True)}
    assert "certificates.W001" in ids
    settings.CERTIFICATE_SIGNING_KEYS = f"prod-1:{new_seed()}"
    assert "certificates.W001" not in {m.id for m in run_checks(include_deployment_checks=True)}
    assert "certificates.W001" not in {m.id for m in run_checks(include_deployment_checks=False)}
