"""Sign-in lockouts (django-axes): who is locked out now, and unlocking them from the admin."""

from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Max, Sum
from django.utils import timezone
from wagtail.log_actions import log

from .services import concrete


@dataclass(frozen=True)
class Lockout:
    kind: str  # "username" or "ip"
    value: str
    failures: int
    last_attempt: datetime

    @property
    def unlocks_at(self) -> datetime:
        return self.last_attempt + settings.AXES_COOLOFF_TIME


def current_lockouts() -> list[Lockout]:
    """User names and addresses with at least AXES_FAILURE_LIMIT failures within the cool-off time.

    Two grouped queries whatever the number of attempts, counted as django-axes counts them (the sum of
    the failures recorded for that user name, or for that address).
    """
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME)
    limit = settings.AXES_FAILURE_LIMIT
    found = []
    recent_named = recent.exclude(username="")
    for kind, field in (("username", "username"), ("ip", "ip_address")):
        rows = (
            (recent_named if kind == "username" else recent)
            .exclude(**{f"{field}__isnull": True})
            .values(field)
            .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
            .filter(failures__gte=limit)
            .order_by("-last_attempt")
        )
        found += [Lockout(kind, row[field], row["failures"], row["last_attempt"]) for row in rows]
    return sorted(found, key=lambda lockout: lockout.last_attempt, reverse=True)


def unlock(kind: str, value: str, *, by) -> int:
    """Forget the failed sign-ins of this user name or address; recorded in the log against the unlocking user."""
    removed = reset(username=value) if kind == "username" else reset(ip=value)
    if removed:
        log(instance=concrete(by), action="accounts.unlocked", user=by, data={"kind": kind, "value": value})
    return removed
