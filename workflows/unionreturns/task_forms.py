"""The forms of the annual-return process's steps (core's TaskForm: `apply` runs under the process lock)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pages.base.templatetags.bangla import local_digits
from workflows.core.contract import TaskForm, TransitionNotPossible
from workflows.core.forms import officer_text_field

MAX_REMARKS = 30


def remark_items(text: str) -> list[str]:
    """One remark a line (a leading "1.", "-" or "•" dropped), blank lines skipped."""
    items = []
    for line in (text or "").splitlines():
        item = line.strip().lstrip("-•*").strip()
        head, _sep, rest = item.partition(".")
        if rest and head.strip().isdigit():
            item = rest.strip()
        if item:
            items.append(item)
    return items


class ExaminationForm(TaskForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Accept: send to the office head for certification")),
            ("return_to_union", _("Return to the union with remarks")),
        ],
        widget=forms.RadioSelect,
    )
    remarks = officer_text_field(
        _("Remarks to the union"),
        required=False,
        help_text=_("One remark a line: the union sees them numbered on its page and corrects each."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return_to_union":
            items = remark_items(cleaned.get("remarks", ""))
            if not items:
                self.add_error("remarks", _("Write what the union must correct, one remark a line."))
            elif len(items) > MAX_REMARKS:
                self.add_error(
                    "remarks",
                    ValidationError(_("Write at most %(count)s remarks."), params={"count": local_digits(MAX_REMARKS)}),
                )
            cleaned["items"] = items
        return cleaned

    def apply(self, activation, user):
        from .services import decide_version

        annual_return = self.locked_case()
        if annual_return.status not in (annual_return.Status.SUBMITTED, annual_return.Status.UNDER_EXAMINATION):
            raise TransitionNotPossible()
        if self.cleaned_data["decision"] == "accept":
            decide_version(annual_return, accepted=True)
            return self.transition(annual_return, "accept", timezone.now(), activation=activation, user=user)
        items = self.cleaned_data["items"]
        decide_version(annual_return, accepted=False, remarks=items)
        public = "\n".join(f"{local_digits(n)}. {item}" for n, item in enumerate(items, 1))
        return self.transition(annual_return, "return_to_union", activation=activation, user=user, public_text=public)


class CertificationForm(TaskForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("certify", _("Certify the audited statement: issue the certificate")),
            ("send_back_to_examiner", _("Send back to the examiner")),
        ],
        widget=forms.RadioSelect,
    )
    reason = officer_text_field(
        _("Reason for sending back"), required=False, help_text=_("The examiner reads this."), rows=3
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "send_back_to_examiner" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why the return goes back to the examiner."))
        return cleaned

    def apply(self, activation, user):
        annual_return = self.locked_case()
        if annual_return.status != annual_return.Status.ACCEPTED:
            raise TransitionNotPossible()
        if self.cleaned_data["decision"] == "certify":
            return self.transition(annual_return, "certify", timezone.now(), activation=activation, user=user)
        reason = self.cleaned_data["reason"].strip()
        comment = "\n".join(filter(None, [reason, self.cleaned_data.get("comment", "")]))
        self.cleaned_data["comment"] = comment
        return self.transition(annual_return, "send_back_to_examiner", activation=activation, user=user)
