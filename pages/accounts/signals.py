"""A passkey is added by django-otp-webauthn's own views: record it in the log as the other devices are."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.log_actions import log

from .services import concrete


@receiver(post_save, sender=WebAuthnCredential)
def log_new_passkey(sender, instance, created, **kwargs):
    if created:
        user = concrete(instance.user)  # the view saves it with request.user, a lazy object
        log(instance=user, action="accounts.device_added", user=user, data={"kind": "passkey"})
