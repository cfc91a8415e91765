"""Site search finds Bengali and English words within the visitor's language."""

import pytest
from django.db import connection
from wagtail.models import Page

from pages.innovation.models import InnovationIdeaPage

pytestmark = pytest.mark.django_db


def test_bengali_query_finds_bengali_pages(client, demo):
    idea = demo.page(InnovationIdeaPage, "bn")
    response = client.get("/bn/search/", {"q": "ই-সার্টিফিকেট"})
    assert response.status_code == 200
    assert "ই-সার্টিফিকেট" in idea.title
    assert idea.title in response.text


def test_results_stay_in_the_visitors_language(client, demo):
    response = client.get("/en/search/", {"q": "certificate"})
    assert response.status_code == 200
    english_ideas = InnovationIdeaPage.objects.filter(locale=demo.en, title__icontains="certificate")
    assert english_ideas.exists()
    assert english_ideas.first().title in response.text
    assert demo.page(InnovationIdeaPage, "bn").title not in response.text


def test_empty_and_odd_queries(client, demo):
    assert client.get("/bn/search/").status_code == 200
    assert client.get("/bn/search/", {"q": "'\"<>%;--"}).status_code == 200
    assert client.get("/bn/search/", {"q": "x" * 5000}).status_code == 200
    response = client.get("/bn/search/", {"q": "কিছুইমিলবেনা"})
    assert "কিছুই পাওয়া যায়নি" in response.text


def test_backend_is_postgres_full_text_on_postgresql(demo):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if connection.vendor == "postgresql":
        assert "postgres" in type(backend).__module__
    results = Page.objects.live().filter(locale=demo.bn).search("উদ্ভাবন")
    assert len(results) > 0
