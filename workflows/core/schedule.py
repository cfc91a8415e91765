"""Periodic jobs of the workflow core, collected into CELERY_BEAT_SCHEDULE (config/schedule.py).

Every job only polls the database (timers live in tables, never as messages scheduled ahead) and is
idempotent; `expires` drops a run nobody picked up before the next one is due."""

BEAT_SCHEDULE = {
    "sla-reminders": {
        "task": "workflows.core.tasks.send_sla_reminders",
        "schedule": 300.0,
        "options": {"expires": 290},
    },
    "sla-escalation": {
        "task": "workflows.core.tasks.escalate_overdue_tasks",
        "schedule": 300.0,
        "options": {"expires": 290},
    },
    # viewflow's own database-backed timers (flow.Timer, OnTimeout, StartTimer, ConditionalCatch).
    "workflow-timers": {
        "task": "workflows.core.tasks.fire_workflow_timers",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Background jobs (BackgroundJob nodes) whose worker died are queued again.
    "background-jobs": {
        "task": "workflows.core.tasks.resume_background_jobs",
        "schedule": 120.0,
        "options": {"expires": 110},
    },
}
