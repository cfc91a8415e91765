"""Background mail for contact-form submissions."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_contact_mail(subject, body, from_address, to_addresses):
    send_mail(subject, body, from_address or settings.DEFAULT_FROM_EMAIL, to_addresses)
