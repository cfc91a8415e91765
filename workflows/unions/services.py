"""Writes of the union register: registering and importing unions, cancelling a registration, inviting and
deactivating representatives, and the one-time sign-in codes. Each is one transaction with its audit entry.
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from pages.base.templatetags.bangla import local_digits
from workflows.core.notifications.models import Channel, NotificationTemplate
from workflows.core.notifications.services import notify
from workflows.core.notifications.sms import get_sms_backend, normalize_bd_mobile
from workflows.core.services import TransitionNotPossible, record

from .models import MAX_ACTIVE_REPRESENTATIVES, OfficeBearer, Position, Representative, SignInCode, Union

CODE_DIGITS = 6
CODE_MINUTES = 10
MAX_WRONG_TRIES = 5
INVITATION_TEMPLATE = "union-representative-invited"
CODE_TEMPLATE = "union-sign-in-code"

TOO_MANY_REPRESENTATIVES = _("A union may have at most %(limit)s active representatives.")
MOBILE_TAKEN = _("This mobile number already signs in for a union.")
UNION_CANCELLED = _("The registration of this union has been cancelled.")


# --- The register ---------------------------------------------------------------------------------


def register_union(*, actor=None, office_bearers=(), **fields) -> Union:
    """A new union in the register (with office-bearers: dicts of name, position, mobile), recorded."""
    with transaction.atomic():
        union = Union(**fields)
        union.full_clean()
        union.save()
        for order, bearer in enumerate(office_bearers):
            OfficeBearer.objects.create(union=union, sort_order=order, **bearer)
        record_registered(union, actor=actor)
    return union


def record_registered(union, *, actor=None, action="union.register") -> None:
    record(action, actor=actor, obj=union, case_label=union.registration_number, to_state=union.status)


def import_unions(office, rows, *, actor=None) -> list[Union]:
    """Unions from an import's clean rows into `office`; a row's general secretary becomes its office-bearer."""
    unions = []
    with transaction.atomic():
        for row in rows:
            row = dict(row)
            secretary = {
                "name": row.pop("secretary_name", "") or "",
                "mobile": row.pop("secretary_mobile", "") or "",
            }
            bearers = [{**secretary, "position": Position.GENERAL_SECRETARY}] if secretary["name"] else []
            unions.append(register_union(actor=actor, office=office, office_bearers=bearers, **row))
        record(
            "union.import",
            actor=actor,
            obj=office,
            data={"count": len(unions), "unions": [u.pk for u in unions]},
        )
    return unions


def cancel_union(union, *, on: datetime.date, reason: str, actor=None) -> Union:
    """Cancel the union's registration (from `on`, for `reason`); its representatives can no longer file."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the cancellation.")})
    if on > timezone.localdate():
        raise ValidationError({"on": _("The date of cancellation cannot be in the future.")})
    with transaction.atomic():
        union = Union.objects.select_for_update().get(pk=union.pk)
        if on < union.registered_on:
            raise ValidationError({"on": _("The registration cannot be cancelled before it was made.")})
        if not union.is_active:
            raise TransitionNotPossible(_("This union's registration is already cancelled. Nothing was changed."))
        from_state = union.status
        union.cancel(on, reason)
        union.save()
        record(
            "union.cancel",
            actor=actor,
            obj=union,
            case_label=union.registration_number,
            from_state=from_state,
            to_state=union.status,
            comment=reason,
            data={"cancelled_on": on.isoformat()},
        )
    return union


# --- Representatives ------------------------------------------------------------------------------


def portal_link(language: str) -> str:
    with translation.override(language):
        path = reverse("unions:sign_in")
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def invite_representative(
    union, *, name, position, mobile, invited_by=None, by_representative=None, language="bn"
) -> Representative:
    """A new active representative of `union`, sent the invitation SMS; ValidationError (nothing saved)
    for a cancelled union, a fourth active representative or a mobile number that already signs in."""
    mobile = normalize_bd_mobile(mobile)
    with transaction.atomic():
        union = Union.objects.select_for_update().get(pk=union.pk)
        if not union.may_file:
            raise ValidationError(UNION_CANCELLED, code="union_cancelled")
        if union.representatives.filter(active=True).count() >= MAX_ACTIVE_REPRESENTATIVES:
            raise ValidationError(
                TOO_MANY_REPRESENTATIVES,
                code="too_many_representatives",
                params={"limit": local_digits(MAX_ACTIVE_REPRESENTATIVES)},
            )
        if Representative.objects.filter(mobile=mobile, active=True).exists():
            raise ValidationError({"mobile": MOBILE_TAKEN})
        try:
            with transaction.atomic():
                representative = Representative.objects.create(
                    union=union,
                    name=name.strip(),
                    position=position,
                    mobile=mobile,
                    invited_by=invited_by if invited_by is not None and invited_by.is_authenticated else None,
                    invited_by_representative=by_representative,
                )
        except IntegrityError:  # the same number invited at the same moment elsewhere
            raise ValidationError({"mobile": MOBILE_TAKEN}) from None
        record(
            "representative.invite",
            actor=invited_by,
            obj=union,
            case_label=union.registration_number,
            comment=f"{representative.name} ({representative.get_position_display()})",
            data={"representative": representative.pk, "by_representative": getattr(by_representative, "pk", None)},
        )
        notify(
            INVITATION_TEMPLATE,
            language=language,
            phone=mobile,
            context={"name": representative.name, "union": union.name, "link": portal_link(language)},
            idempotency_key=f"union-representative-{representative.pk}-invited",
        )
    return representative


