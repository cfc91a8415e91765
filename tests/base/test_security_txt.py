"""/.well-known/security.txt (RFC 9116) says where to report a vulnerability, and its policy page how."""

import datetime
import re

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def fields(text):
    return dict(line.split(": ", 1) for line in text.splitlines() if line)


def test_security_txt_names_the_contact_and_expires_within_a_year(client, settings):
    settings.SECURITY_CONTACT = "mailto:report@example.gov.bd"
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example.gov.bd"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    found = fields(response.content.decode())
    assert found["Contact"] == "mailto:report@example.gov.bd"
    assert found["Preferred-Languages"] == "bn, en"
    assert found["Canonical"] == "https://portal.example.gov.bd/.well-known/security.txt"
    assert found["Policy"] == "https://portal.example.gov.bd/.well-known/security-policy.txt"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", found["Expires"])
    expires = datetime.datetime.fromisoformat(found["Expires"].replace("Z", "+00:00"))
    assert timezone.now() < expires <= timezone.now() + datetime.timedelta(days=365)


def test_security_txt_contact_defaults_to_the_department(client):
    assert fields(client.get("/.well-known/security.txt").content.decode())["Contact"] == "mailto:security@dol.gov.bd"


def test_security_policy_is_plain_text_in_bengali_and_english(client):
    response = client.get("/.well-known/security-policy.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "Reporting a vulnerability" in text and "mailto:security@dol.gov.bd" in text
    assert "দুর্বলতা" in text  # the Bengali half
    assert "&#x27;" not in text and "&amp;" not in text  # plain text, not HTML-escaped


def test_security_txt_takes_no_post(client):
    assert client.post("/.well-known/security.txt").status_code == 405
