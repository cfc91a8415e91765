"""The Content-Security-Policy header: strict on the public site (rendered or from the page cache), Wagtail's
needs on the admin, and the admin's on Wagtail's previews (tests/base/test_csp_browser.py loads the screens)."""

import pytest
from django.urls import reverse

from pages.notices.models import NoticePage
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, set[str]]:
    policy = response["Content-Security-Policy"]
    return {name: set(values) for name, *values in (part.split() for part in policy.split(";"))}


def assert_public_policy(response):
    policy = directives(response)
    assert policy["default-src"] == {"'self'"}
    assert policy["script-src"] == {"'self'"}  # no inline script, no nonce, no eval
    assert policy["style-src"] == {"'self'"}
    assert policy["img-src"] == {"'self'"}
    assert policy["object-src"] == {"'none'"}
    assert policy["frame-src"] == {"'none'"}
    assert policy["frame-ancestors"] == {"'none'"}
    assert policy["base-uri"] == policy["form-action"] == {"'self'"}


def test_public_page_has_the_strict_policy(client, demo):
    response = client.get("/bn/")
    assert response["X-Page-Cache"] == "miss"
    assert_public_policy(response)


def test_page_from_the_cache_has_the_policy_too(client, demo):
    first = client.get("/en/")
    second = client.get("/en/")
    assert second["X-Page-Cache"] == "hit"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert_public_policy(second)


def test_process_public_pages_have_the_strict_policy(client, demo):
    for url in ("/bn/complaints/new/", "/bn/verify/", "/bn/unions/sign-in/", "/bn/search/?q=সেবা"):
        assert_public_policy(client.get(url))


def test_not_found_page_has_the_strict_policy(client, demo):
    response = client.get("/bn/no-such-page/")
    assert response.status_code == 404
    assert_public_policy(response)


def test_admin_has_the_admin_policy(client, demo):
    client.force_login(make_user("csp-editor", superuser=True))
    policy = directives(client.get(reverse("wagtailadmin_home")))
    assert policy["script-src"] == {"'self'", "'unsafe-inline'"}  # never 'unsafe-eval'
    assert policy["script-src-attr"] == {"'unsafe-hashes'", "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='"}
    assert policy["object-src"] == {"'none'"}
    assert policy["frame-ancestors"] == {"'self'"}
    assert policy["connect-src"] == {"'self'"}


def test_preview_of_a_page_may_be_framed_by_the_admin(client, demo):
    """Wagtail renders a preview through the middleware again, on a dummy request for the page's public URL;
    the public policy ("frame-ancestors 'none'") must not win, or the preview panel shows nothing."""
    client.force_login(make_user("csp-previewer", superuser=True))
    notice = demo.page(NoticePage)
    revision = notice.save_revision()
    response = client.get(reverse("wagtailadmin_pages:revisions_view", args=[notice.pk, revision.pk]))
    assert response.status_code == 200
    assert notice.title in response.text
    assert directives(response)["frame-ancestors"] == {"'self'"}
