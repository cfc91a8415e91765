"""Services are chosen by environment variables; production settings pass Django's deploy checks."""

import importlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db.utils import ConnectionHandler

import config.settings.base as base_settings

ROOT = Path(__file__).resolve().parents[2]
# A key as `secrets.token_urlsafe` makes it, the kind production accepts.
RANDOM_KEY = secrets.token_urlsafe(50)


def run_production(*command, **env):
    """`manage.py <command>` with production settings and exactly `env` on top of this environment (a value
    of None removes the variable): the settings are loaded in a process of their own."""
    environ = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.production", "ALLOWED_HOSTS": "x"}
    for name in ("SECRET_KEY", "REDIS_URL", "SINGLE_PROCESS"):
        environ.pop(name, None)
    environ.update({name: value for name, value in env.items() if value is not None})
    return subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120
    )


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
        "SECRET_KEY": RANDOM_KEY,
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
    """Even where one process is allowed to run without Redis, check --deploy says the counters are its own."""
    result = run_production(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=RANDOM_KEY,
        SINGLE_PROCESS="1",
        ALLOWED_HOSTS="portal.example.gov.bd",
        CERTIFICATE_SIGNING_KEYS="prod-1:" + "A" * 43,
    )
    assert result.returncode != 0 and "base.W001" in result.stdout + result.stderr


def test_production_refuses_to_start_without_redis():
    result = run_production("check", SECRET_KEY=RANDOM_KEY)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "REDIS_URL" in result.stderr and "SINGLE_PROCESS=1" in result.stderr


def test_production_starts_without_redis_when_told_it_is_one_process():
    result = run_production("check", SECRET_KEY=RANDOM_KEY, SINGLE_PROCESS="1")
    assert result.returncode == 0, result.stderr


def test_production_starts_with_redis_and_a_random_key():
    result = run_production("check", SECRET_KEY=RANDOM_KEY, REDIS_URL="redis://127.0.0.1:6379/9")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "key",
    [
        "x" * 60,  # long, one character
        "abcde" * 12,  # Django's check wants 5 different characters: this has them
        "abcdefghijklmnopqrstu" * 3,  # 21 different characters, a piece repeated
        "k" * 20 + "-production-test-secret-" + "x" * 30,  # a phrase with padding: 14 different
    ],
)
def test_production_refuses_a_secret_key_that_is_not_random(key):
    result = run_production("check", SECRET_KEY=key, SINGLE_PROCESS="1")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY" in result.stderr
