"""The public verification pages, the published keys and the offline check, through HTTP as a citizen would."""

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.conf import settings
from django.test import Client

from workflows.certificates.offline import b64url_decode, b64url_encode, canonical_bytes
from workflows.certificates.services import revoke_certificate, verification_url

from .conftest import HOLDER_BN, HOLDER_EN, SUBJECT_BN, SUBJECT_EN, new_seed

pytestmark = pytest.mark.django_db

OFFLINE = Path(settings.BASE_DIR) / "workflows" / "certificates" / "offline.py"


def path_of(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def tampered(url, **changes):
    """The QR URL with some signed fields changed (and the signature kept)."""
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    fields = json.loads(b64url_decode(query["d"]))
    fields.update(changes)
    query["d"] = b64url_encode(canonical_bytes(fields))
    return f"{parts.scheme}://{parts.netloc}{parts.path}?{urlencode(query)}"


def test_valid_certificate_page_in_bengali_and_english_shows_only_what_it_should(issue):
    certificate = issue()
    bn = Client().get(f"/bn/verify/{certificate.serial}/")
    assert bn.status_code == 200
    assert "বৈধ সনদ" in bn.text and HOLDER_BN in bn.text and SUBJECT_BN in bn.text
    assert "৩০ নভেম্বর ২০২৬" in bn.text  # the issue date, in Bengali digits
    en = Client().get(f"/en/verify/{certificate.serial_display.lower()}/")
    assert en.status_code == 200
    assert "Valid certificate" in en.text and HOLDER_EN in en.text and SUBJECT_EN in en.text
    for page in (bn, en):
        assert "1712345678" not in page.text and "batch-1/trainee-1" not in page.text  # no mobile, no source
        assert "no-cache" in page["Cache-Control"]


def test_qr_url_with_its_signature_is_genuine(issue):
    certificate = issue()
    page = Client().get(path_of(verification_url(certificate)))
    assert page.status_code == 200
    assert "কিউআর কোডের স্বাক্ষর খাঁটি" in page.text and HOLDER_BN in page.text


@pytest.mark.parametrize(
    "change",
    [
        {"n": "রহিম উদ্দিন"},  # a changed name
        {"e": "Rahim Uddin"},
        {"d": "2020-01-01"},
    ],
)
def test_altered_qr_data_is_not_genuine_and_shows_no_record(issue, change):
    certificate = issue()
    page = Client().get(path_of(tampered(verification_url(certificate), **change)))
    assert "খাঁটি নয়" in page.text
    assert HOLDER_BN not in page.text


def test_a_wrong_signature_an_unknown_key_or_another_serial_is_not_genuine(issue):
    certificate = issue()
    other = issue(source_key="other")
    url = verification_url(certificate)
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    wrong_signature = {**query, "s": b64url_encode(bytes(64))}
    unknown_key = {**query, "k": "nobody"}
    for params, serial in (
        (wrong_signature, certificate.serial),
        (unknown_key, certificate.serial),
        (query, other.serial),
    ):
        page = Client().get(f"/bn/verify/{serial}/?{urlencode(params)}")
        assert "খাঁটি নয়" in page.text, params


def test_revocation_shows_at_once_on_the_public_page_with_date_and_reason(issue, head):
    certificate = issue()
    client = Client()
    before = client.get(f"/bn/verify/{certificate.serial}/")
    assert "বৈধ সনদ" in before.text
    revoke_certificate(certificate, reason="ভুল তথ্যের ভিত্তিতে দেওয়া", actor=head)
    after = client.get(f"/bn/verify/{certificate.serial}/")
    assert after.get("X-Page-Cache") != "hit"
    assert "বাতিল সনদ" in after.text and "ভুল তথ্যের ভিত্তিতে দেওয়া" in after.text
    en = client.get(f"/en/verify/{certificate.serial}/")
    assert "Revoked certificate" in en.text


def test_a_malformed_serial_gets_the_same_answer_as_an_unknown_one(issue):
    issue()
    unknown = Client().get("/bn/verify/ZZZZZZZZZZ/")
    malformed = Client().get("/bn/verify/hello/")
    assert unknown.status_code == malformed.status_code == 404
    assert "কোনো সনদ দেওয়া হয়নি" in unknown.text and "কোনো সনদ দেওয়া হয়নি" in malformed.text
    typed = Client().get("/bn/verify/", {"serial": "hello"})
    assert typed.status_code == 404 and "কোনো সনদ দেওয়া হয়নি" in typed.text


def test_the_form_takes_a_typed_serial_to_its_page(issue):
    certificate = issue()
    form = Client().get("/bn/verify/")
    assert form.status_code == 200 and 'name="serial"' in form.text
    response = Client().get("/bn/verify/", {"serial": f" {certificate.serial_display.lower()} "})
    assert response.status_code == 302 and response["Location"] == f"/bn/verify/{certificate.serial}/"
    assert Client().get("/bn/verify/", {"serial": ""}).status_code == 200  # the form again, with its error


def test_failed_lookups_are_rate_limited_and_successful_ones_are_not(issue, settings):
    settings.CERTIFICATE_LOOKUP_RATE = "3/h"
    certificate = issue()
    client = Client()
    for _ in range(5):
        assert client.get(f"/bn/verify/{certificate.serial}/").status_code == 200
    for serial in ("AAAAAAAAAA", "BBBBBBBBBB", "CCCCCCCCCC"):
        assert client.get(f"/bn/verify/{serial}/").status_code == 404
    refused = client.get("/bn/verify/DDDDDDDDDD/")
    assert refused.status_code == 429 and "Retry-After" in refused


def test_keys_json_publishes_the_public_keys_only(issue, settings):
    issue()
    response = Client().get("/certificates/keys.json")
    assert response.status_code == 200
    keys = response.json()["keys"]
    assert keys["test-1"]["algorithm"] == "Ed25519" and keys["test-1"]["status"] == "active"
    seed = settings.CERTIFICATE_SIGNING_KEYS.split(":", 1)[1]
    assert seed not in response.text


def run_offline(url, keys_path):
    result = subprocess.run(
        [sys.executable, str(OFFLINE), url, str(keys_path)], capture_output=True, text=True, timeout=60, check=False
    )
    return result.returncode, result.stdout


def test_offline_script_checks_a_qr_url_against_the_published_keys(issue, tmp_path, settings):
    certificate = issue()
    keys_path = tmp_path / "keys.json"
    keys_path.write_text(Client().get("/certificates/keys.json").text)
    url = verification_url(certificate)

    code, out = run_offline(url, keys_path)
    assert code == 0 and out.startswith("genuine") and HOLDER_BN in out and certificate.serial in out

    assert run_offline(tampered(url, n="রহিম উদ্দিন"), keys_path)[1].startswith("not genuine")
    assert run_offline(url.replace(certificate.serial, "ZZZZZZZZZZ"), keys_path)[1].startswith("not genuine")
    assert run_offline(tampered(url, s="ZZZZZZZZZZ").replace(certificate.serial, "ZZZZZZZZZZ"), keys_path)[0] == 1
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    bad_signature = url.split("?")[0] + "?" + urlencode({**query, "s": b64url_encode(bytes(64))})
    assert run_offline(bad_signature, keys_path)[1].startswith("not genuine")
    unknown_key = url.split("?")[0] + "?" + urlencode({**query, "k": "nobody"})
    assert run_offline(unknown_key, keys_path)[1] == "not genuine: unknown key id\n"

    # Another site's keys (a key rotated away without being published) do not vouch for it either.
    settings.CERTIFICATE_SIGNING_KEYS = f"test-1:{new_seed()}"
    keys_path.write_text(Client().get("/certificates/keys.json").text)
    assert run_offline(url, keys_path)[0] == 1


def test_offline_script_imports_no_django():
    source = OFFLINE.read_text()
    assert "django" not in source.lower().replace("no django", "")
