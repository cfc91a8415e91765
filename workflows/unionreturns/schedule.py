"""Periodic jobs of the annual returns (collected into CELERY_BEAT_SCHEDULE): the season's reminders, checked
every few hours and sent only on the setting's dates, once per union and date (idempotent)."""

BEAT_SCHEDULE = {
    "union-return-season-reminders": {
        "task": "workflows.unionreturns.tasks.send_season_reminders",
        "schedule": 4 * 3600.0,
        "options": {"expires": 3600},
    },
}
