"""`check --deploy`: the platform's production needs a shared cache (Redis)."""

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Rate limits, one-time submission tokens, union sign-in limits and the page cache live in the cache;
    in local memory each worker process counts on its own (40 status lookups passed a 20-an-hour limit with
    two workers), so production must set REDIS_URL."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Warning(
            "The default cache is local to each process: rate limits, one-time tokens and the page cache are "
            "counted per worker.",
            hint="Set REDIS_URL (a Redis server shared by every web process and worker).",
            id="base.W001",
        )
    ]
