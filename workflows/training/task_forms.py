"""The forms of the training process's steps (core's TaskForm: `apply` runs under the process lock)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.base.templatetags.bangla import local_date, local_digits
from workflows.core.contract import TaskForm, TransitionNotPossible
from workflows.core.forms import officer_text_field


class CompletionForm(TaskForm):
    """The course director's attendance sheet: a box per trainee and day, and who completed the course.

    Fields are named by the trainee's id (`present_<trainee>_<day>`, `completed_<trainee>`), so a form
    shown before a trainee was added or removed cannot tick the wrong person's box.
    """

    body_template = "training/admin/completion_form.html"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        batch = self.case
        self.days = batch.days()
        self.trainees = list(batch.trainees.prefetch_related("attendance"))
        self.rows = []
        for trainee in self.trainees:
            attended = {a.day for a in trainee.attendance.all()}
            day_fields = []
            for index, day in enumerate(self.days):
                name = f"present_{trainee.pk}_{index}"
                self.fields[name] = forms.BooleanField(required=False, initial=day in attended, label=local_date(day))
                day_fields.append(name)
            completed = f"completed_{trainee.pk}"
            self.fields[completed] = forms.BooleanField(
                required=False, initial=trainee.completed, label=_("Completed the course")
            )
            self.rows.append((trainee, day_fields, completed))
        # The comment last, under the grid.
        self.fields["comment"] = self.fields.pop("comment")

    def grid(self):
        """[(trainee, [bound day fields], bound completion field)] for the template."""
        return [(trainee, [self[name] for name in days], self[completed]) for trainee, days, completed in self.rows]

    def clean(self):
        cleaned = super().clean()
        if not self.trainees:
            raise forms.ValidationError(_("The batch has no trainees yet: import them before sending it for approval."))
        required = self.case.course.required_days
        for trainee, day_fields, completed in self.rows:
            attended = sum(1 for name in day_fields if cleaned.get(name))
            if cleaned.get(completed) and attended < required:
                self.add_error(
                    completed,
                    _("%(name)s attended %(attended)s of the %(required)s days needed to complete the course.")
                    % {"name": trainee.name_bn, "attended": local_digits(attended), "required": local_digits(required)},
                )
        return cleaned

    def attendance(self) -> dict:
        """{trainee: ([days present], completed)} from the valid form."""
        return {
            trainee: (
                [day for day, name in zip(self.days, day_fields, strict=True) if self.cleaned_data.get(name)],
                bool(self.cleaned_data.get(completed)),
            )
            for trainee, day_fields, completed in self.rows
        }

    def apply(self, activation, user):
        from .services import record_attendance

        batch = self.locked_case()
        if batch.status not in (batch.Status.REGISTERED, batch.Status.RETURNED):
            raise TransitionNotPossible()
        record_attendance(batch, self.attendance())
        return self.transition(batch, "send_for_approval", activation=activation, user=user)


class ApprovalForm(TaskForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approve", _("Approve: issue the certificates")),
            ("return_to_director", _("Return to the course director")),
        ],
        widget=forms.RadioSelect,
    )
    reason = officer_text_field(
        _("Reason for returning"), required=False, help_text=_("The course director reads this."), rows=3
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return_to_director" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why the batch is returned, so that the course director can correct it."))
        return cleaned

    def apply(self, activation, user):
        batch = self.locked_case()
        if batch.status != batch.Status.SUBMITTED:
            raise TransitionNotPossible()
        if self.cleaned_data["decision"] == "approve":
            return self.transition(batch, "approve", timezone.now(), activation=activation, user=user)
        reason = self.cleaned_data["reason"].strip()
        return self.transition(batch, "return_to_director", reason, activation=activation, user=user)
