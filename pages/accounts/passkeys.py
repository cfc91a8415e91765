"""Passkeys (django-otp-webauthn): the relying party is the host the admin is served on.

A passkey is scoped to that host name, so it is never offered to another site; the browser's origin
must also be one of OTP_WEBAUTHN_ALLOWED_ORIGINS (settings: from WAGTAILADMIN_BASE_URL, or
WEBAUTHN_ORIGINS). WEBAUTHN_RP_ID in the environment pins the domain in production.
"""

from django.conf import settings
from django.http.request import split_domain_port


def relying_party_id(request) -> str:
    # get_host() is checked against ALLOWED_HOSTS, so this is one of our own names.
    return settings.WEBAUTHN_RP_ID or split_domain_port(request.get_host())[0]


def relying_party_name(request) -> str:
    return str(settings.WAGTAIL_SITE_NAME)
