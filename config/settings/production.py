"""Production: every secret and service from the environment; HTTPS only."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False


def looks_random(key: str) -> bool:
    """Whether SECRET_KEY can be a random key: 50 characters or more, at least 17 of them different, and not
    a short piece repeated. Django's own check (security.W009) asks for only 5 different characters, which
    "abcde" repeated passes. A random key of 50 characters from Django's 50-letter alphabet has about 32
    different ones and fewer than 17 about once in 2·10^12 (longer keys and larger alphabets have more), so
    17 refuses made-up keys ("x" * 60, a phrase with padding) and never a generated one."""
    if len(key) < 50 or len(set(key)) < 17 or key.startswith("django-insecure-"):
        return False
    # A piece written out at least twice ("abcdefghijklmnopqrstu" * 3 has 21 different characters).
    return not any(
        (key[:period] * (len(key) // period + 1))[: len(key)] == key for period in range(1, len(key) // 2 + 1)
    )


SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not looks_random(SECRET_KEY):
    raise ImproperlyConfigured(
        "Set SECRET_KEY in the environment to at least 50 random characters (e.g. the output of "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`); a key of few distinct characters "
        "or a repeated pattern is refused."
    )
# Rate limits, one-time submission tokens and the page cache are counted in the cache: in local memory each
# process counts on its own (40 status lookups passed a 20-an-hour limit with two workers). So production
# needs Redis, unless whoever deploys says there is exactly one process.
SINGLE_PROCESS = os.environ.get("SINGLE_PROCESS", "") == "1"
if not REDIS_URL and not SINGLE_PROCESS:
    raise ImproperlyConfigured(
        "Set REDIS_URL (the cache and rate-limit counters that every web process and worker share), "
        "or SINGLE_PROCESS=1 if exactly one process serves the site."
    )
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# TLS ends at the load balancer, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views set SAMEORIGIN for themselves.

# Certificates are signed with keys from the environment only (check --deploy warns without one).
CERTIFICATE_DEV_KEY_FILE = None

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    # Wagtail runs its index updates as django-tasks; one INFO line per task is noise.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
