"""A full bilingual demo of the portal: offices, officers, pages in Bengali and English, menus,
groups, workflows and users. `load_demo_data()` is idempotent: a second run finds everything and
creates nothing.

Texts live in content_bn, content_en, organisation and files; the other modules build objects.
"""

import time

from django.db import transaction


def load_demo_data() -> dict:
    """Build (or complete) the demo site in one transaction; returns what was created and the totals.

    Returns {"created": {kind: n}, "updated": {kind: n}, "totals": {kind: n}, "users": [{username,
    password, role, created}], "pages": [(language, url path, title)], "seconds": float}. A user's
    password is given only on DEBUG sites and only while it is still the documented demo password.
    """
    from .media import build_documents, build_images
    from .offices import build_officers, build_offices
    from .pages import build_pages
    from .site import ensure_locales, ensure_menus, ensure_site_settings
    from .users import ensure_groups, ensure_users, ensure_workflows
    from .utils import Stats

    started = time.monotonic()
    stats = Stats()
    with transaction.atomic():
        locales = ensure_locales(stats)
        images = build_images(stats)
        documents = build_documents(stats)
        offices = build_offices(stats)
        officers = build_officers(locales, offices, stats)
        tree = build_pages(locales, images, documents, offices, officers, stats)
        ensure_site_settings(stats)
        ensure_menus(tree, locales, stats)
        groups = ensure_groups(tree, stats)
        ensure_workflows(tree, groups, stats)
        users = ensure_users(groups, stats)
        load_process_demos(stats)
        pages = _page_list(tree)
        totals = _totals()
    return {
        "created": dict(stats.created),
        "updated": dict(stats.updated),
        "totals": totals,
        "users": users,
        "pages": pages,
        "seconds": round(time.monotonic() - started, 1),
    }


def load_process_demos(stats) -> None:
    """Each of the project's apps' own demo data (its `demo.load_demo(stats)`), in INSTALLED_APPS order, so a
    new process brings its demo without changing this module."""
    from importlib import import_module
    from importlib.util import find_spec
    from pathlib import Path

    from django.apps import apps
    from django.conf import settings

    for app_config in apps.get_app_configs():
        if not Path(app_config.path).is_relative_to(settings.BASE_DIR) or app_config.name.startswith("pages."):
            continue
        if find_spec(f"{app_config.name}.demo") is None:
            continue
        demo = import_module(f"{app_config.name}.demo")
        if hasattr(demo, "load_demo"):
            demo.load_demo(stats)


def _page_list(tree) -> list[tuple[str, str, str]]:
    """(language, URL path, title) of every demo page, Bengali first, in tree order."""
    from wagtail.models import Page

    result = []
    for code in ("bn", "en"):
        ids = [pages[code].pk for pages in tree.pages.values()]
        for page in Page.objects.filter(pk__in=ids).order_by("path"):
            result.append((code, page.get_url(), page.title))
    return result


def _totals() -> dict[str, int]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision, Workflow

    from pages.base.models import Menu, MenuItem
    from pages.directory.models import Officer
    from workflows.core.models import Office

    return {
        "pages": Page.objects.filter(depth__gt=1).count(),
        "live pages": Page.objects.filter(depth__gt=1, live=True).count(),
        "revisions": Revision.objects.count(),
        "offices": Office.objects.count(),
        "officers": Officer.objects.count(),
        "menus": Menu.objects.count(),
        "menu items": MenuItem.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "groups": Group.objects.count(),
        "workflows": Workflow.objects.count(),
        "users": get_user_model().objects.count(),
    }
