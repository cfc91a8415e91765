"""One way to complain: the portal's own form comes first; the national GRS is named only with a line on what
it is for."""

import re
from html import unescape

import pytest

from pages.base.models import HomePage
from pages.services.models import CitizenCharterPage, ServicePage

pytestmark = pytest.mark.django_db

GRS = "https://www.grs.gov.bd"
NATIONAL_LINE = {
    "en": "The government's national Grievance Redress System (GRS) takes complaints about any government office; "
    "for this ministry's services, use the form above.",
    "bn": "সরকারের জাতীয় অভিযোগ প্রতিকার ব্যবস্থা (জিআরএস) যেকোনো সরকারি দপ্তরের বিরুদ্ধে অভিযোগ নেয়; "
    "এই মন্ত্রণালয়ের সেবা নিয়ে অভিযোগের জন্য ওপরের ফরমটি ব্যবহার করুন।",
}


def main(html: str) -> str:
    """The page without its footer (whose link list names the GRS with its own explanation)."""
    return html.split('<footer class="site-footer">')[0]


def text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


@pytest.mark.parametrize("language", ["bn", "en"])
def test_home_page_offers_our_form_and_explains_the_national_system(client, demo, language):
    html = main(client.get(demo.page(HomePage, language).url).text)
    cards = re.findall(r'<a class="card" href="([^"]+)">', html)
    assert f"/{language}/complaints/new/" in cards
    assert GRS not in cards
    assert html.index(f'<a class="button" href="/{language}/complaints/new/">') < html.index(GRS)
    assert NATIONAL_LINE[language] in text(html)


@pytest.mark.parametrize("language", ["bn", "en"])
def test_citizen_charter_sends_complaints_to_our_form(client, demo, language):
    html = main(client.get(demo.page(CitizenCharterPage, language).url).text)
    grievance = html[html.index('id="grievance"') :]
    assert f'<a class="button" href="/{language}/complaints/new/">' in grievance
    # The national system is linked once, with its line, after our form.
    assert html.count(GRS) == 1
    assert grievance.index(f"/{language}/complaints/new/") < grievance.index(GRS)
    assert NATIONAL_LINE[language] in text(grievance)


def test_the_complaint_service_starts_on_our_form(client, demo):
    for language in ("bn", "en"):
        service = ServicePage.objects.live().get(
            locale=demo.bn if language == "bn" else demo.en, slug="citizen-charter-complaint"
        )
        assert service.online_url == f"/{language}/complaints/new/"
        html = client.get(service.url).text
        assert "GRS" not in text(main(html)) and "জিআরএস" not in text(main(html))


def test_the_footer_says_what_the_national_system_is_for(client, demo):
    html = client.get(demo.page(HomePage, "en").url).text
    footer = html.split('<footer class="site-footer">')[1]
    assert re.search(
        rf'<a href="{re.escape(GRS)}"[^>]*>National Grievance Redress System \(GRS\): for every government office</a>',
        footer,
    )
