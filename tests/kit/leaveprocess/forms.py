from django import forms
from django.utils.translation import gettext_lazy as _

from workflows.core.contract import TaskForm, TransitionNotPossible


class ApprovalForm(TaskForm):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("refuse", _("Refuse"))], widget=forms.RadioSelect
    )

    def apply(self, activation, user):
        leave = self.locked_case()
        if leave.status != leave.Status.SUBMITTED:
            raise TransitionNotPossible()
        return self.transition(leave, self.cleaned_data["decision"], activation=activation, user=user)


class RecordForm(TaskForm):
    register_number = forms.CharField(label=_("Leave register number"), max_length=30)

    def apply(self, activation, user):
        number = self.cleaned_data["register_number"]
        return self.transition(self.locked_case(), "record", number, activation=activation, user=user)
