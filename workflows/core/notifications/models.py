"""Notification texts edited in the admin, and the outbox that records every email and SMS to send."""

from django.core.exceptions import ValidationError
from django.db import models
from django.template import Context, Template, TemplateSyntaxError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

# The languages a template is written in; the first is the fallback when a text is left blank.
LANGUAGES = ("bn", "en")


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("SMS")


def supported_language(language: str | None) -> str:
    """The template language for a language code: `en-gb` → `en`; None → Bengali, the site's default."""
    code = (language or LANGUAGES[0]).lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        raise ValueError(f"Notifications are written in {', '.join(LANGUAGES)}, not {language!r}")
    return code


def render_text(source: str, context: dict, language: str) -> str:
    """Render a plain-text template: no HTML escaping (an SMS must not show `&amp;`), in `language`
    so that `{% load bangla %}{{ value|local_digits }}` and translated filters follow the message."""
    with translation.override(language):
        return Template(source).render(Context(context or {}, autoescape=False))


class NotificationTemplate(models.Model):
    """The email and SMS texts of one kind of notification, in Bengali and English."""

    TEXT_FIELDS = ("email_subject", "email_body", "sms")

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("The name the code uses for this notification, e.g. complaint-received. Do not change it."),
    )
    description = models.CharField(_("description"), max_length=255, blank=True)
    email_subject_bn = models.CharField(_("email subject (Bengali)"), max_length=255, blank=True)
    email_subject_en = models.CharField(_("email subject (English)"), max_length=255, blank=True)
    email_body_bn = models.TextField(_("email body (Bengali)"), blank=True)
    email_body_en = models.TextField(_("email body (English)"), blank=True)
    sms_bn = models.TextField(_("SMS (Bengali)"), blank=True)
    sms_en = models.TextField(_("SMS (English)"), blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("notification template")
        verbose_name_plural = _("notification templates")

    def __str__(self):
        return self.key

    def clean(self):
        # A template that does not compile would only fail in the worker, long after the admin saved it.
        errors = {}
        for name in self.TEXT_FIELDS:
            for language in LANGUAGES:
                field = f"{name}_{language}"
                try:
                    Template(getattr(self, field))
                except TemplateSyntaxError as error:
                    errors[field] = ValidationError(
                        _("This text has a template error: %(error)s"), code="template_syntax", params={"error": error}
                    )
        if errors:
            raise ValidationError(errors)

    def sources(self, channel: str, language: str) -> tuple[str, str]:
        """The (subject, body) template sources for a channel; a blank text falls back to Bengali."""
        language = supported_language(language)
        channel = Channel(channel)
        for lang in dict.fromkeys([language, LANGUAGES[0]]):
            if channel == Channel.EMAIL:
                subject, body = getattr(self, f"email_subject_{lang}"), getattr(self, f"email_body_{lang}")
            else:
                subject, body = "", getattr(self, f"sms_{lang}")
            if body.strip():
                return subject, body
        return "", ""

    def render(self, channel: str, language: str, context: dict | None = None) -> tuple[str, str]:
        """The rendered (subject, body) for `channel` in `language`; the subject of an SMS is empty.

        Both are empty when the template has no text for the channel: the admin leaves a channel's
        text blank to switch that channel off for this notification."""
        language = supported_language(language)
        subject_source, body_source = self.sources(channel, language)
        if not body_source.strip():
            return "", ""
        # A mail header cannot hold a line break, and the outbox column is 255 long.
        subject = " ".join(render_text(subject_source, context, language).split())[:255]
        return subject, render_text(body_source, context, language).strip()


class OutboxMessage(models.Model):
    """One email or SMS to send, written in the same transaction as the event that caused it.

    The row is the record of truth: Celery messages only say "look at row N" and may be lost or
    repeated; the periodic sweeper (`tasks.flush_outbox`) finds what is still pending. A row is never
    locked while it is sent: see tasks.deliver_message."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    recipient = models.CharField(_("recipient"), max_length=254)
    language = models.CharField(_("language"), max_length=8, default=LANGUAGES[0])
    template_key = models.SlugField(_("template"), max_length=80, blank=True)
    subject = models.CharField(_("subject"), max_length=255, blank=True)
    body = models.TextField(_("body"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    idempotency_key = models.CharField(
        _("idempotency key"),
        max_length=200,
        help_text=_("Names the event that caused the message; the same event is stored once per channel."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    # Set when a worker claims the row to send it (tasks.deliver_message), cleared when it records the
    # outcome. The claim also moves next_attempt_at to this moment: a worker that died while sending
    # leaves the row pending and due again once the claim has run out.
    sending_until = models.DateTimeField(_("sending until"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        constraints = [
            # The database, not the code, guarantees that a repeated event queues nothing new.
            models.UniqueConstraint(fields=["idempotency_key", "channel"], name="notifications_outbox_once"),
        ]
        indexes = [
            # The sweeper's query: pending rows by due time; sent rows (almost all of them) stay out.
            models.Index(
                fields=["next_attempt_at"], name="notifications_outbox_due", condition=models.Q(status="pending")
            ),
        ]

    def __str__(self):
        return f"{self.get_channel_display()} → {self.recipient} ({self.get_status_display()})"
