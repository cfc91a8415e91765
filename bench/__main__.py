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
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
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

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False  # query logging would distort the timings
    client = Client(HTTP_HOST="localhost")
    print(f"database: {connection.vendor}, cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}")
    for path in ("/bn/", "/en/", "/bn/search/?q=সেবা"):
        queries = count_queries(client, path)
        uncached = measure(client, path, args.seconds, clear_cache=True)
        cached = measure(client, path, args.seconds, clear_cache=False)
        print(
            f"{path:28} queries {queries:3d} | uncached {uncached['rps']:7.1f} req/s p95 {uncached['p95_ms']:6.1f} ms"
            f" | cached {cached['rps']:8.1f} req/s p95 {cached['p95_ms']:6.2f} ms"
        )


if __name__ == "__main__":
    main()
