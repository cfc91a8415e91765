"""What the browser tests share: Debian's Chromium through Playwright, a page that records every console error
and failed request, signing in through the real forms, axe-core's accessibility check, and screenshots."""

import contextlib
import json
import os
import tempfile
from pathlib import Path

from django.conf import settings
from playwright.sync_api import sync_playwright

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# The README's screenshots are replaced only when asked (UPDATE_SCREENSHOTS=1 make test): a test run should
# not change tracked files. Otherwise they go to a scratch directory, so the step still runs.
SCREENSHOTS = (
    Path(settings.BASE_DIR) / "docs" / "screenshots"
    if os.environ.get("UPDATE_SCREENSHOTS") == "1"
    else Path(tempfile.gettempdir()) / "mole-screenshots"
)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# Console errors that are not the page's fault: the live server serves no media (production's web server does).
NOT_SERVED = ("/media/",)
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Browser:
    def __init__(self, playwright, base_url):
        self.chromium = playwright.chromium.launch(executable_path=settings.CERTIFICATE_CHROMIUM, args=["--no-sandbox"])
        self.base_url = base_url
        self.problems = []

    def page(self, *, viewport=DESKTOP, language="bn"):
        """A new page in its own context (its own cookies), watched for console errors and failed requests."""
        context = self.chromium.new_context(
            base_url=self.base_url, viewport=viewport, locale="bn-BD" if language == "bn" else "en-US"
        )
        page = context.new_page()
        page.on("console", lambda m: self._problem(page, f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda error: self._problem(page, f"script error: {error}"))
        page.on("requestfailed", lambda r: self._problem(page, f"request failed: {r.url} ({r.failure})"))
        page.on("response", lambda r: self._problem(page, f"{r.status} {r.url}") if r.status >= 400 else None)
        return page

    def _problem(self, page, text):
        if not any(path in text for path in NOT_SERVED):
            self.problems.append(f"{page.url}: {text}")


@contextlib.contextmanager
def chromium(base_url):
    with sync_playwright() as playwright:
        browser = Browser(playwright, base_url)
        try:
            yield browser
        finally:
            browser.chromium.close()


def sign_in(page, username, password):
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form.login-form button[type=submit]")
    page.wait_for_load_state()


def accessibility_problems(page) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 A/AA violations on this page. Run through the DevTools
    protocol (page.evaluate), which the page's Content-Security-Policy does not govern."""
    page.evaluate(AXE.read_text())
    results = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    assert results["passes"], "axe-core checked nothing"
    return [
        f"{page.url}: {found['id']} ({found['impact']}) {json.dumps([node['target'] for node in found['nodes']][:3])}"
        for found in results["violations"]
        if found["impact"] in ("serious", "critical")
    ]


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
