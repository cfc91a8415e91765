"""The embedded scheduler: runs the periodic jobs of CELERY_BEAT_SCHEDULE in its own process, for the embedded
default, where there is no broker and so no celery beat and no worker.

`make run` starts it beside the web server (`manage.py run_periodic_jobs`). Each job is the same
registered Celery task that beat would enqueue, run here with `Task.apply()` (eagerly, in this process),
one after the other: the SLA sweeps, viewflow's timers and the outbox sweep, which also sends the mail
and SMS the web requests left in the outbox. Production runs celery beat and workers instead; running
both would do no harm (every job is idempotent) but would do the work twice.
"""

import logging
import threading
from dataclasses import dataclass
from datetime import datetime

from celery import Task
from celery.schedules import maybe_schedule, schedule
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import close_old_connections

from config.celery import app as celery_app

logger = logging.getLogger(__name__)

# However far off the next job is, look again this often (a schedule may be changed by a reload).
MAX_WAIT_SECONDS = 60.0


@dataclass
class Job:
    name: str
    task: Task
    schedule: schedule
    args: tuple = ()
    kwargs: dict | None = None
    last_run_at: datetime | None = None

    def due(self) -> tuple[bool, float]:
        """(whether the job is due now, seconds until it should be looked at again); due at start-up."""
        if self.last_run_at is None:
            return True, 0.0
        return self.schedule.is_due(self.last_run_at)


class EmbeddedScheduler:
    """Runs each job of a beat schedule when due: every job once at start-up, then on its schedule."""

    def __init__(self, beat_schedule: dict | None = None, app=celery_app):
        # What a worker does at start: import every installed app's tasks module, so that each name resolves.
        app.autodiscover_tasks(force=True)
        beat_schedule = settings.CELERY_BEAT_SCHEDULE if beat_schedule is None else beat_schedule
        unknown = sorted(entry["task"] for entry in beat_schedule.values() if entry["task"] not in app.tasks)
        if unknown:
            raise ImproperlyConfigured(f"Periodic jobs name tasks that are not registered: {', '.join(unknown)}")
        self.jobs = [
            Job(
                name=name,
                task=app.tasks[entry["task"]],
                schedule=maybe_schedule(entry["schedule"], app=app),
                args=tuple(entry.get("args", ())),
                kwargs=dict(entry.get("kwargs", {})),
            )
            for name, entry in beat_schedule.items()
        ]

    def run_due(self) -> tuple[list[str], float]:
        """Run the jobs that are due; return their names and how many seconds to wait until the next one."""
        ran, wait = [], MAX_WAIT_SECONDS
        for job in self.jobs:
            due, _ = job.due()
            if due:
                self.run(job)
                ran.append(job.name)
            wait = min(wait, job.due()[1])
        return ran, wait

    def run(self, job: Job) -> bool:
        """Run one job now; a failing job is logged and does not stop the others."""
        # The interval counts from the start of a run, as in celery beat.
        job.last_run_at = job.schedule.now()
        try:
            result = job.task.apply(args=job.args, kwargs=job.kwargs, throw=True)
        except Exception:
            logger.exception("Periodic job %s failed", job.name)
            return False
        logger.info("Periodic job %s: %s", job.name, result.result)
        return True

    def run_forever(self, stop: threading.Event) -> None:
        """Run the jobs on their schedules until `stop` is set."""
        logger.info("Embedded scheduler: %s", ", ".join(job.name for job in self.jobs))
        while not stop.is_set():
            # A long-lived process outside any request: drop connections that broke or grew too old, as
            # Django does at the end of each request.
            close_old_connections()
            _, wait = self.run_due()
            stop.wait(max(wait, 1.0))
