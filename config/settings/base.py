"""Settings shared by every environment; services are chosen by environment variables.

Embedded default: SQLite, a local-memory cache and Celery in eager mode, so the site runs with no
server. DATABASE_URL selects PostgreSQL, REDIS_URL a Redis cache and CELERY_BROKER_URL a real broker.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.schedule import collect_beat_schedule

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    # Our apps first so that their templates win over the packages' ones.
    "pages.base",
    "pages.accounts",
    "pages.notices",
    "pages.services",
    "pages.directory",
    "pages.downloads",
    "pages.innovation",
    "pages.contact",
    "pages.search",
    "workflows.core",
    "workflows.core.workdays",
    "workflows.core.notifications",
    "workflows.complaints",
    "workflows.certificates",
    "workflows.training",
    "workflows.unions",
    "workflows.unionreturns",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp_webauthn",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "config.apps.PortalStaticFilesConfig",  # django.contrib.staticfiles, ignoring node_modules/
    "django.contrib.postgres",
    "django.contrib.humanize",
    # Last, so that its templates (400/403, registration) never shadow ours or Wagtail's.
    "viewflow",
    "viewflow.workflow",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the page cache: pages served from it get the header too (pages/base/csp.py).
    "pages.base.csp.SiteCSPMiddleware",
    # Outside the session, CSRF and locale middleware: it sees their cookies and Vary headers.
    "pages.base.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pages.base.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the second factor given
    "pages.accounts.middleware.StaffSessionMiddleware",  # idle sign-out; the second factor in the admin
    "django_ratelimit.middleware.RatelimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into the lockout page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
# SQLite in WAL mode with IMMEDIATE transactions: writers queue on the busy timeout instead of
# failing with "database is locked" when two requests write at once.
SQLITE_DATABASE = {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
    "OPTIONS": {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    },
}
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {"default": SQLITE_DATABASE}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous page responses are kept this long unless a publish purges them first.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# The query parameters the public pages read (listing pages, search, the downloads' and notices' filters);
# a URL with any other is answered but never stored (pages/base/cache.py).
PAGE_CACHE_QUERY_PARAMS = frozenset({"page", "q", "category", "year"})
# At most this many stored copies of one page with a query string (search terms, page numbers) per generation.
PAGE_CACHE_MAX_VARIANTS = int(os.environ.get("PAGE_CACHE_MAX_VARIANTS", "50"))
# With Redis, signed-in users' sessions are read from the cache (written through to the database, which
# keeps them across a cache flush): one query less on every back-office page. Not from local memory: it is
# each process's own, so a session ended (a logout) in one process would live on in the others.
SESSION_ENGINE = "django.contrib.sessions.backends." + ("cached_db" if REDIS_URL else "db")

# --- Celery -------------------------------------------------------------------------------------
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_RESULT_BACKEND = None
CELERY_TIMEZONE = "Asia/Dhaka"
# Each app declares its periodic jobs in its own schedule.py (config/schedule.py). Celery beat runs them
# in production; in the embedded default `make run` starts the embedded scheduler (run_periodic_jobs).
CELERY_BEAT_SCHEDULE = collect_beat_schedule(INSTALLED_APPS)

# --- Staff sign-in (pages/accounts) -----------------------------------------------------------------
# django-axes first: it refuses a locked-out user name or address before the password is checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# Locked after this many failed sign-ins, by user name (from any address) and by address (for any user
# name), for the cool-off time; an administrator unlocks sooner in Settings → Sign-in lockouts.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "pages.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "pages.accounts.services.client_ip"
AXES_ENABLE_ADMIN = False  # no Django admin here; the Wagtail screen replaces it
AXES_VERBOSE = False
# Two-factor sign-in: which groups must use it ("*": every staff user; superusers always), and how long
# someone who must may still sign in without it after their first sign-in.
TWO_FACTOR_REQUIRED_GROUPS = (
    "*"
    if os.environ.get("TWO_FACTOR_REQUIRED_GROUPS", "*") == "*"
    else [g.strip() for g in os.environ["TWO_FACTOR_REQUIRED_GROUPS"].split(",") if g.strip()]
)
TWO_FACTOR_GRACE_DAYS = int(os.environ.get("TWO_FACTOR_GRACE_DAYS", "7"))
OTP_TOTP_ISSUER = "MoLE-DoL"
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False  # a passkey is the second factor, after the password
OTP_WEBAUTHN_RP_ID_CALLABLE = "pages.accounts.passkeys.relying_party_id"
OTP_WEBAUTHN_RP_NAME_CALLABLE = "pages.accounts.passkeys.relying_party_name"
WEBAUTHN_RP_ID = os.environ.get("WEBAUTHN_RP_ID", "")
# Sessions end when the browser closes, and a signed-in one after this long without a request; none
# lives longer than SESSION_COOKIE_AGE.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 12 * 60 * 60
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", str(30 * 60)))
# Password reset mails, per address asked for and per client address.
PASSWORD_RESET_RATE_PER_EMAIL = "3/h"  # noqa: S105 (a rate, not a password)
PASSWORD_RESET_RATE_PER_IP = "10/h"  # noqa: S105

# --- Passwords ----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages: Bengali first -------------------------------------------------------------------
LANGUAGE_CODE = "bn"
LANGUAGES = [("bn", "বাংলা"), ("en", "English")]
LANGUAGE_COOKIE_NAME = "django_language"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Ours first (they win), then our Bengali of the packages' strings (pages/base/vendor_catalogue.py);
# both win over the packages' own catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
TIME_ZONE = "Asia/Dhaka"
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media/"
# Complaint attachments: never served by a web server, only as downloads to authorised officers.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private_media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
    "zip",
    "gz",
    "tgz",
    "bz2",
    "tbz",
    "xz",
    "br",
    "swf",
    "flv",
    "woff",
    "woff2",
]

# Requests: bounded sizes; anything over is refused with 400 before a view runs.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000  # Wagtail's page editor posts many fields.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- Wagtail ------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = _("Ministry of Labour and Employment")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# The image library stores originals without their metadata (EXIF with GPS, XMP): pages/base/image_forms.py.
WAGTAILIMAGES_IMAGE_FORM_BASE = "pages.base.image_forms.MetadataFreeImageForm"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: broken images offline, and officers' e-mail hashes sent to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Where to report a vulnerability, published in /.well-known/security.txt (pages/base/security.py).
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "mailto:security@dol.gov.bd")
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILADMIN_USER_LOGIN_FORM = "pages.base.admin_forms.LoginForm"
# Every office is in Bangladesh: offer Dhaka time (and UTC), not the world's 600 zone names.
WAGTAIL_USER_TIME_ZONES = ["Asia/Dhaka", "UTC"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

# The origins passkey ceremonies may come from: the admin's public URL (browsers refuse passkeys on a bare
# IP address, so in development http://localhost:8000 stands for http://127.0.0.1:8000).
OTP_WEBAUTHN_ALLOWED_ORIGINS = [o for o in os.environ.get("WEBAUTHN_ORIGINS", "").split(",") if o] or [
    urlsplit(WAGTAILADMIN_BASE_URL)
    ._replace(path="", query="", fragment="")
    .geturl()
    .replace("//127.0.0.1", "//localhost")
]

# --- Content-Security-Policy (pages/base/csp.py; README "Content Security Policy") ---------------
# The public site: everything from our own origin, no inline script or style, no nonce (pages are cached
# whole for anonymous visitors, so a nonce would be shared by all of them), nothing framed, never framed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The admin (/admin/): what Wagtail 8's screens need and no more (found by loading them in Chromium,
# tests/base/test_csp_browser.py). Its templates write inline <script> (date and time widgets, inline panels,
# the moderation workflow's set-up) and inline styles, so both need 'unsafe-inline'; nothing needs eval. No
# inline event handler either: the only one, Jcrop's test for touch events on the image focal-point editor,
# is allowed by its hash. data: for the certificate kinds' preview (font and signature inlined, as printed).
# Framed by itself only: the preview panels.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "script-src-attr": ["'unsafe-hashes'", "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='"],  # "return;"
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@dol.gov.bd")
# A mail server slower than this counts as a failed attempt, retried later (no row is locked meanwhile).
EMAIL_TIMEOUT = 30

# Rate limits use the default cache (Redis in production, shared by every web host).
RATELIMIT_USE_CACHE = "default"
RATELIMIT_VIEW = "pages.base.views.rate_limited"
# Behind a load balancer, name the header that carries the client address (e.g. HTTP_X_REAL_IP).
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
CONTACT_FORM_RATE = "10/h"
# Per IP (workflows.core.public.RateLimit): only accepted complaints count, not forms sent back with errors.
COMPLAINT_SUBMIT_RATE = "5/h"
# Per IP: only failed lookups count (what guessing looks like); a citizen who finds their complaint is not.
COMPLAINT_LOOKUP_RATE = "20/h"
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024

# SMS goes through a pluggable backend, like Django's mail backends.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "workflows.core.notifications.sms.ConsoleSmsBackend")
# With a broker, a committed notification is handed to a worker at once. In eager mode that hand-over
# would send it inside the web request (a slow mail server would hold the citizen's page), so the
# embedded scheduler's outbox sweep sends it instead, within a minute.
NOTIFICATIONS_ENQUEUE_ON_COMMIT = bool(CELERY_BROKER_URL)
# SLA timers: remind this long before a task is due; "due soon" badge within this many hours.
SLA_REMINDER_HOURS = 5 * 24
SLA_DUE_SOON_HOURS = 72

# --- Certificates (workflows/certificates) ---------------------------------------------------------
# Ed25519 keys signing the QR codes: `kid:base64seed,…` (or JSON), the first signs; see its README section.
CERTIFICATE_SIGNING_KEYS = os.environ.get("CERTIFICATE_SIGNING_KEYS", "")
# Retired public keys (`kid:base64public,…`), so certificates signed before a rotation still verify.
CERTIFICATE_VERIFY_KEYS = os.environ.get("CERTIFICATE_VERIFY_KEYS", "")
# Development only: with no key in the environment, one is generated here on first use (not in git).
CERTIFICATE_DEV_KEY_FILE = BASE_DIR / "var" / "certificate-keys.json"
# Debian's headless Chromium makes the PDFs (driven by Playwright; never `playwright install`).
CERTIFICATE_CHROMIUM = os.environ.get("CERTIFICATE_CHROMIUM", "/usr/bin/chromium")
# Per IP: only failed lookups on the verification page count.
CERTIFICATE_LOOKUP_RATE = "30/h"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
