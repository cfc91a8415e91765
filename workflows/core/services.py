"""Writes of the workflow core: a case's transitions, acting on routed tasks under the process lock, the
audit trail and officers' comments."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed
from viewflow.workflow.models import Task
from viewflow.workflow.status import STATUS

from .access import can_act_for
from .models import AuditEntry, CaseComment, CaseCommentAttachment, Post
from .nodes import may_claim, may_see
from .uploads import CheckedUpload, FilesRemovedOnRollback, save_checked_upload


class TaskNotAvailable(Exception):
    """The task was done, taken by someone else or moved on meanwhile; nothing was changed."""

    def __init__(self, message=None):
        super().__init__(message or _("This task has already been handled by someone else. Nothing was changed."))


def display_name(user) -> str:
    """How screens name a member of staff: the full name, else the user name."""
    return user.get_full_name() or user.get_username()


def record(action, *, actor=None, obj=None, post=None, data=None, **fields):
    """Append one entry to the audit trail (fields: case_label, from_state, to_state, comment)."""
    data = dict(data or {})
    signed_in = actor is not None and actor.is_authenticated
    acting = can_act_for(actor, post) if (actor is not None and post is not None) else None
    if acting is not None and acting.delegated:
        data["delegated"] = True
    return AuditEntry.objects.create(
        actor=actor if signed_in else None,
        actor_name=display_name(actor) if signed_in else "",
        acting_for=post,
        acting_for_label=str(post) if post is not None else "",
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        action=action,
        data=data,
        **fields,
    )


# --- Cases -----------------------------------------------------------------------------------------


class TransitionNotPossible(TaskNotAvailable):
    """The case's status does not allow this transition (any more); nothing was changed."""

    def __init__(self, message=None):
        super().__init__(message or _("The case has moved on since this form was shown. Nothing was changed."))


def file_case(case, *, actor=None, post=None, comment=""):
    """Store a new case and record its filing ("<model>.submit"); queue its "submit" notification.

    Runs in the caller's transaction (a savepoint of its own otherwise); the caller starts the flow.
    """
    with transaction.atomic():
        case.save()
        record(
            f"{case._meta.model_name}.submit",
            actor=actor,
            obj=case,
            post=post,
            case_label=case.tracking_number,
            to_state=case.status,
            comment=comment,
        )
        if "submit" in case.notifications:
            case.notify_contact(case.notifications["submit"], "received")
    return case


def transition(case, name, *args, actor=None, post=None, comment="", public_text="", event="", **kwargs):
    """The one way a case changes state: run its django-fsm transition `name`, save, append one audit
    entry ("<model>.<name>", from → to, who for which post, the comment) and queue the notification the
    case declares for `name` (`Case.notifications`), all in one transaction.

    The caller holds the case fresh and locked (a task form's `locked_case()`, or select_for_update).
    Raises TransitionNotPossible, changing nothing, when the status does not allow `name`. `event` makes
    the notification's idempotency key (default: the audit entry), so a retried event sends once.
    """
    method = getattr(case, name)
    if not can_proceed(method):
        raise TransitionNotPossible()
    from_state = case.status
    with transaction.atomic():
        method(*args, **kwargs)
        case.save()
        entry = record(
            f"{case._meta.model_name}.{name}",
            actor=actor,
            obj=case,
            post=post,
            case_label=case.tracking_number,
            from_state=from_state,
            to_state=case.status,
            comment=comment,
            data={"public_text": public_text} if public_text else None,
        )
        if name in case.notifications:
            case.notify_contact(case.notifications[name], f"{name}-{event or entry.pk}")
    return entry


# --- Tasks -----------------------------------------------------------------------------------------


def _locked_task(task_id):
    """Re-read the task inside the caller's lock, so a decision is made on its latest state."""
    return Task.objects.select_related("process", "route__post__office").get(pk=task_id)


def claim_task(task_id, user):
    """Take an unclaimed task routed to one of the user's posts (or offices, for superusers)."""
    task = Task.objects.select_related("process").get(pk=task_id)
    with task.flow_task.flow_class.lock(task.process_id), transaction.atomic():
        task = _locked_task(task_id)
        if task.status != STATUS.NEW or task.owner_id:
            raise TaskNotAvailable()
        if not may_claim(user, task.route):
            raise TaskNotAvailable(_("You cannot claim this task: it is routed to a post you do not act for."))
        task.flow_task.activation_class(task).assign(user)
        record("task.claim", actor=user, obj=task.process, case_label=task.route.case_label, post=task.route.post)
    return task


def unassign_task(task_id, user):
    task = Task.objects.select_related("process").get(pk=task_id)
    with task.flow_task.flow_class.lock(task.process_id), transaction.atomic():
        task = _locked_task(task_id)
        if task.status != STATUS.ASSIGNED or not task.flow_task.can_unassign(user, task):
            raise TaskNotAvailable()
        task.flow_task.activation_class(task).unassign()
        record("task.unassign", actor=user, obj=task.process, case_label=task.route.case_label, post=task.route.post)
    return task


