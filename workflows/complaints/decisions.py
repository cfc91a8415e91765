"""What officers decide on a complaint and what follows from it: the record's transition, the audit
entry and the complainant's notification, in the caller's transaction (the task's lock)."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from workflows.core.notifications.services import notify
from workflows.core.services import record

from .models import Complaint


class Decision:
    ACCEPT = "accept"
    REQUEST_INFORMATION = "request_information"
    FORWARD = "forward"
    RESOLVE = "resolve"
    REJECT = "reject"

    LABELS = {
        ACCEPT: _("Accept the complaint for review"),
        REQUEST_INFORMATION: _("Ask the complainant for more information"),
        FORWARD: _("Forward to another office"),
        RESOLVE: _("Resolve with a reply"),
        REJECT: _("Reject with a reason"),
    }
    # Which decisions the record's current status allows (the transitions decide; this orders the menu).
    ORDER = (ACCEPT, REQUEST_INFORMATION, FORWARD, RESOLVE, REJECT)


# The notification each decision sends to the complainant (templates are editable in the admin).
NOTIFICATIONS = {
    Decision.REQUEST_INFORMATION: "complaint-information-requested",
    Decision.FORWARD: "complaint-forwarded",
    Decision.RESOLVE: "complaint-decided",
    Decision.REJECT: "complaint-decided",
}


def available_decisions(complaint: Complaint) -> list[str]:
    transitions = {t.name for t in complaint.get_available_status_transitions()}
    return [decision for decision in Decision.ORDER if decision in transitions]


def notify_complainant(complaint: Complaint, template_key: str, event: str) -> None:
    if complaint.is_anonymous:
        return
    with translation.override(complaint.language):  # the status label in the complainant's language
        status = str(complaint.get_status_display())
    notify(
        template_key,
        language=complaint.language,
        email=complaint.email or None,
        phone=complaint.mobile or None,
        context={
            "tracking_number": complaint.tracking_number,
            "status": status,
            "public_reply": complaint.public_reply,
            "question": complaint.information_request,
            "office": complaint.office.name_en if complaint.language == "en" else complaint.office.name_bn,
        },
        idempotency_key=f"complaint-{complaint.pk}-{event}",
    )


def decide(complaint: Complaint, decision: str, user, post, *, text="", to_office=None, comment="", event_id=""):
    """Apply an officer's decision to a locked, fresh complaint; returns the decision for the task's record."""
    from_state = complaint.status
    if decision == Decision.ACCEPT:
        complaint.accept()
    elif decision == Decision.REQUEST_INFORMATION:
        complaint.request_information(text)
    elif decision == Decision.FORWARD:
        complaint.forward(to_office)
    elif decision == Decision.RESOLVE:
        complaint.resolve(text)
    elif decision == Decision.REJECT:
        complaint.reject(text)
    else:  # pragma: no cover - the form offers only the decisions above
        raise ValueError(decision)
    _save_and_record(complaint, decision, from_state, user, post, comment=comment, public_text=text)
    if decision in NOTIFICATIONS:
        notify_complainant(complaint, NOTIFICATIONS[decision], f"{decision}-{event_id}")
    return decision


def decide_appeal(complaint: Complaint, user, post, *, reply, comment="", event_id=""):
    from_state = complaint.status
    complaint.decide_appeal(reply)
    _save_and_record(complaint, "decide_appeal", from_state, user, post, comment=comment, public_text=reply)
    notify_complainant(complaint, "complaint-appeal-decided", f"appeal-decided-{event_id}")


def _save_and_record(complaint, action, from_state, user, post, *, comment, public_text):
    complaint.save()
    record(
        f"complaint.{action}",
        actor=user,
        obj=complaint,
        post=post,
        case_label=complaint.tracking_number,
        from_state=from_state,
        to_state=complaint.status,
        comment=comment,
        data={"public_text": public_text} if public_text else None,
    )
