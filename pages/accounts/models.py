"""Recovery codes and the enrolment deadline; authenticator apps and passkeys are django-otp's devices."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin

# Crockford's base32 without I, L, O and U: nothing to misread when a code is typed from paper.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_CODE_LENGTH = 10  # 50 random bits each
RECOVERY_CODE_COUNT = 10


def normalize_recovery_code(code: str) -> str:
    code = (code or "").upper().replace("-", "").replace(" ", "")
    return code.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def _digest(code: str) -> str:
    # The codes carry 50 random bits each, so a keyed SHA-256 is enough; a slow password hash would make
    # checking ten of them take seconds.
    return hmac.new(settings.SECRET_KEY.encode(), normalize_recovery_code(code).encode(), hashlib.sha256).hexdigest()


class RecoveryCodes(ThrottlingMixin, Device):
    """A user's single-use recovery codes, for when the phone or the security key is lost.

    Only keyed digests are stored: the codes are shown once, when they are made, and never again.
    """

    digests = models.JSONField(default=list)

    class Meta:
        verbose_name = _("recovery codes")
        verbose_name_plural = _("recovery codes")

    def issue(self) -> list[str]:
        """New codes replace every old one; returns them (the only time they exist in plain text)."""
        codes = [
            "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
            for _ in range(RECOVERY_CODE_COUNT)
        ]
        self.digests = [_digest(code) for code in codes]
        self.confirmed = True
        self.save()
        return [f"{code[:5]}-{code[5:]}" for code in codes]

    @property
    def remaining(self) -> int:
        return len(self.digests)

    def verify_token(self, token) -> bool:
        allowed, _details = self.verify_is_allowed()
        if not allowed:
            return False
        digest = _digest(str(token))
        with transaction.atomic():
            # Locked, so that one code used twice at the same moment signs in only once.
            device = type(self).objects.select_for_update().get(pk=self.pk)
            matched = any(hmac.compare_digest(digest, stored) for stored in device.digests)
            if matched:
                device.digests = [stored for stored in device.digests if not hmac.compare_digest(digest, stored)]
                device.throttling_failure_count = 0
                device.throttling_failure_timestamp = None
                device.save(update_fields=["digests", "throttling_failure_count", "throttling_failure_timestamp"])
                self.digests = device.digests
            else:
                device.throttle_increment(commit=True)
                self.throttling_failure_count = device.throttling_failure_count
        return matched

    def get_throttle_factor(self):
        return getattr(settings, "OTP_RECOVERY_THROTTLE_FACTOR", 1)


class EnrolmentDeadline(models.Model):
    """When a staff member who must use two-factor sign-in has to have enrolled by (the grace period)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor_deadline")
    enrol_by = models.DateTimeField(_("enrol by"))

    class Meta:
        verbose_name = _("two-factor enrolment deadline")
        verbose_name_plural = _("two-factor enrolment deadlines")

    def __str__(self):
        return f"{self.user} {self.enrol_by:%Y-%m-%d %H:%M}"
