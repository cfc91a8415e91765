"""Pluggable SMS sending, on the model of Django's mail backends, and Bangladeshi mobile-number validation.

A gateway is added by subclassing `BaseSmsBackend` and naming the class in the `SMS_BACKEND` setting;
the default prints to the console, so the site runs with no gateway account.
"""

import re
import sys
import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

DEFAULT_SMS_BACKEND = "workflows.core.notifications.sms.ConsoleSmsBackend"

# Operators' prefixes are 013–019: a mobile number is 01, [3-9] and 8 digits. In the international form
# the country code 880 replaces the trunk 0 (+880 1712345678), so it reads as 88 + the local number.
BD_MOBILE_RE = re.compile(r"(?:\+?88)?(01[3-9][0-9]{8})")
# Citizens type their number in Bengali digits as often as in Latin ones.
BENGALI_DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯", "0123456789")
# Spaces, hyphens, dots and brackets that people put inside numbers: 017-1234 5678, (+880) 1712…
NUMBER_PUNCTUATION_RE = re.compile(r"[\s\-.()]")

INVALID_BD_MOBILE = _("Enter a valid Bangladeshi mobile number, e.g. 01712345678.")


def normalize_bd_mobile(value) -> str:
    """`01712345678`, `+8801712345678`, `8801712345678` (or with Bengali digits) → `+8801712345678`.

    Raises ValidationError (code `invalid_bd_mobile`) for anything else, so forms and models can use it
    as a validator and store the normalised form."""
    text = NUMBER_PUNCTUATION_RE.sub("", str(value or "").translate(BENGALI_DIGITS))
    match = BD_MOBILE_RE.fullmatch(text)
    if not match:
        raise ValidationError(INVALID_BD_MOBILE, code="invalid_bd_mobile")
    return "+88" + match.group(1)


def validate_bd_mobile(value) -> None:
    """Validator for model and form fields (`validators=[validate_bd_mobile]`)."""
    normalize_bd_mobile(value)


@dataclass(frozen=True)
class SmsMessage:
    to: str
    text: str


class BaseSmsBackend:
    """Subclasses implement `send_messages`; they raise on failure unless `fail_silently`."""

    def __init__(self, fail_silently=False, **kwargs):
        self.fail_silently = fail_silently

    def send_messages(self, messages: list[SmsMessage]) -> int:
        """Send the messages and return how many were accepted by the gateway."""
        raise NotImplementedError("subclasses of BaseSmsBackend must override send_messages()")

    def send(self, phone: str, text: str) -> int:
        return self.send_messages([SmsMessage(to=phone, text=text)])


class ConsoleSmsBackend(BaseSmsBackend):
    """Writes each message to stdout: the development default."""

    def __init__(self, *args, stream=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.stream = stream or sys.stdout
        # Worker threads share stdout; one message's lines must not interleave with another's.
        self._lock = threading.RLock()

    def send_messages(self, messages):
        with self._lock:
            for message in messages:
                self.stream.write(f"SMS to {message.to}\n{message.text}\n{'-' * 79}\n")
            self.stream.flush()
        return len(messages)


# Messages "sent" by LocmemSmsBackend, for tests (like django.core.mail.outbox).
outbox: list[SmsMessage] = []


class LocmemSmsBackend(BaseSmsBackend):
    """Keeps messages in `sms.outbox` instead of sending them: for tests."""

    def send_messages(self, messages):
        outbox.extend(messages)
        return len(messages)


def get_sms_backend(backend: str | None = None, **kwargs) -> BaseSmsBackend:
    """An instance of the configured SMS backend (`SMS_BACKEND`, console by default)."""
    return import_string(backend or getattr(settings, "SMS_BACKEND", DEFAULT_SMS_BACKEND))(**kwargs)
