"""Whole-response cache for anonymous visitors, purged whenever published content changes.

Each cached response is stored under the current "generation"; publishing, unpublishing, moving or
deleting a page, or saving a menu, setting, officer or office, starts a new generation, so every
page (whose menus, lists and switchers may show the changed item) is rendered afresh. Old entries
expire on their own. The cache is shared by every web host when it is Redis.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.cache import has_vary_header, patch_cache_control
from django.utils.functional import cached_property

GENERATION_KEY = "page-cache:generation"
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/static/", "/media/")


def generation(key: str) -> int:
    """The current value of a cache generation counter: keys that embed it are dropped all at once by
    `next_generation` (the page cache here, the back office's access answers in workflows.core.access)."""
    value = cache.get(key)
    if value is None:
        cache.add(key, 1, timeout=None)
        value = cache.get(key, 1)
    return value


def next_generation(key: str) -> None:
    """Start a new generation (atomic on Redis and in local memory)."""
    try:
        cache.incr(key)
    except ValueError:
        cache.add(key, 2, timeout=None)


def current_generation() -> int:
    return generation(GENERATION_KEY)


def purge_page_cache(**kwargs) -> None:
    """Signal receiver: start a new generation of the page cache."""
    next_generation(GENERATION_KEY)


def for_this_generation(name: str, *parts, compute):
    """`compute()`, kept in the cache until content changes (the page cache's generation) or PAGE_CACHE_SECONDS
    pass: the header and footer menus, the language switcher's links and the site settings are the same on
    every page, so uncached pages need not ask the database for them each time."""
    key = ":".join(["page-cache", str(current_generation()), name, *(str(part) for part in parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def many_for_this_generation(name: str, keys, *, compute_missing) -> dict:
    """Like for_this_generation for many items at once (one cache round trip each way): `compute_missing`
    gets the keys not in the cache and returns {key: value} for them."""
    prefix = f"page-cache:{current_generation()}:{name}:"
    found = cache.get_many([f"{prefix}{key}" for key in keys])
    values = {key.removeprefix(prefix): value for key, value in found.items()}
    missing = [key for key in keys if str(key) not in values]
    if missing:
        computed = compute_missing(missing)
        cache.set_many({f"{prefix}{key}": value for key, value in computed.items()}, settings.PAGE_CACHE_SECONDS)
        values.update({str(key): value for key, value in computed.items()})
    return {key: values[str(key)] for key in keys if str(key) in values}


class GenerationCountPaginator(Paginator):
    """A paginator whose count (a COUNT query) is kept with the page cache's generation, under `count_key`:
    the number of notices in a list is the same for every visitor until content changes."""

    def __init__(self, object_list, per_page, *, count_key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        return for_this_generation("count", *self.count_key, compute=lambda: Paginator.count.func(self))


def _cache_key(request) -> str:
    # Hashed: a query string can be long and hold any character; cache keys should not.
    url = hashlib.sha256(f"{request.get_host()}{request.get_full_path()}".encode()).hexdigest()
    return f"page-cache:{current_generation()}:{url}"


def _may_store_another_variant(request) -> bool:
    """At most PAGE_CACHE_MAX_VARIANTS copies of one page with a query string (search terms, page numbers,
    filters) per generation: past that, new variants are answered but not stored, so even the known
    parameters cannot fill the cache. The page without a query string is always stored."""
    if not request.META.get("QUERY_STRING"):
        return True
    page = hashlib.sha256(f"{request.get_host()}{request.path}".encode()).hexdigest()
    key = f"page-cache:{current_generation()}:variants:{page}"
    if cache.add(key, 1, settings.PAGE_CACHE_SECONDS):
        return True
    try:
        return cache.incr(key) <= settings.PAGE_CACHE_MAX_VARIANTS
    except ValueError:  # expired between the two calls
        return cache.add(key, 1, settings.PAGE_CACHE_SECONDS) or True


def _has_known_query(request) -> bool:
    """Only the query parameters the portal's pages read (`PAGE_CACHE_QUERY_PARAMS`: page, search, filters),
    once each and short, make a cacheable URL; anything else (`/bn/?junk=1`, `?junk=2`…) is answered
    without storing a copy, so nobody can fill the shared cache (which also holds the rate-limit counters)."""
    query = request.GET
    if len(request.META.get("QUERY_STRING", "")) > 200:
        return False
    known = settings.PAGE_CACHE_QUERY_PARAMS
    return all(name in known and len(query.getlist(name)) == 1 for name in query)


def _is_cacheable_request(request) -> bool:
    # Anyone with a session (signed-in editors and officers) gets fresh pages.
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(UNCACHED_PREFIXES)
        and _has_known_query(request)
    )


def _is_cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "Cookie")
        and not has_vary_header(response, "Accept-Language")
        and "private" not in response.get("Cache-Control", "")
        and "no-cache" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    """Serves anonymous GETs from the cache; stores 200s that set no cookie and do not vary by visitor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)
        key = _cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _is_cacheable_response(response) and _may_store_another_variant(request):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            patch_cache_control(response, public=True, max_age=60)
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
