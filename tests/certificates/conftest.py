"""Fixtures for the certificate tests: private storage and signing keys of their own, a kind, the demo's
office head of DLO Chattogram (who signs and may revoke) and a helper that issues a certificate."""

import datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.contrib.auth import get_user_model
from django.test import Client

from workflows.certificates.models import CertificateKind
from workflows.certificates.offline import b64url_encode
from workflows.certificates.services import issue_certificate
from workflows.core.models import Office, Post
from workflows.core.roles import OFFICE_HEAD

HOLDER_BN = "লক্ষ্মী রানী স্থপতি"
HOLDER_EN = "Lakshmi Rani Sthapati"
SUBJECT_BN = "যন্ত্র রক্ষণাবেক্ষণ ব্যবস্থাপনা"
SUBJECT_EN = "Machine maintenance management"
ISSUED_ON = datetime.date(2026, 11, 30)


def new_seed() -> str:
    return b64url_encode(Ed25519PrivateKey.generate().private_bytes_raw())


@pytest.fixture(autouse=True)
def certificate_settings(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.CERTIFICATE_SIGNING_KEYS = f"test-1:{new_seed()}"
    settings.CERTIFICATE_VERIFY_KEYS = ""
    settings.CERTIFICATE_DEV_KEY_FILE = None
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example.gov.bd"
    return settings


@pytest.fixture
def kind(db):
    return CertificateKind.objects.create(
        key="test-training",
        name_bn="প্রশিক্ষণ সনদ",
        name_en="Training certificate",
        title_bn="প্রশিক্ষণ সনদপত্র",
        title_en="Certificate of training",
        body_bn="{course} বিষয়ে {starts_on} থেকে {ends_on} পর্যন্ত {duration_days} দিনের প্রশিক্ষণ ({batch}) সম্পন্ন করেছেন।",
        body_en="has completed the {duration_days}-day training in {course} ({batch}) from {starts_on} to {ends_on}.",
        signatory_line_bn="পরিচালকের পক্ষে",
        signatory_line_en="For the Director",
        extra_placeholders="course = ঝালাই\nbatch = ব্যাচ ১২\nstarts_on\nends_on\nduration_days = 14",
    )


@pytest.fixture
def chattogram(demo):
    return Office.objects.get(code="dlo-chattogram")


@pytest.fixture
def head_post(chattogram):
    return Post.objects.get(office=chattogram, role=OFFICE_HEAD)


@pytest.fixture
def head(head_post):
    """The demo user `head`, who holds the head-of-office post of DLO Chattogram."""
    return get_user_model().objects.get(username="head")


@pytest.fixture
def officer(demo):
    """The demo GRO of DLO Chattogram: sees the office's certificates, may not revoke them."""
    return get_user_model().objects.get(username="officer")


CONTEXT = {
    "course_bn": "ঝালাই ও ফেব্রিকেশন",
    "course_en": "welding and fabrication",
    "batch_bn": "ব্যাচ ১২",
    "batch_en": "batch 12",
    "starts_on": datetime.date(2026, 11, 1),
    "ends_on": datetime.date(2026, 11, 14),
    "duration_days": 14,
}


@pytest.fixture
def issue(kind, chattogram, head_post):
    """issue(source_key="…", **overrides): a certificate of the test kind, issued by DLO Chattogram."""

    def make(source_key="batch-1/trainee-1", **overrides):
        fields = {
            "kind": kind.key,
            "source_key": source_key,
            "holder_name_bn": HOLDER_BN,
            "holder_name_en": HOLDER_EN,
            "subject_bn": SUBJECT_BN,
            "subject_en": SUBJECT_EN,
            "office": chattogram,
            "issued_on": ISSUED_ON,
            "signatory_post": head_post,
            "mobile": "01712345678",
            "context": CONTEXT,
        }
        fields.update(overrides)
        return issue_certificate(**fields)

    return make


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client
