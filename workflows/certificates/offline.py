"""Check a certificate's QR code without the website: standard library and `cryptography` only, no Django.

    python workflows/certificates/offline.py "https://…/bn/verify/7KQ2M9XA4D/?k=…&d=…&s=…" keys.json

`keys.json` is the site's published key list (`/certificates/keys.json`, saved beforehand). Prints
"genuine" with the decoded fields, or "not genuine" with the reason; exit status 0 or 1. The site's own
verification page uses the same functions (workflows/certificates/signing.py imports them).
"""

import base64
import binascii
import json
import sys
from urllib.parse import parse_qs, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

ALGORITHM = "Ed25519"
# The short names the QR code carries (kept short: every byte makes the printed code denser).
FIELD_NAMES = {
    "s": "serial",
    "k": "kind",
    "n": "holder_name_bn",
    "e": "holder_name_en",
    "t": "subject",
    "o": "office",
    "d": "issued_on",
}


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    text = str(text)
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def canonical_bytes(fields: dict) -> bytes:
    """The exact bytes that are signed: compact JSON, keys sorted, UTF-8 (Bengali kept as is)."""
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def public_keys_from_json(document: dict) -> dict:
    """{key id: Ed25519PublicKey} from the published key list (active and retired keys alike)."""
    keys = {}
    for kid, entry in (document.get("keys") or {}).items():
        if entry.get("algorithm") == ALGORITHM:
            keys[kid] = Ed25519PublicKey.from_public_bytes(b64url_decode(entry["public_key"]))
    return keys


def parse_qr_url(url: str) -> tuple[str, str, str, str]:
    """(serial in the path, key id, data, signature) of a verification URL; missing parts are ''."""
    parts = urlsplit(str(url).strip())
    query = parse_qs(parts.query)
    segments = [s for s in parts.path.split("/") if s]
    serial = segments[-1] if segments and segments[-2:-1] == ["verify"] else ""
    return serial, query.get("k", [""])[0], query.get("d", [""])[0], query.get("s", [""])[0]


def check_signature(kid: str, data: str, signature: str, public_keys: dict) -> tuple[dict | None, str]:
    """The signed fields (short names) if the signature is genuine, else None and the reason."""
    key = public_keys.get(kid)
    if key is None:
        return None, "unknown key id"
    try:
        raw = b64url_decode(data)
        key.verify(b64url_decode(signature), raw)
        fields = json.loads(raw.decode("utf-8"))
    except (InvalidSignature, binascii.Error, ValueError):
        return None, "the signature does not match the data"
    if not isinstance(fields, dict):
        return None, "the data is not a certificate's"
    return fields, ""


def check_url(url: str, public_keys: dict) -> tuple[dict | None, str]:
    """Genuine fields of a QR URL, or None and why not; the serial in the path must be the signed one."""
    serial, kid, data, signature = parse_qr_url(url)
    fields, reason = check_signature(kid, data, signature, public_keys)
    if fields is None:
        return None, reason
    if serial.replace("-", "").upper() != str(fields.get("s", "")):
        return None, "the serial number in the address is not the signed one"
    return fields, ""


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    url, keys_path = argv
    with open(keys_path, encoding="utf-8") as handle:
        public_keys = public_keys_from_json(json.load(handle))
    fields, reason = check_url(url, public_keys)
    if fields is None:
        print(f"not genuine: {reason}")
        return 1
    print("genuine")
    for short, name in FIELD_NAMES.items():
        if short in fields:
            print(f"{name}: {fields[short]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
