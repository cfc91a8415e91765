"""Forms officers fill on a complaint's task page (core's TaskForm: `apply` runs under the process lock)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.core.forms import TaskForm, officer_text_field
from workflows.core.models import Office
from workflows.core.services import TransitionNotPossible

from .models import ComplaintSettings


class Decision:
    """The GRO's decisions: each is a transition of the complaint of the same name."""

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
    # The order of the menu; which of them the complaint's status allows, its transitions decide.
    ORDER = (ACCEPT, REQUEST_INFORMATION, FORWARD, RESOLVE, REJECT)
    # The complainant reads this text: on the status page and in the notification.
    TEXT_REQUIRED = {
        REQUEST_INFORMATION: _("Write the question the complainant should answer."),
        RESOLVE: _("Write the reply the complainant will read."),
        REJECT: _("Write the reason the complainant will read."),
    }


def available_decisions(complaint) -> list[str]:
    transitions = {t.name for t in complaint.get_available_status_transitions()}
    return [decision for decision in Decision.ORDER if decision in transitions]


class ReviewForm(TaskForm):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    text = officer_text_field(
        _("Question, reply or reason"),
        required=False,
        help_text=_("The complainant sees this text on the status page and in the notification."),
    )
    to_office = forms.ModelChoiceField(label=_("Forward to office"), queryset=Office.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            (decision, Decision.LABELS[decision]) for decision in available_decisions(self.case)
        ]
        self.fields["to_office"].queryset = Office.objects.exclude(pk=self.case.office_id)

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision in Decision.TEXT_REQUIRED and not cleaned.get("text", "").strip():
            self.add_error("text", Decision.TEXT_REQUIRED[decision])
        if decision == Decision.FORWARD and not cleaned.get("to_office"):
            self.add_error("to_office", _("Choose the office to forward the complaint to."))
        return cleaned

    def apply(self, activation, user):
        complaint = self.locked_case()
        decision = self.cleaned_data["decision"]
        if decision not in available_decisions(complaint):
            raise TransitionNotPossible()
        text = self.cleaned_data.get("text", "").strip()
        args = {
            Decision.ACCEPT: (),
            Decision.REQUEST_INFORMATION: (text,),
            Decision.FORWARD: (self.cleaned_data.get("to_office"),),
            Decision.RESOLVE: (text, appeal_deadline()),
            Decision.REJECT: (text, appeal_deadline()),
        }[decision]
        return self.transition(complaint, decision, *args, activation=activation, user=user, public_text=text)


def appeal_deadline():
    """The end of the appeal window for a decision made now."""
    limits = ComplaintSettings.load()
    return limits.due(timezone.now(), limits.appeal_window_days)


class AppealDecisionForm(TaskForm):
    reply = officer_text_field(
        _("Decision on the appeal"),
        help_text=_("The complainant sees this text on the status page and in the notification."),
    )

    def apply(self, activation, user):
        reply = self.cleaned_data["reply"].strip()
        self.transition(self.locked_case(), "decide_appeal", reply, activation=activation, user=user, public_text=reply)
        return "appeal_decided"
