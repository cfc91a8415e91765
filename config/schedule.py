"""Periodic jobs are declared per app: each installed app may have a `schedule.py` with `BEAT_SCHEDULE = {…}`.

The settings collect them into CELERY_BEAT_SCHEDULE, which celery beat (production) and the embedded
scheduler (`manage.py run_periodic_jobs`, started by `make run`) both read, so a new app adds its jobs
without editing the settings. This runs while the settings load, before any app is: a `schedule.py`
must import nothing from Django's models, and apps without one are not imported at all here (importing
a package such as wagtail before the settings exist could fail).
"""

import importlib
from importlib.machinery import PathFinder

from django.core.exceptions import ImproperlyConfigured


def has_schedule_module(app: str) -> bool:
    """Whether the app module `app` (a dotted path from INSTALLED_APPS) has a `schedule` submodule.

    Looks the file up on the import path without importing the app's package. An AppConfig path
    (`config.apps.PortalStaticFilesConfig`) names a class, not a package, so it has none."""
    parts = [*app.split("."), "schedule"]
    locations = None  # the top-level package is looked up on sys.path
    for depth, part in enumerate(parts):
        spec = PathFinder.find_spec(part, locations)
        if spec is None:
            return False
        locations = spec.submodule_search_locations
        if locations is None and depth < len(parts) - 1:
            return False  # a module (or a class's module), not a package: nothing below it
    return True


def collect_beat_schedule(installed_apps) -> dict:
    """Merge the BEAT_SCHEDULE of every installed app that has a `schedule.py`; a job name is declared once."""
    collected, declared_by = {}, {}
    for app in installed_apps:
        if not has_schedule_module(app):
            continue
        for name, entry in importlib.import_module(f"{app}.schedule").BEAT_SCHEDULE.items():
            if name in collected:
                raise ImproperlyConfigured(f"Periodic job {name!r} is declared by both {declared_by[name]} and {app}")
            collected[name], declared_by[name] = entry, app
    return collected
