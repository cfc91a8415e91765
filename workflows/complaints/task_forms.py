"""Forms officers fill on a complaint's task page; `apply` runs under the task's process lock."""

from django import forms
from django.utils.translation import gettext_lazy as _

from workflows.core.models import Office
from workflows.core.services import TaskNotAvailable

from . import decisions
from .decisions import Decision
from .models import Complaint

TEXT_REQUIRED = {
    Decision.REQUEST_INFORMATION: _("Write the question the complainant should answer."),
    Decision.RESOLVE: _("Write the reply the complainant will read."),
    Decision.REJECT: _("Write the reason the complainant will read."),
}


class TaskForm(forms.Form):
    """Common to task forms: the post the form was shown for, to refuse it once the task moved on."""

    post_id = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Internal comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by officers only."),
    )

    def __init__(self, *args, process, route, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        self.route = route

    def locked_complaint(self) -> Complaint:
        return Complaint.objects.select_for_update().select_related("office").get(pk=self.process.complaint_id)


class ReviewForm(TaskForm):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Question, reply or reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The complainant sees this text on the status page and in the notification."),
    )
    to_office = forms.ModelChoiceField(label=_("Forward to office"), queryset=Office.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        complaint = self.process.complaint
        self.fields["decision"].choices = [
            (decision, Decision.LABELS[decision]) for decision in decisions.available_decisions(complaint)
        ]
        self.fields["to_office"].queryset = Office.objects.exclude(pk=complaint.office_id)

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision in TEXT_REQUIRED and not cleaned.get("text", "").strip():
            self.add_error("text", TEXT_REQUIRED[decision])
        if decision == Decision.FORWARD and not cleaned.get("to_office"):
            self.add_error("to_office", _("Choose the office to forward the complaint to."))
        return cleaned

    def apply(self, activation, user):
        complaint = self.locked_complaint()
        decision = self.cleaned_data["decision"]
        if decision not in decisions.available_decisions(complaint):
            raise TaskNotAvailable(_("The complaint has moved on since this form was shown. Nothing was changed."))
        return decisions.decide(
            complaint,
            decision,
            user,
            self.route.post,
            text=self.cleaned_data.get("text", "").strip(),
            to_office=self.cleaned_data.get("to_office"),
            comment=self.cleaned_data.get("comment", ""),
            event_id=str(activation.task.pk),
        )


class AppealDecisionForm(TaskForm):
    reply = forms.CharField(
        label=_("Decision on the appeal"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("The complainant sees this text on the status page and in the notification."),
    )

    def apply(self, activation, user):
        complaint = self.locked_complaint()
        if complaint.status != Complaint.Status.APPEALED:
            raise TaskNotAvailable(_("The complaint has moved on since this form was shown. Nothing was changed."))
        decisions.decide_appeal(
            complaint,
            user,
            self.route.post,
            reply=self.cleaned_data["reply"].strip(),
            comment=self.cleaned_data.get("comment", ""),
            event_id=str(activation.task.pk),
        )
        return "appeal_decided"
