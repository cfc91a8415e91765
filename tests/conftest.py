"""Fixtures shared by the suite: the demo site is loaded once per test session and every test runs
on top of it in its own transaction, so the demo data is exercised by every run."""

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that flush the whole database (transactional tests whose threads or workers need committed
    rows) run last: after them neither the demo site nor the data the migrations created is there any more.
    Each of them calls DemoSite.get(), which puts back the data the migrations made (saved at setup) and
    loads the demo again when an earlier one flushed them."""
    items.sort(key=lambda item: item.get_closest_marker("flushes_db") is not None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from tests.factories import save_migrated_state

    with django_db_blocker.unblock():
        save_migrated_state()
        call_command("load_demo_data", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The page cache and rate-limit counters live in the cache: start every test without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(db):
    """Handles on the demo site (reloaded if a transactional test flushed the database)."""
    from tests.factories import DemoSite

    return DemoSite.get()


@pytest.fixture
def site_server(transactional_db):
    """pytest-django's live server, serving the static files through the finders as the tests' settings do:
    by itself it serves them from STATIC_ROOT (None here) unless INSTALLED_APPS names
    "django.contrib.staticfiles" word for word, and ours names config.apps.PortalStaticFilesConfig."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost:0", start=False)
    server.thread.static_handler = StaticFilesHandler
    server.start()
    yield server
    server.stop()
