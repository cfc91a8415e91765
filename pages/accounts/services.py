"""Who must sign in with a second factor, and the devices they do it with.

The devices are django-otp's: authenticator apps (TOTP), passkeys (django-otp-webauthn) and our
recovery codes. Every change to them is written to Wagtail's log (who, when, what).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.log_actions import log

from .models import EnrolmentDeadline, RecoveryCodes


def concrete(user):
    """The user itself, not request.user's lazy wrapper: Wagtail's log looks its kind of entry up by type."""
    user.pk  # noqa: B018 (evaluates the lazy object)
    return getattr(user, "_wrapped", user)


def client_ip(request) -> str:
    """The client's address as the rate limits see it (behind a load balancer: RATELIMIT_IP_META_KEY)."""
    return request.META.get(settings.RATELIMIT_IP_META_KEY or "REMOTE_ADDR", "")


def two_factor_required(user) -> bool:
    """Superusers always; others when one of their groups is in TWO_FACTOR_REQUIRED_GROUPS ("*": every staff user)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    required = settings.TWO_FACTOR_REQUIRED_GROUPS
    if required == "*":
        return user.has_perm("wagtailadmin.access_admin")
    return user.groups.filter(name__in=required).exists()


def signing_in_devices(user) -> list:
    """The confirmed devices that can give a second factor (recovery codes count only while some remain)."""
    return [
        device
        for device in devices_for_user(user, confirmed=True)
        if not isinstance(device, RecoveryCodes) or device.remaining
    ]


def has_second_factor(user) -> bool:
    return any(not isinstance(device, RecoveryCodes) for device in signing_in_devices(user))


def enrolment_deadline(user):
    """When the grace period of someone who must enrol and has not yet ends (it starts at their first sign-in)."""
    deadline, _created = EnrolmentDeadline.objects.get_or_create(
        user=user, defaults={"enrol_by": timezone.now() + timedelta(days=settings.TWO_FACTOR_GRACE_DAYS)}
    )
    return deadline.enrol_by


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator app being set up: one unconfirmed device per user, reused until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, confirmed=False, name="")
    return device


@transaction.atomic
def confirm_authenticator(device: TOTPDevice, token: str, *, name: str, by) -> bool:
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.name = name
    device.save(update_fields=["confirmed", "name"])
    log(instance=device.user, action="accounts.device_added", user=by, data={"kind": "totp", "name": name})
    return True


def issue_recovery_codes(user, *, by) -> list[str]:
    with transaction.atomic():
        device, _created = RecoveryCodes.objects.select_for_update().get_or_create(
            user=user, defaults={"name": "recovery", "confirmed": True}
        )
        codes = device.issue()
        log(instance=concrete(user), action="accounts.recovery_codes_issued", user=by, data={"count": len(codes)})
    return codes


def recovery_codes(user) -> RecoveryCodes | None:
    return RecoveryCodes.objects.filter(user=user).first()


def removable_device(user, kind: str, pk: int):
    model = {"totp": TOTPDevice, "passkey": WebAuthnCredential}.get(kind)
    if model is None:
        return None
    return model.objects.filter(user=user, confirmed=True, pk=pk).first()


class LastDeviceError(Exception):
    """Removing this device would leave someone who must use two-factor sign-in without one."""


@transaction.atomic
def remove_device(user, device, *, by) -> None:
    others = [d for d in signing_in_devices(user) if not isinstance(d, RecoveryCodes) and d != device]
    if not others and two_factor_required(user):
        raise LastDeviceError
    kind = "totp" if isinstance(device, TOTPDevice) else "passkey"
    log(instance=concrete(user), action="accounts.device_removed", user=by, data={"kind": kind, "name": device.name})
    device.delete()
    if not others:
        RecoveryCodes.objects.filter(user=user).delete()  # they only back up a device that is gone
