"""The Ed25519 keys that sign what a certificate's QR code carries, and the site's published key list.

In production the keys come from the environment: `CERTIFICATE_SIGNING_KEYS` holds the private seeds
(`kid:base64seed,kid2:base64seed` or a JSON list of {"kid", "seed", "valid_from"}), the first one
signing new certificates; `CERTIFICATE_VERIFY_KEYS` holds retired public keys (`kid:base64public,…` or
JSON), so certificates signed before a rotation still verify. In development, with no key in the
environment, one is generated on first use into `CERTIFICATE_DEV_KEY_FILE` (var/, not in git).
"""

import datetime
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .offline import ALGORITHM, b64url_decode, b64url_encode, canonical_bytes, check_signature


@dataclass(frozen=True)
class Key:
    kid: str
    public: Ed25519PublicKey
    private: Ed25519PrivateKey | None = None
    valid_from: str = ""

    @property
    def public_b64(self) -> str:
        return b64url_encode(self.public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def _decode(text: str) -> bytes:
    return b64url_decode(text.strip().replace("+", "-").replace("/", "_").rstrip("="))


def _entries(value: str, secret_name: str) -> list[dict]:
    """`kid:base64,kid2:base64` or JSON (a list of objects, or {kid: base64}) → [{"kid", secret_name, …}]."""
    value = (value or "").strip()
    if not value:
        return []
    if value[0] in "[{":
        data = json.loads(value)
        if isinstance(data, dict):
            return [{"kid": kid, secret_name: secret} for kid, secret in data.items()]
        return list(data)
    entries = []
    for item in value.split(","):
        kid, _, secret = item.strip().partition(":")
        if not kid or not secret:
            raise ImproperlyConfigured(f"certificate keys: expected kid:base64, got {item!r}")
        entries.append({"kid": kid, secret_name: secret})
    return entries


def _private_key(entry: dict) -> Key:
    private = Ed25519PrivateKey.from_private_bytes(_decode(entry["seed"]))
    return Key(entry["kid"], private.public_key(), private, str(entry.get("valid_from", "")))


def _dev_keys(path: Path) -> list[dict]:
    """The development key file's entries; one is generated (atomically: two processes agree) if it is missing."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        seed = Ed25519PrivateKey.generate().private_bytes_raw()
        today = datetime.date.today().isoformat()
        entry = {"kid": f"dev-{secrets.token_hex(3)}", "seed": b64url_encode(seed), "valid_from": today}
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({"keys": [entry]}, handle, indent=2)
    return json.loads(path.read_text(encoding="utf-8"))["keys"]


def keys_from_environment() -> bool:
    return bool(getattr(settings, "CERTIFICATE_SIGNING_KEYS", ""))


def signing_keys() -> list[Key]:
    """The private keys, the active one first."""
    entries = _entries(getattr(settings, "CERTIFICATE_SIGNING_KEYS", ""), "seed")
    dev_file = getattr(settings, "CERTIFICATE_DEV_KEY_FILE", None)
    if not entries and dev_file:
        entries = _dev_keys(Path(dev_file))
    return [_private_key(entry) for entry in entries]


def active_key() -> Key:
    keys = signing_keys()
    if not keys:
        raise ImproperlyConfigured("No certificate signing key: set CERTIFICATE_SIGNING_KEYS in the environment.")
    return keys[0]


def verification_keys() -> dict[str, Key]:
    """Every key a certificate may have been signed with: the signing keys and the retired public keys."""
    keys = {key.kid: key for key in signing_keys()}
    for entry in _entries(getattr(settings, "CERTIFICATE_VERIFY_KEYS", ""), "public_key"):
        public = Ed25519PublicKey.from_public_bytes(_decode(entry["public_key"]))
        keys.setdefault(entry["kid"], Key(entry["kid"], public, None, str(entry.get("valid_from", ""))))
    return keys


def sign(fields: dict) -> tuple[str, str, str]:
    """(key id, data, signature) for the QR code: base64url of the canonical bytes and of their signature."""
    key = active_key()
    raw = canonical_bytes(fields)
    return key.kid, b64url_encode(raw), b64url_encode(key.private.sign(raw))


def check(kid: str, data: str, signature: str) -> dict | None:
    """The signed fields if genuine (a known key, an untouched signature), else None."""
    public = {k.kid: k.public for k in verification_keys().values()}
    fields, _reason = check_signature(kid, data, signature, public)
    return fields


def published_keys() -> dict:
    """The key list published at /certificates/keys.json (read by offline.py)."""
    keys = verification_keys()
    active = next(iter(signing_keys()), None)
    return {
        "algorithm": ALGORITHM,
        "keys": {
            kid: {
                "algorithm": ALGORITHM,
                "public_key": key.public_b64,
                "status": "active" if active is not None and kid == active.kid else "retired",
                "valid_from": key.valid_from or None,
            }
            for kid, key in keys.items()
        },
    }
