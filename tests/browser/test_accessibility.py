"""axe-core in Chromium on the citizens' main pages, in both languages: no serious or critical WCAG 2.1 AA
violation."""

import pytest

from pages.innovation.models import InnovationCornerPage
from pages.services.models import ServicePage
from tests.factories import DemoSite

from .support import PHONE, accessibility_problems, chromium

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.flushes_db]


def public_pages(language):
    def first(model):
        return model.objects.live().filter(locale__language_code=language).order_by("path").first().url

    return [
        f"/{language}/",
        first(ServicePage),
        f"/{language}/complaints/new/",
        f"/{language}/complaints/status/",
        first(InnovationCornerPage),
    ]


def test_the_main_public_pages_have_no_serious_accessibility_violation(site_server, monkeypatch):
    DemoSite.get()
    urls = {language: public_pages(language) for language in ("bn", "en")}
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the live server's thread uses the ORM beside Playwright
    problems = []
    with chromium(site_server.url) as browser:
        for language, pages in urls.items():
            for viewport in (None, PHONE):
                page = browser.page(language=language, **({"viewport": viewport} if viewport else {}))
                for url in pages:
                    page.goto(url)
                    problems += accessibility_problems(page)
                page.context.close()
        problems += browser.problems
    assert problems == []
