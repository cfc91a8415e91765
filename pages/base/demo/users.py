"""Groups with their Wagtail permissions, the two moderation workflows, and the demo users."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.users.models import UserProfile

from pages.contact.readers import GROUP_NAME as CONTACT_FORM_READERS

from . import content_bn as bn
from .utils import Stats

EDITORS, APPROVERS, INNOVATION_TEAM, OFFICERS = "Editors", "Approvers", "Innovation team", "Officers"

# group: (model permissions "app_label.codename", page permissions and the page key they apply to (in both
# languages, with the pages below), image/document permissions on the root collection)
GROUPS = {
    EDITORS: (
        [
            "wagtailadmin.access_admin",
            "directory.add_officer",
            "directory.change_officer",
            "base.add_menu",
            "base.change_menu",
        ],
        ("home", ["add_page", "change_page"]),
        ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"],
    ),
    APPROVERS: (
        ["wagtailadmin.access_admin"],
        ("home", ["add_page", "change_page", "publish_page"]),
        ["choose_image", "choose_document"],
    ),
    INNOVATION_TEAM: (
        ["wagtailadmin.access_admin"],
        ("innovation-corner", ["add_page", "change_page", "publish_page"]),
        ["choose_image", "add_document", "change_document", "choose_document"],
    ),
    OFFICERS: (["wagtailadmin.access_admin"], None, []),
}

# username, group (None: superuser), role shown in the summary
USERS = [
    ("admin", None, "superuser"),
    ("editor", EDITORS, "editor (Editors)"),
    ("approver", APPROVERS, "approver (Approvers, Contact-form readers)"),
    ("innovation", INNOVATION_TEAM, "innovation team (Innovation team)"),
    ("officer", OFFICERS, "officer (Officers): grievance redress officer, DLO Chattogram"),
    ("appeal", OFFICERS, "officer (Officers): appeal officer, Department of Labour"),
    ("head", OFFICERS, "officer (Officers): head of office, DLO Chattogram"),
    ("director", OFFICERS, "officer (Officers): course director, IRI Tongi"),
    ("institute", OFFICERS, "officer (Officers): head of IRI Tongi"),
]
# Groups made by migrations rather than here: the contact form's submissions are read by the approver, who
# answers for what the site publishes; the editor does not see citizens' details.
MIGRATED_GROUPS = {"approver": [CONTACT_FORM_READERS]}
EMAIL_DOMAIN = "demo.mole.gov.bd"


def demo_password(username: str) -> str:
    """The documented password of a demo user on a development (DEBUG) site."""
    return f"demo-{username}-2026"


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _collection_permission(codename: str) -> Permission:
    app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
    return _permission(app_label, codename)


def ensure_groups(tree, stats: Stats) -> dict[str, Group]:
    """The four groups; their page permissions are exactly the ones above (Wagtail's default "Editors"
    group loses its permissions on the tree's root, keeping them on the two home pages)."""
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name, (model_permissions, page_permissions, collection_permissions) in GROUPS.items():
        group, created = Group.objects.get_or_create(name=name)
        if created:
            stats.add("groups")
        wanted = [_permission(*dotted.split(".", 1)) for dotted in model_permissions]
        missing = [p for p in wanted if not group.permissions.filter(pk=p.pk).exists()]
        if missing:
            group.permissions.add(*missing)
            stats.touch("group permissions", len(missing))

        wanted_pages = set()
        if page_permissions:
            page_key, codenames = page_permissions
            for page in tree.pages[page_key].values():
                for codename in codenames:
                    wanted_pages.add((page.pk, _permission("wagtailcore", codename).pk))
        existing = {(gpp.page_id, gpp.permission_id): gpp for gpp in GroupPagePermission.objects.filter(group=group)}
        for pair, gpp in existing.items():
            if pair not in wanted_pages:
                gpp.delete()
                stats.touch("page permissions removed")
        for page_id, permission_id in sorted(wanted_pages - set(existing)):
            GroupPagePermission.objects.create(group=group, page_id=page_id, permission_id=permission_id)
            stats.add("page permissions")

        for codename in collection_permissions:
            _, created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_collection_permission(codename)
            )
            if created:
                stats.add("collection permissions")
        groups[name] = group
    return groups


def _ensure_workflow(name: str, task_name: str, group: Group, pages, stats: Stats) -> Workflow:
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
        stats.add("workflow tasks")
    if not task.groups.filter(pk=group.pk).exists():
        task.groups.add(group)
    workflow = Workflow.objects.filter(name=name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name, active=True)
        stats.add("workflows")
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in pages:
        link = WorkflowPage.objects.filter(page=page).first()
        if link is None:
            WorkflowPage.objects.create(page=page, workflow=workflow)
            stats.add("workflow pages")
        elif link.workflow_id != workflow.pk:
            link.workflow = workflow
            link.save()
            stats.touch("workflow pages")
    return workflow


def ensure_workflows(tree, groups: dict[str, Group], stats: Stats) -> None:
    """Editors submit, Approvers approve (whole site); the Innovation team approves its own corner."""
    name, task_name = bn.WORKFLOWS["editorial"]
    _ensure_workflow(name, task_name, groups[APPROVERS], tree.pages["home"].values(), stats)
    name, task_name = bn.WORKFLOWS["innovation"]
    _ensure_workflow(name, task_name, groups[INNOVATION_TEAM], tree.pages["innovation-corner"].values(), stats)


def ensure_users(groups: dict[str, Group], stats: Stats) -> list[dict]:
    """The demo users. A new user's password is documented on DEBUG sites and random otherwise;
    an existing user's password is never changed."""
    User = get_user_model()
    result = []
    for username, group_name, role in USERS:
        user = User.objects.filter(username=username).first()
        password = None
        created = user is None
        if created:
            first_name, last_name = bn.USER_NAMES[username]
            password = demo_password(username) if settings.DEBUG else secrets.token_urlsafe(24)
            user = User(
                username=username,
                first_name=first_name,
                last_name=last_name,
                email=f"{username}@{EMAIL_DOMAIN}",
                is_staff=group_name is None,
                is_superuser=group_name is None,
            )
            user.set_password(password)
            user.save()
            stats.add("users")
        if group_name and not user.groups.filter(name=group_name).exists():
            user.groups.add(groups[group_name])
        for name in MIGRATED_GROUPS.get(username, ()):
            if not user.groups.filter(name=name).exists():
                user.groups.add(Group.objects.get(name=name))
        profile = UserProfile.get_for_user(user)
        if not profile.preferred_language:
            profile.preferred_language = "bn"
            profile.save(update_fields=["preferred_language"])
        if settings.DEBUG:
            # Only the documented password is ever reported, and only while it still works.
            if password is None and check_password(demo_password(username), user.password):
                password = demo_password(username)
        else:
            password = None
        result.append({"username": username, "password": password, "role": role, "created": created})
    _credit_demo_publishing(User.objects.get(username="admin"))
    return result


def _credit_demo_publishing(admin) -> None:
    """The demo pages were published by this command before any user existed; say the administrator
    did it, as on a real site, so that histories and reports name a person instead of nobody."""
    from wagtail.models import PageLogEntry, Revision

    PageLogEntry.objects.filter(user__isnull=True, action__startswith="wagtail.").update(user=admin)
    Revision.objects.filter(user__isnull=True).update(user=admin)
