"""Celery jobs of the workflow core, run periodically (schedule.py); idempotent: safe to run twice or concurrently."""

from celery import shared_task
from viewflow.workflow import timers

from . import nodes, sla


@shared_task(acks_late=True)
def send_sla_reminders():
    return sla.send_reminders()


@shared_task(acks_late=True)
def escalate_overdue_tasks():
    return sla.escalate_overdue()


@shared_task(acks_late=True)
def fire_workflow_timers():
    """Fire viewflow's due timers, scheduled process starts and met conditions.

    What viewflow's `workflow_timers` command does; the installed viewflow has no Celery task for it.
    Each timer is re-checked under its flow's lock, so overlapping runs fire it once; scheduled starts
    have no row to lock and rely on there being one beat (or one embedded scheduler)."""
    return {
        "timers": timers.fire_due_timers(),
        "starts": timers.fire_due_start_timers(),
        "conditions": timers.fire_due_conditions(),
    }


@shared_task(acks_late=True)
def run_background_job(task_pk):
    """One BackgroundJob task of a flow (queued when the flow reaches it, and again by the sweep)."""
    return nodes.run_background_job(task_pk)


@shared_task(acks_late=True)
def resume_background_jobs():
    return nodes.resume_background_jobs()
