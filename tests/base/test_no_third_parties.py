"""The back office loads nothing from third parties: no avatars from gravatar.com (broken images offline,
and the officers' e-mail hashes sent away)."""

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_admin_pages_load_no_gravatar(client, demo):
    user = make_user("avatar-reader", groups=["Officers"])
    user.email = "reader@dol.gov.bd"
    user.save()
    client.force_login(user)
    for url in ("/admin/", "/admin/account/", "/admin/workflows/tasks/mine/"):
        page = client.get(url)
        assert page.status_code == 200 and "gravatar" not in page.content.decode().lower(), url
