from django.db import transaction

from workflows.core.contract import file_case

from .flows import LeaveFlow
from .models import LeaveRequest


def apply_for_leave(*, office, starts_on, ends_on, reason, email="", language="bn") -> LeaveRequest:
    with transaction.atomic():
        leave = file_case(
            LeaveRequest(
                office=office, starts_on=starts_on, ends_on=ends_on, reason=reason, email=email, language=language
            )
        )
        LeaveFlow.start.run(leave=leave)
    return leave
