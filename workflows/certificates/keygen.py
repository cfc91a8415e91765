"""Print a new signing key for CERTIFICATE_SIGNING_KEYS: `python -m workflows.certificates.keygen [key id]`."""

import datetime
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from .offline import b64url_encode


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    kid = argv[0] if argv else f"k{datetime.date.today():%Y%m}"
    seed = Ed25519PrivateKey.generate().private_bytes_raw()
    print(f"{kid}:{b64url_encode(seed)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
