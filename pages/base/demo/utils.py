"""Small helpers shared by the demo-data builders: stable keys, Unicode normalisation, counting."""

import unicodedata
import uuid
from collections import Counter

# Every demo object that has a translation_key gets one derived from this namespace and a readable
# key, so a second run finds what the first one made even if an editor has changed its slug or title.
DEMO_NAMESPACE = uuid.UUID("6f1d3c52-8a0e-4c59-9d8e-2b7f4a1e9c30")


def stable_uuid(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"mole-demo:{kind}:{key}")


def nfc(value):
    """NFC-normalise every string in a nested structure (Bengali text typed in different ways must match)."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nfc(v) for v in value]
    if isinstance(value, tuple):
        return tuple(nfc(v) for v in value)
    return value


class Stats:
    """Counts what one run created (a second run should create nothing)."""

    def __init__(self):
        self.created = Counter()
        self.updated = Counter()

    def add(self, kind: str, n: int = 1) -> None:
        self.created[kind] += n

    def touch(self, kind: str, n: int = 1) -> None:
        self.updated[kind] += n
