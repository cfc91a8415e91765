"""How to report a vulnerability: /.well-known/security.txt (RFC 9116) and the policy it points to."""

import datetime

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# RFC 9116 wants Expires less than a year ahead, so that a forgotten file stops being trusted; computed on
# each request, it never goes stale.
EXPIRES_AFTER = datetime.timedelta(days=180)
# A day: a reporter's tool may cache it, and a changed contact is seen within a day.
CACHE_SECONDS = 24 * 60 * 60


def _site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def security_txt_lines(now=None) -> list[str]:
    """The fields of security.txt, in the RFC's syntax."""
    now = now or timezone.now()
    midnight = now.astimezone(datetime.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {(midnight + EXPIRES_AFTER).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: bn, en",
        f"Canonical: {_site_url('/.well-known/security.txt')}",
        f"Policy: {_site_url('/.well-known/security-policy.txt')}",
    ]


def _plain_text(text: str) -> HttpResponse:
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=CACHE_SECONDS)
def security_txt(request):
    return _plain_text("\n".join(security_txt_lines()) + "\n")


@require_safe
@cache_control(public=True, max_age=CACHE_SECONDS)
def security_policy(request):
    """The policy in Bengali, then in English: a reporter may read either, whatever their browser says."""
    parts = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            parts.append(render_to_string("base/security/policy.txt", {"contact": settings.SECURITY_CONTACT}))
    return _plain_text("\n\n".join(part.strip() for part in parts) + "\n")
