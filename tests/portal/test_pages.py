"""Every page type renders in both languages from the demo data, with Bengali digits on Bengali pages."""

import re

import pytest
from wagtail.models import Page

from pages.base.models import HomePage, StandardPage
from pages.contact.models import ContactPage
from pages.directory.models import OfficerDirectoryPage
from pages.downloads.models import DownloadsPage
from pages.innovation.models import InnovationCornerPage, InnovationIdeaPage, MeetingMinutesPage
from pages.notices.models import NoticeIndexPage, NoticePage
from pages.services.models import CitizenCharterPage, ServiceBoxPage, ServicePage

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    StandardPage,
    NoticeIndexPage,
    NoticePage,
    ServiceBoxPage,
    ServicePage,
    CitizenCharterPage,
    OfficerDirectoryPage,
    DownloadsPage,
    InnovationCornerPage,
    InnovationIdeaPage,
    MeetingMinutesPage,
    ContactPage,
]
ASCII_DIGIT_OUTSIDE_MARKUP = re.compile(r">[^<]*[0-9][^<]*<")


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("language", ["bn", "en"])
def test_page_type_renders(client, demo, model, language):
    page = demo.page(model, language)
    assert page is not None, f"the demo data has no {model.__name__} in {language}"
    response = client.get(page.url)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert page.title in response.text


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_page_type_has_its_own_search_fields(model):
    assert len(model.search_fields) > len(Page.search_fields) or model is ContactPage


@pytest.mark.parametrize("model", [NoticeIndexPage, CitizenCharterPage, DownloadsPage, MeetingMinutesPage])
def test_bengali_pages_print_bengali_digits(client, demo, model):
    """Numbers and dates the portal itself prints (dates, counters, sizes) use Bengali digits."""
    page = demo.page(model, "bn")
    html = client.get(page.url).text
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<(a|link|img|input|form)\b[^>]*>", "<\\1>", main)  # attributes (URLs) may hold ASCII
    main = re.sub(r"&#x?[0-9a-fA-F]+;", "", main)  # character references
    offending = [m for m in ASCII_DIGIT_OUTSIDE_MARKUP.findall(main) if "@" not in m]
    assert offending == []


def test_notice_index_is_newest_first_and_paginated(client, demo):
    index = demo.page(NoticeIndexPage, "bn")
    notices = list(NoticePage.objects.live().child_of(index).order_by("-date", "-pk"))
    assert len(notices) > 10, "the demo data should need a second page"
    first = client.get(index.url).text
    assert notices[0].title in first
    assert notices[10].title not in first
    assert "?page=2" in first
    second = client.get(index.url + "?page=2").text
    assert notices[10].title in second
    assert client.get(index.url + "?page=999").status_code == 200  # past the end: the last page
    assert client.get(index.url + "?page=abc").status_code == 200  # not a number: the first page


def test_notice_index_filters_by_category(client, demo):
    index = demo.page(NoticeIndexPage, "en")
    notice = NoticePage.objects.live().child_of(index).first()
    others = NoticePage.objects.live().child_of(index).exclude(category=notice.category)
    html = client.get(index.url + f"?category={notice.category}").text
    assert notice.title in html
    for other in others[:3]:
        assert other.title not in html
    assert client.get(index.url + "?category=<script>").status_code == 200


def test_citizen_charter_lists_every_service(client, demo):
    charter = demo.page(CitizenCharterPage, "bn")
    services = ServicePage.objects.live().filter(locale=demo.bn)
    assert services.count() >= 8
    html = client.get(charter.url).text
    for service in services:
        assert service.title in html


def test_service_page_shows_every_charter_field(client, demo):
    service = ServicePage.objects.live().filter(locale=demo.en).exclude(online_url="").first()
    html = client.get(service.url).text
    for text in ("Who is eligible", "Documents needed", "Fee", "Time limit", "Steps", "Responsible officer"):
        assert text in html
    assert f'href="{service.online_url}"' in html
    assert service.responsible_officer.name in html


def test_officer_directory_groups_by_office_and_searches(client, demo):
    directory = demo.page(OfficerDirectoryPage, "bn")
    html = client.get(directory.url).text
    assert "বিভাগীয় শ্রম দপ্তর, চট্টগ্রাম" in html
    assert "শ্রম কল্যাণ কেন্দ্র, টংগী" in html
    found = client.get(directory.url, {"q": "ফেরদৌস"}).text
    assert "ডাঃ ফেরদৌস আক্তার" in found
    assert "চন্দনা রানী" not in found
    none = client.get(directory.url, {"q": "zzzz-nobody"}).text
    assert "কোনো কর্মকর্তা পাওয়া যায়নি" in none


def test_downloads_show_file_type_and_size(client, demo):
    downloads = demo.page(DownloadsPage, "en")
    item = downloads.items.select_related("document").first()
    html = client.get(downloads.url).text
    assert item.title in html
    assert ">PDF<" in html
    assert re.search(r"\d+(\.\d+)?\s(bytes|KB|MB)", html)


def test_innovation_corner_shows_the_three_selected_ideas(client, demo):
    corner = demo.page(InnovationCornerPage, "bn")
    ideas = InnovationIdeaPage.objects.live().child_of(corner)
    assert {idea.category for idea in ideas} == {
        "innovative_idea",
        "digitised_service",
        "service_simplification",
    }
    html = client.get(corner.url).text
    for idea in ideas:
        assert idea.title in html
    assert "ডাঃ ফেরদৌস আক্তার" in html
    assert MeetingMinutesPage.objects.live().child_of(corner).first().title in html
