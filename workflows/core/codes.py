"""Tracking numbers and access codes that survive being read out over the phone or copied by hand.

They use Crockford's base32 (digits and letters without I, L, O, U): O is read as 0, I and L as 1;
case, spaces and hyphens do not matter, and Bengali digits count as digits. Each process has its own
prefix (`GRS-7KQ2M9XA4D` for a complaint), declared on its case model (`Case.tracking_prefix`).
"""

import secrets

CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# Letters people confuse with digits, and Bengali digits, read as Crockford's digits.
_CROCKFORD_INPUT = str.maketrans("OILoil০১২৩৪৫৬৭৮৯", "011011" + "0123456789")

# 10 characters of base32 = 50 random bits: guessing one of a million cases takes ~10⁹ tries.
TRACKING_CODE_LENGTH = 10
# 40 random bits, on top of the tracking number; lookups are rate-limited as well.
ACCESS_CODE_LENGTH = 8


def random_code(length: int) -> str:
    return "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(length))


def new_tracking_number(prefix: str) -> str:
    """`GRS-7KQ2M9XA4D`: random, so neither the next number nor the number of cases can be guessed."""
    return f"{prefix}-{random_code(TRACKING_CODE_LENGTH)}"


def new_access_code() -> str:
    return random_code(ACCESS_CODE_LENGTH)


def crockford_clean(text) -> str:
    return "".join(str(text or "").translate(_CROCKFORD_INPUT).upper().replace("-", "").split())


def normalize_tracking_number(text, prefix: str) -> str | None:
    """` grs-7kq2 m9xa4d ` → `GRS-7KQ2M9XA4D` (for prefix GRS); None when it cannot be one of its numbers."""
    code = crockford_clean(text)
    # The prefix is read like the rest (a citizen may type o for 0 in it too), then compared.
    clean_prefix = crockford_clean(prefix)
    if len(code) == len(clean_prefix) + TRACKING_CODE_LENGTH and code.startswith(clean_prefix):
        code = code[len(clean_prefix) :]
    if len(code) != TRACKING_CODE_LENGTH or any(c not in CROCKFORD_ALPHABET for c in code):
        return None
    return f"{prefix}-{code}"


def normalize_access_code(text) -> str:
    """The access code as stored (upper case, no spaces or hyphens); may be anything for other input."""
    return crockford_clean(text)


# --- Certificate serial numbers -------------------------------------------------------------------
# 10 characters = 50 random bits, printed as two groups of five (`7KQ2M-9XA4D`) so they are typed without
# losing one's place; stored without the hyphen.
SERIAL_LENGTH = 10


def new_serial() -> str:
    return random_code(SERIAL_LENGTH)


def format_serial(serial: str) -> str:
    """`7KQ2M9XA4D` → `7KQ2M-9XA4D`."""
    half = len(serial) // 2
    return f"{serial[:half]}-{serial[half:]}" if len(serial) == SERIAL_LENGTH else serial


def normalize_serial(text) -> str | None:
    """` 7kq2m-9xa4d `, `7KQ2M 9XA4D`, Bengali digits, O for 0… → `7KQ2M9XA4D`; None when it cannot be one."""
    code = crockford_clean(text)
    if len(code) != SERIAL_LENGTH or any(c not in CROCKFORD_ALPHABET for c in code):
        return None
    return code
