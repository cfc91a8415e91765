"""Periodic jobs of notifications, collected into CELERY_BEAT_SCHEDULE (config/schedule.py)."""

BEAT_SCHEDULE = {
    "flush-outbox": {
        "task": "notifications.flush_outbox",
        "schedule": 60.0,
        # A sweep nobody picked up within the minute is superseded by the next one: drop it rather than
        # let sweeps pile up in the queue while the workers are down.
        "options": {"expires": 55},
    },
}