def reassign_task(task_id, user, post: Post):
    """Route an open task to another post in an office the user may see; it waits there unclaimed."""
    task = Task.objects.select_related("process").get(pk=task_id)
    with task.flow_task.flow_class.lock(task.process_id), transaction.atomic():
        task = _locked_task(task_id)
        route = task.route
        if task.status not in (STATUS.NEW, STATUS.ASSIGNED) or not may_see(user, route):
            raise TaskNotAvailable()
        old_post = route.post
        if task.owner_id:
            task.flow_task.activation_class(task).unassign()
        route.post, route.office = post, post.office
        route.save(update_fields=["post", "office"])
        task.owner_permission_obj_pk = str(post.pk)
        task.save(update_fields=["owner_permission_obj_pk"])
        record(
            "task.reassign",
            actor=user,
            obj=task.process,
            case_label=route.case_label,
            post=old_post,
            data={"to_post": str(post), "to_post_id": post.pk},
        )
    return task


def perform_task(task_id, user, action, *, comment="", expected_post_id=None):
    """Do a human task: check, claim if needed, run `action(activation)`, complete, record — atomically.

    Runs under the flow's process lock (SELECT … FOR UPDATE on PostgreSQL), re-reading the task,
    so of two officers acting at once exactly one succeeds and the other gets TaskNotAvailable.
    `expected_post_id` is the post the form was rendered for: a stale form posted after the task
    was reassigned elsewhere is refused instead of acting on a case the user no longer holds.
    """
    task = Task.objects.select_related("process").get(pk=task_id)
    with task.flow_task.flow_class.lock(task.process_id), transaction.atomic():
        task = _locked_task(task_id)
        route = task.route
        if task.status not in (STATUS.NEW, STATUS.ASSIGNED):
            raise TaskNotAvailable()
        if expected_post_id is not None and route.post_id != expected_post_id:
            raise TaskNotAvailable(_("This task was reassigned while you were working on it. Nothing was changed."))
        activation = task.flow_task.activation_class(task)
        if task.status == STATUS.NEW:
            if not may_claim(user, route):
                raise TaskNotAvailable(_("You cannot act on this task: it is routed to a post you do not act for."))
            activation.assign(user)
        elif task.owner_id != user.pk:
            raise TaskNotAvailable(_("Another officer has claimed this task. Nothing was changed."))
        activation.start(None)
        outcome = action(activation)
        activation.execute()
        record(
            f"task.{task.flow_task.name}",
            actor=user,
            obj=task.process,
            case_label=route.case_label,
            comment=comment,
            post=route.post,
            # The flow, so that the history can name the step in the reader's language.
            data={"flow": route.flow_label, **({"outcome": str(outcome)} if outcome else {})},
        )
    return outcome


def act_on_task(route, user, data: dict, files=None):
    """Fill in and submit the task's form as the officer would on the task page (demo data, imports).

    Raises ValueError when the form is not valid, TaskNotAvailable when the task cannot be acted on.
    """
    form = route.task.flow_task.form_class(
        data={"post_id": route.post_id, **data}, files=files, process=route.task.process.coerced, route=route
    )
    if not form.is_valid():
        raise ValueError(f"{route.case_label}: {form.errors.as_json()}")
    return submit_task_form(route, user, form)


def submit_task_form(route, user, form):
    """Do the task with a valid task form: `form.apply` under the lock, the task completed and recorded."""
    return perform_task(
        route.task_id,
        user,
        lambda activation: form.apply(activation, user),
        comment=form.cleaned_data.get("comment", ""),
        expected_post_id=form.cleaned_data.get("post_id"),
    )


def add_comment(route, user, text: str, uploads: list[CheckedUpload]) -> CaseComment:
    """An officer's internal note on the case of `route`, with checked attachments; written to the audit trail.

    The caller has checked that the user may see the route. A comment is not a decision: it needs no
    claim and takes no lock, and it may be left on a finished task too.
    """
    case = route.task.process.coerced.case
    acting_for = route.post if can_act_for(user, route.post) else None
    with FilesRemovedOnRollback() as stored, transaction.atomic():
        comment = CaseComment.objects.create(
            content_type=ContentType.objects.get_for_model(case),
            object_id=str(case.pk),
            task=route.task,
            author=user,
            acting_for=acting_for,
            text=text,
        )
        for upload in uploads:
            save_checked_upload(CaseCommentAttachment(comment=comment), upload, stored)
        record(
            "case.comment",
            actor=user,
            obj=case,
            post=acting_for,
            case_label=route.case_label,
            comment=text,
            data={"comment_id": comment.pk, "attachments": [upload.name for upload in uploads]},
        )
    return comment
