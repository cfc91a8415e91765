"""The Wagtail admin speaks the user's language; snippet listings run a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.directory.models import Officer
from tests.factories import make_user
from workflows.core.models import Office

pytestmark = pytest.mark.django_db


def test_admin_is_bengali_for_a_bengali_user(client, demo):
    client.force_login(make_user("bn-admin", superuser=True, language="bn"))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'lang="bn"' in response.text


def test_admin_is_english_for_an_english_user(client, demo):
    client.force_login(make_user("en-admin", superuser=True, language="en"))
    response = client.get("/admin/")
    assert 'lang="en"' in response.text


def test_anonymous_visitor_is_sent_to_login(client, demo):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_officer_cannot_edit_pages(client, demo):
    client.force_login(make_user("plain-officer", groups=["Officers"]))
    response = client.get(f"/admin/pages/{demo.home_bn.id}/edit/")
    assert response.status_code in (302, 403)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/admin/snippets/directory/officer/", "/admin/snippets/workflows_core/office/"])
def test_snippet_listings_run_constant_queries(client, demo, url):
    client.force_login(make_user("lister", superuser=True))
    count_queries(client, url)  # builds the user's sidebar, read from the cache afterwards (admin_sidebar.py)
    before = count_queries(client, url)
    ministry = Office.objects.get(parent=None)
    for n in range(20):
        office = Office.objects.create(code=f"extra-{n}", name_bn=f"দপ্তর {n}", name_en=f"Office {n}", parent=ministry)
        Officer.objects.create(name=f"কর্মকর্তা {n}", designation="পরিদর্শক", office=office, locale=demo.bn)
    assert count_queries(client, url) == before
