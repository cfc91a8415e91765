"""HTML to PDF with headless Chromium (Debian's `chromium`), one browser per process, reused.

Playwright's sync API objects belong to the thread that made them, and Django's runserver (like a
threaded gunicorn) answers requests from many threads, so the browser lives in one renderer thread of
its own, fed by a queue; a caller blocks on a future for its PDF. Launching Chromium costs about half a
second, so it is started on first use and kept; a browser that died (killed, crashed) is started again
for the next PDF; at exit it is closed. The renderer is also safe after a fork (a Celery prefork worker):
each process starts its own thread on first use.
"""

import atexit
import contextlib
import logging
import os
import queue
import threading
from concurrent.futures import Future

from django.conf import settings

logger = logging.getLogger(__name__)

_STOP = object()


class RenderError(RuntimeError):
    """Chromium could not make the PDF."""


class Renderer:
    def __init__(self):
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._pid = None
        self._lock = threading.Lock()
        self.launches = 0  # how many times a browser was started (the tests check it is reused)

    def _ensure_thread(self):
        with self._lock:
            if self._thread is None or not self._thread.is_alive() or self._pid != os.getpid():
                self._queue = queue.Queue()
                self._pid = os.getpid()
                self._thread = threading.Thread(target=self._run, name="certificate-pdf", daemon=True)
                self._thread.start()

    def pdf(self, html: str, timeout: float = 60) -> bytes:
        """The PDF of a complete HTML document (fonts and images inline, no network)."""
        self._ensure_thread()
        future: Future = Future()
        self._queue.put((html, future))
        return future.result(timeout=timeout)

    def stop(self, timeout: float = 10) -> None:
        thread = self._thread
        if thread is not None and thread.is_alive() and self._pid == os.getpid():
            self._queue.put(_STOP)
            thread.join(timeout)

    # --- The renderer thread ----------------------------------------------------------------------
    def _run(self):
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = page = None
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    return
                html, future = item
                if not future.set_running_or_notify_cancel():
                    continue
                # A browser that died since the last PDF is noticed here: started afresh, and tried once more.
                for attempt in (1, 2):
                    try:
                        if browser is None or not browser.is_connected():
                            browser, page = self._launch(playwright, browser)
                        future.set_result(self._print(page, html))
                        break
                    except Exception as error:  # handed to the caller after the second try
                        logger.warning("certificate PDF failed (attempt %s): %s", attempt, error)
                        browser, page = self._close(browser), None
                        if attempt == 2:
                            future.set_exception(RenderError(str(error)))
        finally:
            self._close(browser)
            playwright.stop()

    def _launch(self, playwright, old_browser):
        self._close(old_browser)
        browser = playwright.chromium.launch(
            executable_path=str(getattr(settings, "CERTIFICATE_CHROMIUM", "/usr/bin/chromium")),
            args=["--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"],
        )
        self.launches += 1
        # No network for the page: everything it needs is inline; anything else is refused.
        context = browser.new_context(java_script_enabled=False, offline=True)
        return browser, context.new_page()

    @staticmethod
    def _print(page, html: str) -> bytes:
        page.set_content(html, wait_until="load")
        return page.pdf(prefer_css_page_size=True, print_background=True)

    @staticmethod
    def _close(browser):
        if browser is not None:
            with contextlib.suppress(Exception):  # it is dead already
                browser.close()
        return None


renderer = Renderer()
atexit.register(renderer.stop)


def html_to_pdf(html: str) -> bytes:
    return renderer.pdf(html)
