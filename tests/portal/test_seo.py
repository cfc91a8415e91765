"""What search engines, feed readers and link previews read: meta description, canonical and hreflang
links, Open Graph, the notices' Atom feed, robots.txt; and what readers use: the text-size and contrast
tools, the accessibility statement, last-updated dates, the notices' year and text filter."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from pages.base.models import StandardPage
from pages.notices.models import NoticeIndexPage, NoticePage

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def head(html):
    return html.split("</head>")[0]


def test_page_has_description_canonical_hreflang_and_open_graph(client, demo):
    page = demo.page(StandardPage, "en")
    bengali = page.get_translation(demo.bn)
    html = head(client.get(page.url).text)
    assert f'<link rel="canonical" href="http://testserver{page.url}">' in html
    assert f'<link rel="alternate" hreflang="bn" href="http://testserver{bengali.url}">' in html
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{page.url}">' in html
    assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{bengali.url}">' in html
    assert f'<meta name="description" content="{page.intro[:40]}' in html
    assert f'<meta property="og:title" content="{page.title}">' in html
    assert '<meta property="og:locale" content="en_GB">' in html
    assert '<meta property="og:locale:alternate" content="bn_BD">' in html


def test_alternates_take_one_query_whatever_the_languages(client, demo):
    page = demo.page(StandardPage, "bn")
    with CaptureQueriesContext(connection) as queries:
        client.get(page.url)
    # Pages looked up by this page's translation key: its versions in every language.
    versions = [q["sql"] for q in queries if f"\"translation_key\" = '{page.translation_key.hex}'" in q["sql"]]
    assert len(versions) == 1  # the alternates, the language switcher and the untranslated note share it


def test_notices_atom_feed_per_language(client, demo):
    for code, locale in (("bn", demo.bn), ("en", demo.en)):
        index = NoticeIndexPage.objects.live().get(locale=locale)
        home = client.get(f"/{code}/").text
        assert 'type="application/atom+xml"' in head(home) and f'href="{index.url}feed/"' in head(home)
        response = client.get(f"{index.url}feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == code
        newest = index.notices().first()
        entry = feed.find(f"{ATOM}entry")
        assert entry.find(f"{ATOM}title").text == newest.title
        assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{newest.url}"


def test_robots_txt_points_at_the_sitemap(client, demo):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_text_size_and_contrast_tools_are_static_and_csp_safe(client, demo):
    response = client.get("/bn/")
    html = response.text
    assert 'class="accessibility-tools" hidden' in html
    assert 'data-text-size="large"' in html and "data-contrast" in html
    assert '<script src="/static/js/accessibility.js">' in html
    assert "<script>" not in html and " style=" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert client.get("/static/js/accessibility.js").status_code == 200
    assert client.get("/static/css/accessibility.css").status_code == 200


def test_accessibility_statement_in_both_languages_linked_from_the_footer(client, demo):
    for code, title in (("bn", "প্রবেশযোগ্যতা বিবরণী"), ("en", "Accessibility statement")):
        page = StandardPage.objects.live().get(slug="accessibility", locale=demo.bn if code == "bn" else demo.en)
        assert page.title == title
        home = client.get(f"/{code}/").text
        footer = home.split('<footer class="site-footer">')[1]
        assert f'href="{page.url}"' in footer
        assert client.get(page.url).status_code == 200


def test_content_pages_show_when_they_were_last_updated(client, demo):
    page = demo.page(StandardPage, "bn")
    html = client.get(page.url).text
    assert 'class="meta last-updated"' in html
    updated = html.split('class="meta last-updated"')[1].split("</p>")[0]
    assert f'datetime="{page.last_published_at.astimezone(datetime.UTC):%Y}' in updated or "datetime=" in updated
    assert not any(ch.isascii() and ch.isdigit() for ch in updated.split("</time>")[0].rsplit(">", 1)[1])
    assert "last-updated" not in client.get("/bn/notices/").text  # an index page


def test_notices_filter_by_year_and_text(client, demo):
    index = NoticeIndexPage.objects.live().get(locale=demo.en)
    notices = list(index.notices())
    years = sorted({n.date.year for n in notices})
    assert len(years) > 1
    year = years[0]
    html = client.get(index.url, {"year": str(year)}).text
    for notice in notices:
        assert (escape(notice.title) in html) == (notice.date.year == year), notice.title
    assert f'<option value="{year}" selected>' in html

    target = notices[3]
    word = max(target.title.split(), key=len)
    html = client.get(index.url, {"q": word.upper()}).text
    assert escape(target.title) in html
    assert sum(escape(n.title) in html for n in notices) == sum(
        word.lower() in (n.title + n.summary).lower() for n in notices
    )
    html = client.get(index.url, {"q": "nothing-like-this", "year": "abcd"}).text
    assert "No notices match this filter." in html


def test_notices_filters_are_kept_across_pages_and_cached(client, demo):
    index = NoticeIndexPage.objects.live().get(locale=demo.bn)
    for n in range(12):
        index.add_child(
            instance=NoticePage(title=f"পরীক্ষা নোটিশ {n}", summary="ছাঁকনি", date=datetime.date(2019, 1, n + 1))
        ).save_revision().publish()
    html = client.get(index.url, {"q": "ছাঁকনি", "year": "2019"}).text
    assert "page=2" in html and "year=2019" in html.split('rel="next"')[0].rsplit("<a", 1)[1]
    assert client.get(index.url, {"q": "ছাঁকনি", "year": "2019"})["X-Page-Cache"] == "hit"
    assert '<option value="2019" selected>২০১৯</option>' in html
