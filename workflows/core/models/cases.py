"""The abstract case every process's record stands on: a tracking number, an office, a status, a contact.

See workflows/core/contract.py for how a process declares its case. The status is django-fsm-2's: the
subclass redeclares `status` with its own choices and writes its transitions as methods that change
the record's own fields only; `services.transition` is the one way a case changes state (it saves,
writes the audit entry and queues the notification declared in `notifications`).
"""

from typing import ClassVar

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField

from .. import codes


class Case(ConcurrentTransitionMixin, models.Model):
    """What every process's case has. ConcurrentTransitionMixin makes a save fail (ConcurrentTransition)
    when another request changed the status since this copy was read: two writers cannot both win.

    A subclass declares:
      * `tracking_prefix`: e.g. "GRS" → tracking numbers `GRS-7KQ2M9XA4D`;
      * `Status` (TextChoices) and `status = FSMField(choices=Status.choices, default=…, protected=True)`;
      * `status_groups`: named sets of statuses ("open", "decided"…), the only place they are listed;
      * `notifications`: transition name (or "submit") → notification template key sent to the contact;
      * optionally `public_status_labels`: what a citizen reads for a status, where it differs from
        the officers' label.
    """

    tracking_prefix: ClassVar[str] = ""
    status_groups: ClassVar[dict[str, tuple[str, ...]]] = {}
    notifications: ClassVar[dict[str, str]] = {}
    public_status_labels: ClassVar[dict] = {}

    tracking_number = models.CharField(_("tracking number"), max_length=24, unique=True, editable=False)
    office = models.ForeignKey(
        "workflows_core.Office", verbose_name=_("office"), on_delete=models.PROTECT, related_name="+"
    )
    # Redeclared by each case model with its own choices and default.
    status = FSMField(_("status"), max_length=30, protected=True)
    contact_name = models.CharField(_("name"), max_length=150, blank=True)
    mobile = models.CharField(_("mobile number"), max_length=14, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="bn")
    # Only a hash: the code is shown once, and is the only key to a case filed without contact details.
    access_code_hash = models.CharField(_("access code (hashed)"), max_length=128, blank=True, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.tracking_number

    def save(self, *args, **kwargs):
        if not self.tracking_number:
            # Random, so a clash is rare (1 in 2⁵⁰ per pair); draw again rather than fail.
            number = codes.new_tracking_number(self.tracking_prefix)
            while type(self).objects.filter(tracking_number=number).exists():
                number = codes.new_tracking_number(self.tracking_prefix)
            self.tracking_number = number
        super().save(*args, **kwargs)

    # --- Tracking numbers and access codes ------------------------------------------------------

    @classmethod
    def normalize_tracking_number(cls, text) -> str | None:
        return codes.normalize_tracking_number(text, cls.tracking_prefix)

    def issue_access_code(self) -> str:
        """Set a new access code and return it in clear; only its hash is kept."""
        code = codes.new_access_code()
        self.access_code_hash = make_password(code)
        return code

    def check_access_code(self, code: str) -> bool:
        return bool(self.access_code_hash) and check_password(codes.normalize_access_code(code), self.access_code_hash)

    # --- Statuses ---------------------------------------------------------------------------------

    @classmethod
    def statuses(cls, group: str) -> tuple[str, ...]:
        return cls.status_groups[group]

    def in_group(self, group: str) -> bool:
        return self.status in self.status_groups[group]

    @classmethod
    def status_label(cls, status: str, *, public: bool = False):
        """The officers' label of a status, or (public=True) what the citizen reads."""
        if public and status in cls.public_status_labels:
            return cls.public_status_labels[status]
        return dict(cls._meta.get_field("status").flatchoices).get(status, status)

    @property
    def public_status_display(self):
        return self.status_label(self.status, public=True)

    # --- Notifications to the contact -------------------------------------------------------------

    def notification_context(self) -> dict:
        """What the case's notification templates may use; a subclass adds its own fields."""
        office = self.office
        return {
            "tracking_number": self.tracking_number,
            "status": str(self.public_status_display),
            "office": office.name_en if self.language == "en" else office.name_bn,
        }

    def notify_contact(self, template_key: str, event: str) -> None:
        """Queue `template_key` to the case's mobile and email, in its language, once per `event`."""
        from ..notifications.services import notify

        if not (self.email or self.mobile):
            return
        with translation.override(self.language):  # labels in the contact's language
            context = self.notification_context()
        notify(
            template_key,
            language=self.language,
            email=self.email or None,
            phone=self.mobile or None,
            context=context,
            idempotency_key=f"{self._meta.model_name}-{self.pk}-{event}",
        )
