"""`manage.py run_periodic_jobs`: the embedded scheduler (workflows/core/scheduler.py), started by `make run`."""

import contextlib
import logging
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import autoreload

from workflows.core.scheduler import EmbeddedScheduler


class Command(BaseCommand):
    help = (
        "Runs the periodic jobs of every app's schedule.py (SLA reminders and escalations, workflow timers, "
        "the outbox sweep) in this process, for the embedded default where Celery is eager and there is no "
        "celery beat. With a broker (CELERY_BROKER_URL) it does nothing: run celery beat and workers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and exit.")
        parser.add_argument("--reload", action="store_true", help="Restart when the code changes, like runserver.")

    def handle(self, *args, **options):
        if not settings.CELERY_TASK_ALWAYS_EAGER:
            self.stdout.write("Celery has a broker (CELERY_BROKER_URL): celery beat runs the periodic jobs, not this.")
            return
        if options["verbosity"] >= 1:
            # The jobs' own log lines (one per run) go to the console, as runserver's requests do.
            logging.getLogger("workflows.core.scheduler").setLevel(logging.INFO)
        if options["once"]:
            ran, _ = EmbeddedScheduler().run_due()
            self.stdout.write(f"Ran {len(ran)} periodic jobs: {', '.join(ran)}")
            return
        if options["reload"]:
            autoreload.run_with_reloader(self.run_forever)
        else:
            self.run_forever()

    def run_forever(self):
        # Ctrl-C, or SIGTERM from make run when the web server exits, ends the process between or during
        # jobs: each job is idempotent and works in short transactions, so the next start picks up.
        with contextlib.suppress(KeyboardInterrupt):
            EmbeddedScheduler().run_forever(threading.Event())
