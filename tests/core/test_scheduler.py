"""Periodic jobs are declared per app and collected into CELERY_BEAT_SCHEDULE; the embedded scheduler of
`make run` runs every one of them, each through its registered Celery task."""

import logging

import pytest
from celery import shared_task
from celery.signals import task_postrun
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command

from config.celery import app as celery_app
from config.schedule import collect_beat_schedule, has_schedule_module
from workflows.core.notifications.schedule import BEAT_SCHEDULE as NOTIFICATIONS_SCHEDULE
from workflows.core.schedule import BEAT_SCHEDULE as CORE_SCHEDULE
from workflows.core.scheduler import EmbeddedScheduler
from workflows.unionreturns.schedule import BEAT_SCHEDULE as UNION_RETURNS_SCHEDULE


@shared_task(name="tests.core.failing_job")
def failing_job():
    raise RuntimeError("this job always fails")


@shared_task(name="tests.core.working_job")
def working_job(value):
    return value


@pytest.fixture
def task_runs():
    """(task name, final state) of every Celery task run meanwhile, as Celery itself reports it."""
    runs = []

    def on_postrun(sender=None, state=None, **kwargs):
        runs.append((sender.name, state))

    task_postrun.connect(on_postrun, weak=False)
    yield runs
    task_postrun.disconnect(on_postrun)


def test_the_settings_collect_every_apps_schedule():
    assert settings.CELERY_BEAT_SCHEDULE == {**CORE_SCHEDULE, **NOTIFICATIONS_SCHEDULE, **UNION_RETURNS_SCHEDULE}
    assert {"sla-reminders", "sla-escalation", "workflow-timers", "flush-outbox"} <= set(settings.CELERY_BEAT_SCHEDULE)


def test_every_job_names_a_registered_celery_task():
    celery_app.autodiscover_tasks(force=True)  # as a worker (or the embedded scheduler) does at start
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in celery_app.tasks, name


def test_apps_without_a_schedule_module_are_skipped():
    assert has_schedule_module("workflows.core")
    assert not has_schedule_module("workflows.core.workdays")
    assert not has_schedule_module("config.apps.PortalStaticFilesConfig")  # a class, not a package
    assert not has_schedule_module("wagtail.contrib.settings")
    assert not has_schedule_module("no_such_package")
    assert collect_beat_schedule(["pages.base", "workflows.core.notifications", "wagtail"]) == NOTIFICATIONS_SCHEDULE


def test_a_job_name_declared_by_two_apps_is_refused():
    with pytest.raises(ImproperlyConfigured, match="sla-reminders"):
        collect_beat_schedule(["workflows.core", "workflows.core"])


@pytest.mark.django_db
def test_embedded_scheduler_runs_every_job_of_the_schedule(demo, task_runs):
    scheduler = EmbeddedScheduler()
    ran, wait = scheduler.run_due()
    assert sorted(ran) == sorted(settings.CELERY_BEAT_SCHEDULE)
    expected = sorted((entry["task"], "SUCCESS") for entry in settings.CELERY_BEAT_SCHEDULE.values())
    assert sorted(run for run in task_runs if run[0] in dict(expected)) == expected
    # Nothing is due again until the shortest interval has passed.
    assert 0 < wait <= min(entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values())
    task_runs.clear()
    assert scheduler.run_due()[0] == []
    assert task_runs == []


def test_a_failing_job_does_not_stop_the_others(task_runs, caplog):
    scheduler = EmbeddedScheduler(
        {
            "fails": {"task": "tests.core.failing_job", "schedule": 60.0},
            "works": {"task": "tests.core.working_job", "schedule": 60.0, "args": (42,)},
        }
    )
    with caplog.at_level(logging.ERROR, logger="workflows.core.scheduler"):
        assert scheduler.run_due()[0] == ["fails", "works"]
    assert [name for name, _ in task_runs] == ["tests.core.failing_job", "tests.core.working_job"]
    assert task_runs[1][1] == "SUCCESS"
    assert "Periodic job fails failed" in caplog.text
    assert "this job always fails" in caplog.text


def test_a_job_naming_an_unknown_task_is_refused():
    with pytest.raises(ImproperlyConfigured, match="no.such.task"):
        EmbeddedScheduler({"typo": {"task": "no.such.task", "schedule": 60.0}})


@pytest.mark.django_db
def test_command_runs_every_job_once(demo, task_runs, capsys):
    call_command("run_periodic_jobs", "--once", verbosity=0)
    assert f"Ran {len(settings.CELERY_BEAT_SCHEDULE)} periodic jobs" in capsys.readouterr().out
    assert {name for name, _ in task_runs} >= {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}


def test_command_leaves_the_jobs_to_celery_beat_when_there_is_a_broker(settings, task_runs, capsys):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    call_command("run_periodic_jobs", "--once")
    assert "celery beat runs the periodic jobs" in capsys.readouterr().out
    assert task_runs == []
