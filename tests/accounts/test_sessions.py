"""Staff sessions end when the browser closes and after an idle time; no "remember me"."""

import time

import pytest
from django.test import Client

from pages.accounts.middleware import LAST_SEEN_KEY
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_user("session-editor", groups=["Editors"])


def test_the_session_cookie_ends_with_the_browser_even_when_remember_is_sent(editor):
    client = Client()
    response = client.post(
        "/admin/login/", {"username": editor.username, "password": "pass-for-tests", "remember": "on"}
    )
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert 'name="remember"' not in Client().get("/admin/login/").text


def test_thirty_idle_minutes_sign_out(editor, settings):
    client = Client()
    client.post("/admin/login/", {"username": editor.username, "password": "pass-for-tests"})
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.STAFF_SESSION_IDLE_SECONDS - 1
    session.save()
    response = client.get("/admin/pages/")
    assert response.status_code == 302 and response.url == "/admin/login/?next=%2Fadmin%2Fpages%2F"
    assert "নিষ্ক্রিয়" in client.get(response.url).text
    assert client.get("/admin/").status_code == 302


def test_a_session_in_use_lives_on(editor, settings):
    client = Client()
    client.post("/admin/login/", {"username": editor.username, "password": "pass-for-tests"})
    session = client.session
    session[LAST_SEEN_KEY] = int(time.time()) - settings.STAFF_SESSION_IDLE_SECONDS + 60
    session.save()
    assert client.get("/admin/").status_code == 200
    assert client.session[LAST_SEEN_KEY] >= int(time.time()) - 5
