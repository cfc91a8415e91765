"""The complaint form's script in Chromium: choosing an office leaves only its services, choosing a service
first fills in its office. Debian's Chromium driven by Playwright (never `playwright install`), against
pytest-django's live server."""

import pytest
from django.conf import settings
from playwright.sync_api import sync_playwright

from tests.factories import DemoSite
from workflows.core.models import Office

pytestmark = [
    # The live server's thread reads committed rows; the flush afterwards empties every table, so it runs last.
    pytest.mark.django_db(transaction=True),
    pytest.mark.flushes_db,
]

OFFICES_OF_SERVICES = "os => os.map(o => o.dataset.office)"


def test_the_service_list_follows_the_office_and_the_office_follows_the_service(site_server):
    DemoSite.get()
    chattogram = str(Office.objects.get(code="dlo-chattogram").pk)  # before Playwright: its loop forbids the ORM
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=settings.CERTIFICATE_CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 390, "height": 900})
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(site_server.url + "/en/complaints/new/")
        every = page.eval_on_selector_all("#id_service option[data-office]", OFFICES_OF_SERVICES)
        assert len(set(every)) > 2  # several offices' services before an office is chosen

        page.select_option("#id_office", chattogram)
        shown = page.eval_on_selector_all("#id_service option[data-office]", OFFICES_OF_SERVICES)
        assert shown and set(shown) <= {chattogram, ""}
        assert len(shown) < len(every)

        page.select_option("#id_office", "")
        other = next(pk for pk in every if pk and pk != chattogram)
        service = page.eval_on_selector(f'#id_service option[data-office="{other}"]', "o => o.value")
        page.select_option("#id_service", service)
        assert page.eval_on_selector("#id_office", "s => s.value") == other
        assert page.eval_on_selector("#id_service", "s => s.value") == service
        assert errors == []
        browser.close()