def deactivate_representative(representative, *, actor=None) -> Representative:
    with transaction.atomic():
        representative = Representative.objects.select_for_update().select_related("union").get(pk=representative.pk)
        if not representative.active:
            return representative
        representative.active = False
        representative.save(update_fields=["active"])
        record(
            "representative.deactivate",
            actor=actor,
            obj=representative.union,
            case_label=representative.union.registration_number,
            comment=representative.name,
            data={"representative": representative.pk},
        )
    return representative


# --- One-time sign-in codes -----------------------------------------------------------------------


def representative_for_mobile(mobile):
    """Who signs in with this number: its active representative, else the latest one (who may look only)."""
    return (
        Representative.objects.filter(mobile=mobile)
        .select_related("union")
        .order_by("-active", "-invited_at", "-pk")
        .first()
    )


def _hash(representative_id, code) -> str:
    return salted_hmac("workflows.unions.sign-in-code", f"{representative_id}:{code}", algorithm="sha256").hexdigest()


def send_sign_in_code(mobile: str, *, language="bn") -> bool:
    """Send a new code to `mobile` if a representative signs in with it (earlier codes stop working).

    The code is sent straight to the SMS gateway, not through the notification outbox, so it is never
    stored in clear. Returns whether a code was sent; the caller must not tell the visitor.
    """
    representative = representative_for_mobile(mobile)
    if representative is None:
        return False
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    now = timezone.now()
    with transaction.atomic():
        SignInCode.objects.filter(representative=representative, used_at__isnull=True).update(used_at=now)
        SignInCode.objects.create(
            representative=representative,
            code_hash=_hash(representative.pk, code),
            expires_at=now + datetime.timedelta(minutes=CODE_MINUTES),
        )
    template = NotificationTemplate.objects.get(key=CODE_TEMPLATE)
    _subject, text = template.render(Channel.SMS, language, {"code": code, "minutes": CODE_MINUTES})
    get_sms_backend(fail_silently=True).send(mobile, text)
    return True


class CodeRefused(Exception):
    """The code does not sign in: `reason` is "wrong", "expired" or "too_many" (a new code is needed)."""

    def __init__(self, reason, tries_left=None):
        super().__init__(reason)
        self.reason = reason
        self.tries_left = tries_left


def check_sign_in_code(mobile: str, code: str) -> Representative:
    """The representative the code signs in (the code is used up), or CodeRefused.

    A number that signs in for no union is refused as "wrong", like a wrong code: the answer must not
    tell whether the number is registered. A wrong try is counted (committed) before the refusal."""
    code = "".join(ch for ch in local_latin(code) if ch.isdigit())
    now = timezone.now()
    refusal = None
    with transaction.atomic():
        representative = representative_for_mobile(mobile)
        pending = (
            SignInCode.objects.select_for_update()
            .filter(representative=representative, used_at__isnull=True)
            .order_by("-created_at")
            .first()
            if representative is not None
            else None
        )
        if pending is None:
            refusal = CodeRefused("wrong" if representative is None else "expired")
        elif pending.wrong_tries >= MAX_WRONG_TRIES:
            refusal = CodeRefused("too_many")
        elif pending.expires_at <= now:
            refusal = CodeRefused("expired")
        elif len(code) != CODE_DIGITS or not constant_time_compare(pending.code_hash, _hash(representative.pk, code)):
            pending.wrong_tries += 1
            pending.save(update_fields=["wrong_tries"])
            left = MAX_WRONG_TRIES - pending.wrong_tries
            refusal = CodeRefused("wrong" if left else "too_many", tries_left=left)
        else:
            pending.used_at = now
            pending.save(update_fields=["used_at"])
            representative.last_signed_in_at = now
            representative.save(update_fields=["last_signed_in_at"])
            record(
                "representative.sign_in",
                obj=representative.union,
                case_label=representative.union.registration_number,
                comment=representative.name,
                data={"representative": representative.pk},
            )
    if refusal is not None:
        raise refusal
    return representative


def local_latin(text) -> str:
    from pages.base.bengali_calendar import to_latin_digits

    return to_latin_digits(str(text or ""))
