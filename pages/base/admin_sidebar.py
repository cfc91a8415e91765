"""The Wagtail admin's sidebar, kept in the cache per user and language.

Wagtail builds the sidebar afresh on every admin page: each menu item asks whether the user may see it
(three queries, for page, collection and site permissions, and a few dozen permission checks), then the
whole menu is packed into JSON for the sidebar's script: about a seventh of a list page's time. What it
shows depends only on the user (permissions, groups, name, avatar, dismissed items, language) and on the
page tree (the explorer's start page, the Forms item), not on the page being viewed: Wagtail's script
marks the current item itself. So the JSON is cached per user and language under a generation that any
change to those renews (`forget_sidebars`, connected in apps.py), at once and again on commit, as the
access cache does; ANY change of such a row, not only the user's own, starts a new generation, which is
rare next to page views. A change made without signals (a raw UPDATE, a bulk update) is seen within
SIDEBAR_CACHE_SECONDS. Only the menu is cached: every view still checks the user's permissions itself.

A `construct_main_menu` hook that hides or adds items by anything else than the user (the URL, the
time) would be frozen by this cache: the project has none, and none must be added without a key for it.
"""

from django.core.cache import cache
from django.db import transaction
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .cache import generation, next_generation

SIDEBAR_CACHE_SECONDS = 300
GENERATION_KEY = "admin-sidebar:generation"


def cached_sidebar_props(context) -> str:
    """Wagtail's `{% sidebar_props %}`, from the cache when the user's sidebar in this language is there."""
    from wagtail.admin.templatetags.wagtailadmin_tags import sidebar_props

    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return sidebar_props(context)
    key = f"admin-sidebar:{generation(GENERATION_KEY)}:{user.pk}:{get_language()}"
    props = cache.get(key)
    if props is None:
        props = str(sidebar_props(context))
        cache.set(key, props, SIDEBAR_CACHE_SECONDS)
    return mark_safe(props)  # noqa: S308 - Wagtail's json_script output, escaped when it was built


def forget_sidebars(sender=None, instance=None, update_fields=None, **kwargs) -> None:
    """Signal receiver: something a sidebar shows may have changed; start a new generation now and once
    more on commit (a request that read the old rows before the commit must not keep them under the new one).

    A login saves only the user's last_login, which no sidebar shows: that save keeps the generation.
    """
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return

    def renew():
        next_generation(GENERATION_KEY)

    renew()
    transaction.on_commit(renew)


def connect_signals() -> None:
    """What a sidebar shows comes from these rows (BaseConfig.ready connects them)."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.models import Page

    User = get_user_model()
    models = [
        User,  # name, email (the avatar), superuser and active flags
        Group,
        Permission,
        "wagtailcore.GroupPagePermission",
        "wagtailcore.GroupCollectionPermission",
        "wagtailcore.GroupSitePermission",
        "wagtailcore.Collection",
        "wagtailcore.Site",
        "wagtailcore.Locale",
        "wagtailusers.UserProfile",  # avatar, dismissed items, language
        # Any page type: the explorer starts at the pages the user may edit, Forms lists form pages.
        *(model for model in apps.get_models() if issubclass(model, Page)),
    ]
    for model in models:
        model = apps.get_model(model) if isinstance(model, str) else model
        label = model._meta.label
        post_save.connect(forget_sidebars, sender=model, dispatch_uid=f"admin-sidebar-save-{label}")
        post_delete.connect(forget_sidebars, sender=model, dispatch_uid=f"admin-sidebar-delete-{label}")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(forget_sidebars, sender=through, dispatch_uid=f"admin-sidebar-m2m-{through._meta.label}")
