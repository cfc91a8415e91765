"""Passkeys end to end in Chromium, with the browser's virtual authenticator standing in for a security key:
added from the two-factor page, then used as the second step of signing in."""

import pytest
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import sync_playwright
from wagtail.models import ModelLogEntry

from tests.factories import DemoSite, make_user

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.flushes_db]


def with_virtual_authenticator(context, page):
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return cdp


def test_a_passkey_is_added_and_then_signs_in(site_server, settings, monkeypatch):
    DemoSite.get()
    officer = make_user("passkey-officer", groups=["Officers"])
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [site_server.url]
    # Playwright's sync API runs an event loop in this thread; the ORM calls are ours, between its steps.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    errors = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = browser.new_context(base_url=site_server.url)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        cdp = with_virtual_authenticator(context, page)

        def sign_in_with_password():
            page.goto("/admin/login/")
            page.fill("input[name=username]", officer.username)
            page.fill("input[name=password]", "pass-for-tests")
            page.click("button[type=submit]")
            page.wait_for_load_state()

        sign_in_with_password()
        page.goto("/admin/two-factor/")
        page.click("#passkey-register-button")
        page.wait_for_selector("text=পাসকি যোগ হয়েছে!")
        page.wait_for_load_state()
        page.wait_for_selector("table >> text=সরান")
        assert WebAuthnCredential.objects.filter(user=officer, confirmed=True).count() == 1
        assert ModelLogEntry.objects.filter(action="accounts.device_added", data__kind="passkey").exists()

        # Signed out, then in again: after the password the admin asks for the passkey, and it is enough.
        context.clear_cookies()
        sign_in_with_password()
        page.goto("/admin/workflows/tasks/mine/")
        assert "/admin/two-factor/verify/" in page.url
        page.click("#passkey-verification-button")
        page.wait_for_url("**/admin/workflows/tasks/mine/")
        assert page.locator("h1").first.is_visible()
        cdp.send("WebAuthn.disable")
        browser.close()
    assert errors == []
