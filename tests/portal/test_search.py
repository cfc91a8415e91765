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


def test_results_show_type_date_and_highlighted_snippet(client, demo):
    from pages.notices.models import NoticePage

    notice = NoticePage.objects.live().filter(locale=demo.en, summary__icontains="medical").first()
    html = client.get("/en/search/", {"q": "medical"}).text
    item = html.split(f">{notice.title}</a>")[1].split("</li>")[0]
    assert "Notice" in item
    assert f'datetime="{notice.date:%Y-%m-%d}"' in item
    assert "<mark>medical</mark>" in item.lower()


def test_snippet_is_escaped(client, demo):
    from pages.base.models import StandardPage

    page = demo.page(StandardPage, "en")
    page.intro = 'The "zebrafish" & <img src=x onerror=alert(1)> tables'
    page.save_revision().publish()
    html = client.get("/en/search/", {"q": "zebrafish"}).text
    assert "&quot;<mark>zebrafish</mark>&quot; &amp;" in html
    assert "onerror" not in html


def test_content_pages_rank_above_index_pages(client, demo):
    from pages.services.models import ServiceBoxPage, ServicePage

    box = demo.page(ServiceBoxPage, "en")
    service = ServicePage.objects.live().filter(locale=demo.en).order_by("path").first()
    # The index page matches the word more strongly (in its title and introduction).
    box.title = box.intro = "Quokka quokka quokka"
    box.save_revision().publish()
    service.summary = "A quokka"
    service.save_revision().publish()
    html = client.get("/en/search/", {"q": "quokka"}).text.split("<main")[1]  # not the menu's link
    assert html.index(f">{service.title}</a>") < html.index(f">{box.title}</a>")


def test_bengali_results_use_bengali_digits_in_dates(client, demo):
    html = client.get("/bn/search/", {"q": "নোটিশ"}).text
    dates = [part.split(">", 1)[1].split("<", 1)[0] for part in html.split("<time ")[1:]]
    assert dates and all(not any(ch.isascii() and ch.isdigit() for ch in d) for d in dates)
