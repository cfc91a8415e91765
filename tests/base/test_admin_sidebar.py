"""The admin's sidebar comes from the cache (pages/base/admin_sidebar.py) and follows every change of what
it shows: the user's groups and permissions, their profile, their language."""

import re
from pathlib import Path

import pytest
import wagtail.admin
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from tests.factories import make_user

pytestmark = pytest.mark.django_db

SIDEBAR = re.compile(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S)
MINE = "/admin/workflows/tasks/mine/"
MENU_NAME = re.compile(r'"name": (?:\{"_val": )?"([^"]+)"')


def get(client, url=MINE):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return SIDEBAR.search(response.text).group(1), len(queries)


def menu_names(props) -> set[str]:
    """Every menu item's name in the sidebar's JSON (telepath writes a repeated string once, as `_val`)."""
    return set(MENU_NAME.findall(props))


@pytest.fixture
def officer(demo, client):
    user = make_user("sidebar-officer", groups=["Officers"])
    client.force_login(user)
    return user


def test_base_template_is_wagtails_with_the_cached_sidebar():
    """templates/wagtailadmin/base.html is Wagtail's but for the tag: a Wagtail upgrade that changes it fails here."""
    wagtails = (Path(wagtail.admin.__file__).parent / "templates/wagtailadmin/base.html").read_text()
    ours = (Path(settings.BASE_DIR) / "templates/wagtailadmin/base.html").read_text()
    ours = "".join(line for line in ours.splitlines(keepends=True) if not line.startswith("{# Wagtail's base.html"))
    ours = ours.replace(" admin_sidebar %}", " %}").replace("{% cached_sidebar_props %}", "{% sidebar_props %}")
    assert ours == wagtails


def test_the_sidebar_is_built_once_and_then_read_from_the_cache(officer, client):
    first, first_queries = get(client)
    second, second_queries = get(client)
    assert second == first
    # Wagtail's page, collection and site permission queries of the menu are not run again.
    assert second_queries <= first_queries - 3


def test_the_sidebar_follows_the_users_groups_and_their_permissions(officer, client):
    before = menu_names(get(client)[0])
    assert "images" not in before
    officer.groups.add(Group.objects.get(name="Editors"))  # editors may add images, edit pages
    with_editors = menu_names(get(client)[0])
    assert {"images", "explorer"} <= with_editors
    officer.groups.remove(Group.objects.get(name="Editors"))
    assert menu_names(get(client)[0]) == before
    officers = Group.objects.get(name="Officers")
    officers.permissions.add(*Group.objects.get(name="Editors").permissions.all())
    assert "snippets" in menu_names(get(client)[0]) - before  # a group's permissions, changed for all its members


def test_the_sidebar_follows_the_superuser_flag_and_the_profile(officer, client):
    plain, _ = get(client)
    officer.is_superuser = True
    officer.save()
    assert "settings" in menu_names(get(client)[0]) - menu_names(plain)
    officer.is_superuser = False
    officer.save()
    assert get(client)[0] == plain
    profile = UserProfile.get_for_user(officer)
    profile.dismissibles = {"whats-new-in-wagtail-8.0": True}
    profile.save()
    assert get(client)[0] != plain  # the dismissed item is marked so


def test_the_sidebar_is_per_language(officer, client):
    bengali, _ = get(client)
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en"
    profile.save()
    english, _ = get(client)
    assert english != bengali
    assert "My tasks" in english
    assert "My tasks" not in bengali


def test_a_login_keeps_every_cached_sidebar(officer, client):
    get(client)
    cached, cached_queries = get(client)
    # Through the sign-in page, as an officer signs in: it saves the last_login.
    client.post("/admin/login/", {"username": "sidebar-officer", "password": "pass-for-tests"})
    again, queries = get(client)
    assert again == cached
    assert queries == cached_queries
