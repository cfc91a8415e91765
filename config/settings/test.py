"""Test settings: the base services (SQLite or DATABASE_URL / REDIS_URL) with fast hashing."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MEDIA_ROOT = BASE_DIR / "media" / "test"

# Static files straight from the apps and static/ (no collectstatic needed), as WhiteNoise would serve them.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SMS_BACKEND = "workflows.core.notifications.sms.LocmemSmsBackend"
# The suite runs the production hand-over (on commit, to a worker) eagerly, so a test sees its mail at
# once; the tests of the embedded default (the outbox sweep sends) switch it off.
NOTIFICATIONS_ENQUEUE_ON_COMMIT = True
PRIVATE_MEDIA_ROOT = BASE_DIR / "private_media" / "test"

# The kit's test process (tests/kit/leaveprocess): a process that only the tests install, proving that a
# process is its own folder, an INSTALLED_APPS entry and its Bengali catalogue.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.kit.leaveprocess"]
