"""Services are chosen by environment variables; production settings pass Django's deploy checks."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.utils import ConnectionHandler

import config.settings.base as base_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def reload_base(monkeypatch):
    def reload(**env):
        for name in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return importlib.reload(base_settings)

    yield reload
    monkeypatch.undo()
    importlib.reload(base_settings)


def test_embedded_defaults(reload_base):
    settings = reload_base()
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    assert settings.CELERY_TASK_ALWAYS_EAGER is True
    # Eager Celery would send in the web request: the embedded scheduler's outbox sweep sends instead.
    assert settings.NOTIFICATIONS_ENQUEUE_ON_COMMIT is False


def test_services_from_the_environment(reload_base):
    settings = reload_base(
        DATABASE_URL="postgres://mole@db.internal:5432/mole",
        REDIS_URL="redis://cache.internal:6379/1",
        CELERY_BROKER_URL="redis://cache.internal:6379/2",
    )
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert settings.DATABASES["default"]["HOST"] == "db.internal"
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert settings.CACHES["default"]["LOCATION"] == "redis://cache.internal:6379/1"
    assert settings.CELERY_BROKER_URL == "redis://cache.internal:6379/2"
    assert settings.CELERY_TASK_ALWAYS_EAGER is False
    assert settings.NOTIFICATIONS_ENQUEUE_ON_COMMIT is True


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_immediate_transactions(tmp_path):
    handler = ConnectionHandler({"default": {**base_settings.SQLITE_DATABASE, "NAME": str(tmp_path / "db.sqlite3")}})
    connection = handler["default"]
    try:
        with connection.cursor() as cursor:
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] == 20000
        assert connection.transaction_mode == "IMMEDIATE"
    finally:
        connection.close()


def test_production_settings_pass_the_deploy_check():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "k" * 20 + "-production-test-secret-" + "x" * 30,
        "ALLOWED_HOSTS": "portal.example.gov.bd",
        # Production signs certificates with a key from its environment (certificates.W001 without one).
        "CERTIFICATE_SIGNING_KEYS": "prod-1:" + "A" * 43,
        # Production shares one cache (Redis) between its processes (base.W001 without one).
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_the_deploy_check_warns_of_a_cache_local_to_each_process():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "k" * 20 + "-production-test-secret-" + "x" * 30,
        "ALLOWED_HOSTS": "portal.example.gov.bd",
        "CERTIFICATE_SIGNING_KEYS": "prod-1:" + "A" * 43,
    }
    env.pop("REDIS_URL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "base.W001" in result.stdout + result.stderr
