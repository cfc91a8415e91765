"""Failed sign-ins lock the user name and the address (django-axes); an administrator unlocks."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.test import Client
from wagtail.models import ModelLogEntry

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


@pytest.fixture
def officer():
    return make_user("lockout-officer", groups=["Editors"])


def test_five_wrong_passwords_lock_the_user_name_and_then_the_right_one_is_refused(officer, settings):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, officer.username, "wrong").status_code == 200
    assert sign_in(client, officer.username, "wrong").status_code == 429  # the fifth locks
    response = sign_in(client, officer.username, "pass-for-tests")
    assert response.status_code == 429
    assert "অনেকবার ভুল লগ ইন" in response.text  # the Bengali sign-in page says why
    assert SESSION_KEY not in client.session
    # From another address too: the user name itself is locked.
    assert sign_in(Client(), officer.username, "pass-for-tests", address="10.0.0.99").status_code == 429


def test_one_address_trying_many_user_names_is_locked(officer, settings):
    client = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{n}", "wrong", address="10.9.9.9")
    assert sign_in(client, officer.username, "pass-for-tests", address="10.9.9.9").status_code == 429
    assert sign_in(Client(), officer.username, "pass-for-tests", address="10.0.0.2").status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(officer, settings):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, officer.username, "wrong")
    assert sign_in(client, officer.username, "pass-for-tests").status_code == 302
    assert not AccessAttempt.objects.filter(username=officer.username).exists()


def test_the_lockout_page_is_in_english_for_english_visitors(officer, settings):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.cookies["django_language"] = "en"
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, officer.username, "wrong")
    response = sign_in(client, officer.username, "pass-for-tests")
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.text


def test_an_administrator_unlocks_and_it_is_logged(officer, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), officer.username, "wrong", address="10.1.1.1")
    admin = make_user("lockout-admin", superuser=True)
    client = Client()
    client.force_login(admin)
    page = client.get("/admin/sign-in-lockouts/")
    assert page.status_code == 200
    assert officer.username in page.text and "10.1.1.1" in page.text
    response = client.post("/admin/sign-in-lockouts/", {"kind": "username", "value": officer.username})
    assert response.status_code == 302
    assert f"<strong>{officer.username}</strong>" not in client.get("/admin/sign-in-lockouts/").text
    assert sign_in(Client(), officer.username, "pass-for-tests", address="10.2.2.2").status_code == 302
    entry = ModelLogEntry.objects.get(action="accounts.unlocked")
    assert entry.user_id == admin.pk and entry.data == {"kind": "username", "value": officer.username}


def test_only_administrators_see_the_lockouts(officer, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), "someone", "wrong", address="10.1.1.2")
    client = Client()
    client.force_login(officer)
    # Wagtail answers a refused admin page with its "no permission" redirect to the dashboard.
    assert client.get("/admin/sign-in-lockouts/").url == "/admin/"
    assert client.post("/admin/sign-in-lockouts/", {"kind": "username", "value": "someone"}).url == "/admin/"
    assert AccessAttempt.objects.filter(username="someone").exists()
    assert "/admin/sign-in-lockouts/" not in client.get("/admin/").text


def test_the_lockout_list_runs_constant_queries(settings, django_assert_num_queries):
    from pages.accounts.lockouts import current_lockouts

    for n in range(3):
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            sign_in(Client(), f"user-{n}", "wrong", address=f"10.3.3.{n}")
    with django_assert_num_queries(2):
        assert len(current_lockouts()) == 6


def test_an_unlock_without_a_lockout_named_changes_nothing(officer, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(Client(), officer.username, "wrong", address="10.6.6.6")
    client = Client()
    client.force_login(make_user("lockout-admin-2", superuser=True))
    for bad in ({"kind": "bogus", "value": officer.username}, {"kind": "username", "value": ""}):
        response = client.post("/admin/sign-in-lockouts/", bad, follow=True)
        assert "কোনটি খুলবেন, বেছে নিন।" in response.text
    assert AccessAttempt.objects.filter(username=officer.username).exists()
    assert not ModelLogEntry.objects.filter(action="accounts.unlocked").exists()
