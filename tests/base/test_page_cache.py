"""Anonymous responses are cached and purged on publish; the home page's queries are bounded."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.notices.models import NoticeIndexPage, NoticePage
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_anonymous_page_is_served_from_cache(client, demo):
    first = client.get("/bn/")
    assert first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"]
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/bn/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert len(queries) == 0


def test_publishing_purges_the_cache(client, demo):
    client.get("/bn/")
    index = demo.page(NoticeIndexPage, "bn")
    notice = index.add_child(
        instance=NoticePage(title="নতুন জরুরি নোটিশ", date=datetime.date.today(), locale=demo.bn, live=False)
    )
    notice.save_revision().publish()
    response = client.get("/bn/")
    assert response["X-Page-Cache"] == "miss"
    assert "নতুন জরুরি নোটিশ" in response.text


def test_signed_in_users_bypass_the_cache(client, demo):
    client.get("/bn/")
    client.force_login(make_user("reader"))
    response = client.get("/bn/")
    assert "X-Page-Cache" not in response


def test_pages_with_forms_are_not_cached(client, demo):
    from pages.contact.models import ContactPage

    contact = demo.page(ContactPage, "bn")
    client.get(contact.url)
    assert "X-Page-Cache" not in client.get(contact.url)


def count_home_queries(client):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/bn/").status_code == 200
    return len(queries)


def test_home_page_queries_do_not_grow_with_content(client, demo):
    before = count_home_queries(client)
    index = demo.page(NoticeIndexPage, "bn")
    for n in range(15):
        page = index.add_child(instance=NoticePage(title=f"অতিরিক্ত নোটিশ {n}", locale=demo.bn))
        page.save_revision().publish()
    after = count_home_queries(client)
    assert after == before
    assert before <= 25


def test_unknown_query_strings_are_answered_but_never_stored(client, demo, rf):
    from django.core.cache import cache

    from pages.base.cache import _cache_key

    for junk in range(3):
        response = client.get("/bn/", {"junk": str(junk)})
        assert response.status_code == 200 and "X-Page-Cache" not in response
        assert cache.get(_cache_key(rf.get("/bn/", {"junk": str(junk)}))) is None
    # A parameter the pages read is cached as before; the same one twice is not.
    assert client.get("/bn/notices/", {"page": "2"})["X-Page-Cache"] == "miss"
    assert client.get("/bn/notices/", {"page": "2"})["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/bn/notices/?page=2&page=3")
    assert "X-Page-Cache" not in client.get("/bn/", {"q": "x" * 300})


def test_one_page_keeps_a_bounded_number_of_variants(client, demo, settings):
    settings.PAGE_CACHE_MAX_VARIANTS = 5
    first = [client.get("/bn/search/", {"q": f"শব্দ{n}"}) for n in range(8)]
    assert all(response.status_code == 200 for response in first)
    assert [r["X-Page-Cache"] for r in first[:5]] == ["miss"] * 5
    assert all("X-Page-Cache" not in r for r in first[5:])  # answered, not stored
    again = [client.get("/bn/search/", {"q": f"শব্দ{n}"}) for n in range(8)]
    assert sum(r.get("X-Page-Cache") == "hit" for r in again) == 5
    # The bound is per page: another page, and the page without a query, are still stored.
    assert client.get("/bn/notices/", {"page": "2"})["X-Page-Cache"] == "miss"
    assert client.get("/bn/search/")["X-Page-Cache"] == "miss"
