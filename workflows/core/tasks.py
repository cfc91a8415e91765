"""Celery beat jobs of the workflow core (idempotent: safe to run twice or concurrently)."""

from celery import shared_task

from . import sla


@shared_task(acks_late=True)
def send_sla_reminders():
    return sla.send_reminders()


@shared_task(acks_late=True)
def escalate_overdue_tasks():
    return sla.escalate_overdue()
