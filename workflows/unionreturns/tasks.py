"""Celery jobs of the annual returns (schedule.py); idempotent: safe to run twice or concurrently."""

from celery import shared_task

from . import season


@shared_task(acks_late=True)
def send_season_reminders():
    return season.send_season_reminders()
