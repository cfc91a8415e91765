"""Print throughput and query counts of the public portal, in process (Django's test client, no network).

Run after `make demo` (it reads the configured database: SQLite by default, or DATABASE_URL):

    python -m bench [portal] [--seconds 5]
    python -m bench workflows [--submissions 200] [--tasks 100000] [--database bench_workflows] [--keep]
    python -m bench certificates [--count 50]
    python -m bench unions [--returns 100000]

The workflows suite needs PostgreSQL (DATABASE_URL): it works in a scratch database of its own.
"""

import argparse
import os
import statistics
import time


def setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from config.startup import freeze_startup_objects

    freeze_startup_objects()  # as config/wsgi.py does in every web process


def measure(client, path, seconds, clear_cache):
    from django.core.cache import cache

    durations = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if clear_cache:
            cache.clear()
        start = time.perf_counter()
        response = client.get(path)
        durations.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
    durations.sort()
    return {
        "requests": len(durations),
        "rps": len(durations) / sum(durations),
        "p50_ms": statistics.median(durations) * 1000,
        "p95_ms": durations[int(len(durations) * 0.95) - 1] * 1000,
    }


def count_queries(client, path):
    """Queries of the page rendered afresh, with the menus and settings already in the cache (as on a running
    site after its first request)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("suite", nargs="?", default="portal", choices=["portal", "workflows", "certificates", "unions"])
    parser.add_argument("--seconds", type=float, default=5.0, help="time spent on each portal measurement")
    parser.add_argument("--submissions", type=int, default=200, help="complaints filed through the public form")
    parser.add_argument("--tasks", type=int, default=100_000, help="routed tasks (and complaints) generated")
    parser.add_argument("--database", default="bench_workflows", help="scratch database created and dropped")
    parser.add_argument("--repeats", type=int, default=30, help="requests timed per page of each list")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure again in a scratch database kept with --keep")
    parser.add_argument("--count", type=int, default=50, help="certificates issued (certificates suite)")
    parser.add_argument("--returns", type=int, default=100_000, help="union annual returns generated (unions suite)")
    args = parser.parse_args()
    setup()
    if args.suite == "certificates":
        from bench.certificates import run as run_certificates

        raise SystemExit(run_certificates(args.count))
    if args.suite == "unions":
        from bench.unions import run as run_unions

        database = "bench_unions" if args.database == "bench_workflows" else args.database
        raise SystemExit(run_unions(args.returns, database, args.repeats, args.keep, args.reuse))
    if args.suite == "workflows":
        from bench.workflows import run

        raise SystemExit(run(args.submissions, args.tasks, args.database, args.repeats, args.keep, args.reuse))
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from bench import bare_urls

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False  # query logging would distort the timings
    settings.ROOT_URLCONF = "bench.bare_urls"
    settings.RATELIMIT_ENABLE = False  # one client asks thousands of times: the search limit is per address
    client = Client(HTTP_HOST="localhost")
    # Past the anonymous page cache (a session cookie), the menus and settings still cached: a page rendered.
    rendering = Client(HTTP_HOST="localhost")
    rendering.cookies[settings.SESSION_COOKIE_NAME] = "none"
    print(f"database: {connection.vendor}, cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}")
    for path in ("/bn/", "/en/", "/bn/notices/", "/bn/search/?q=সেবা"):
        queries = count_queries(rendering, path)
        uncached = measure(rendering, path, args.seconds, clear_cache=False)
        cached = measure(client, path, args.seconds, clear_cache=False)
        print(
            f"{path:28} queries {queries:3d} | uncached {uncached['rps']:7.1f} req/s p95 {uncached['p95_ms']:6.1f} ms"
            f" | cached {cached['rps']:8.1f} req/s p95 {cached['p95_ms']:6.2f} ms"
        )
    # The yardstick: the cached home page against a bare Django view returning the same bytes, measured in
    # turns so that both see the same machine.
    home = client.get("/bn/")
    bare_urls.BODY.update(bytes=home.content, content_type=home["Content-Type"])
    cached_rps, bare_rps = [], []
    for _turn in range(5):
        cached_rps.append(measure(client, "/bn/", args.seconds / 5, clear_cache=False)["rps"])
        bare_rps.append(measure(client, "/bench-bare/", args.seconds / 5, clear_cache=False)["rps"])
    ratio = statistics.median(cached_rps) / statistics.median(bare_rps)
    print(
        f"cached /bn/ {statistics.median(cached_rps):8.1f} req/s, bare view with the same bytes "
        f"{statistics.median(bare_rps):8.1f} req/s: ratio {ratio:.2f} (target >= 0.95)"
    )


if __name__ == "__main__":
    main()
