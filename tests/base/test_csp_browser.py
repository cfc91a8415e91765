"""The main public and admin screens in Chromium under the real Content-Security-Policy: no violation, no script
error. Debian's Chromium driven by Playwright (never `playwright install`), against pytest-django's live server."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import sync_playwright

from pages.base.admin_coverage import SCREENS
from pages.innovation.models import InnovationCornerPage
from pages.notices.models import NoticeIndexPage
from pages.services.models import ServicePage
from tests.factories import DemoSite
from workflows.certificates.models import Certificate

pytestmark = [
    # The live server's thread reads committed rows; the flush afterwards empties every table, so it runs last.
    pytest.mark.django_db(transaction=True),
    pytest.mark.flushes_db,
]

# Every violation, in the page and in its frames, handed to the test as it happens: the preview panel replaces
# its frame on each refresh, so a frame read at the end may be gone already.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => window.reportCspViolation(
  `${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`));
"""
# Console errors that are not the page's fault: the live server serves no media (production's web server
# does), browsers ask for /favicon.ico, the not-found screen is a 404 by design, and Wagtail's table block
# asks Handsontable for a Bengali it does not ship (it falls back to English).
NOT_SERVED = ("/media/", "/favicon.ico", "/bn/no-such-page/")
HANDSONTABLE_LANGUAGE = 'Language with code "bn" was not found'


def is_expected(error: str) -> bool:
    if error.startswith("Failed to load resource"):  # the address is at the end, in brackets
        return any(path in error.rsplit("(", 1)[-1] for path in NOT_SERVED)
    return error.startswith(HANDSONTABLE_LANGUAGE)


ADMIN_SCREENS = {
    "editor": [
        "editor: dashboard",
        "editor: page explorer (home)",
        "editor: home page edit",
        "editor: service edit",
        "editor: menu edit",
        "editor: officers (snippet list)",
        "editor: images",
        "editor: image edit",
        "editor: documents",
    ],
    "officer": [
        "officer: dashboard",
        "officer: my tasks",
        "officer: unassigned in my offices",
        "officer: complaints",
        "officer: task page (GRO review)",
    ],
}
PREVIEWED = "editor: home page edit"
CACHED = "/en/"  # put in the page cache before the browser asks for it


def public_urls() -> list[str]:
    def first(model):
        return model.objects.live().filter(locale__language_code="bn").order_by("path").first().url

    return [
        "/bn/",
        CACHED,
        first(NoticeIndexPage),
        first(ServicePage),
        first(InnovationCornerPage),
        "/bn/search/?q=সেবা",
        "/bn/complaints/new/",
        "/bn/complaints/status/",
        f"/bn/verify/{Certificate.objects.order_by('pk').first().serial}/",
        "/bn/training/certificates/",
        "/bn/unions/sign-in/",
        "/bn/no-such-page/",
    ]


def session_cookie(username: str, base_url: str) -> dict:
    """A signed-in session for the browser, made as the test client makes one: no sign-in form to fill in (so
    the test does not depend on how staff sign in)."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": base_url,
    }


def test_main_screens_have_no_csp_violation_and_no_script_error(site_server):
    DemoSite.get()
    screens = {screen.name: screen for screen in SCREENS}
    # URLs and sessions before the browser starts: Django's ORM refuses to run beside Playwright's event loop.
    visits = {None: public_urls()}
    cookies = {}
    for username, names in ADMIN_SCREENS.items():
        visits[username] = [screens[name].url() for name in names]
        cookies[username] = session_cookie(username, site_server.url)
    # The staff sign-in screens: two-factor sign-in (with the passkey scripts), and the lockouts.
    visits["officer"] += ["/admin/two-factor/", "/admin/two-factor/authenticator/"]
    visits["admin"] = ["/admin/sign-in-lockouts/"]
    cookies["admin"] = session_cookie("admin", site_server.url)
    preview_url = screens[PREVIEWED].url()
    Client().get(CACHED, HTTP_HOST=site_server.url.removeprefix("http://"))

    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=settings.CERTIFICATE_CHROMIUM, args=["--no-sandbox"])
        for username, urls in visits.items():
            context = browser.new_context()
            errors = []  # violations and script errors of the screen being loaded
            context.expose_function("reportCspViolation", lambda text, errors=errors: errors.append(f"CSP: {text}"))
            context.add_init_script(REPORT_VIOLATIONS)
            if username:
                context.add_cookies([cookies[username]])
            page = context.new_page()
            page.on(
                "console",
                lambda message, errors=errors: (
                    errors.append(f"{message.text} ({message.location.get('url')})")
                    if message.type == "error"
                    else None
                ),
            )
            page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
            for url in urls:
                errors.clear()
                response = page.goto(site_server.url + url, wait_until="load")
                assert response.status == (404 if "no-such-page" in url else 200), url
                if url == CACHED:
                    assert response.headers["x-page-cache"] == "hit"
                if url == preview_url:
                    page.locator('[data-side-panel-toggle="preview"]').click()
                    page.frame_locator("iframe[title]").locator("body").wait_for()
                page.wait_for_timeout(300)  # scripts that run after load (Stimulus controllers, the preview)
                problems += [f"{username or 'anonymous'} {url}: {e}" for e in errors if not is_expected(e)]
            context.close()
        browser.close()
    assert problems == []
