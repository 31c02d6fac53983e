"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Chromium comes from Debian (`apt-get install chromium`); Playwright's own browser download
does not work here. Outside CI a missing browser skips these tests with a loud warning; in CI
(CI=true) it fails them.
"""

import contextlib
import os
import re
import shutil
import sqlite3
import urllib.request
from io import StringIO
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

from portal.showcase import CHROMIUM, CHROMIUM_ARGS
from tests.factories import ensure_wagtail_roots

MISSING_BROWSER = (
    f"BROWSER TESTS NOT RUN: no Chromium at {CHROMIUM}. Install it with "
    "`apt-get install chromium` (CI installs it in .ci/run)."
)


class _OneRequestAtATime(WSGIServer):
    """The live server answers one request after the other.

    Django's threaded live server hands the test's in-memory SQLite connection to a thread per
    request; two requests at once (Wagtail's autosave beside a click, the editing-session
    beacon a closing tab sends) then run inside each other's transactions. One at a time, with
    ``Connection: close`` (Django sends it from a server without threads), and a backlog for
    the parallel connections Chromium opens.
    """

    request_queue_size = 64

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = _OneRequestAtATime

# Playwright's sync API runs an event loop in this thread; the ORM calls of the fixtures are
# still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_skipped_for_missing_browser = []


def pytest_terminal_summary(terminalreporter):
    if _skipped_for_missing_browser:
        terminalreporter.section("BROWSER TESTS SKIPPED", sep="!", red=True, bold=True)
        terminalreporter.write_line(MISSING_BROWSER, red=True, bold=True)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(MISSING_BROWSER)
        _skipped_for_missing_browser.append(True)
        pytest.skip(MISSING_BROWSER)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        browser.new_context = _reporting_csp_violations(browser.new_context)
        yield browser
        browser.close()


# Every page of every test reports what the Content-Security-Policy blocked: a violation is a
# defect found here, not after deploying (the policy is the same as in production).
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    console.error(`CSP violation: ${event.effectiveDirective} blocked ` +
        `${event.blockedURI} on ${document.location.pathname}`);
});
"""
_csp_violations = []


def _reporting_csp_violations(new_context):
    def new_reporting_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.add_init_script(script=REPORT_CSP_VIOLATIONS)
        context.on(
            "console",
            lambda message: (
                message.text.startswith("CSP violation") and _csp_violations.append(message.text)
            ),
        )
        return context

    return new_reporting_context


@pytest.fixture(autouse=True)
def _no_csp_violation():
    """Fails the test whose pages broke the Content-Security-Policy (after its browser closed)."""
    _csp_violations.clear()
    yield
    assert not _csp_violations, "\n".join(_csp_violations)


# The demo database as the first browser test found it: each later test starts from a copy.
_demo_snapshot = []


def _in_memory_sqlite(connection):
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the demo content (each test's changes are flushed after it).

    Loading the demo takes seconds; on the in-memory SQLite database the demo is loaded
    once and copied back before each test with SQLite's backup API (well under a second).
    """
    from django.core.cache import caches
    from django.db import connection

    if _demo_snapshot and _in_memory_sqlite(connection):
        _demo_snapshot[0].backup(connection.connection)
    else:
        ensure_wagtail_roots()
        call_command("load_demo_content", "--site-url", live_server.url, stdout=StringIO())
        if _in_memory_sqlite(connection):
            connection.ensure_connection()
            snapshot = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(snapshot)
            _demo_snapshot.append(snapshot)
    for cache in caches.all():
        cache.clear()
    yield live_server
    # Requests a test's browser still had under way (a beacon sent when its tab closed) are
    # answered before the database is flushed: the server takes this one only after them.
    with contextlib.suppress(OSError):
        urllib.request.urlopen(live_server.url + "/healthz", timeout=30).close()


def open_page(browser, site, locale="de-DE"):
    """A desktop page of a new browser context whose ``requested_urls`` lists every request."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale=locale, base_url=site.url
    )
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.requested_urls = requests
    return page


@pytest.fixture
def page(browser, site):
    page = open_page(browser, site)
    yield page
    page.context.close()


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


class Clicks:
    """Counts what a person clicks on the way, so "N clicks" is asserted, not assumed."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator):
        locator.click()
        self.count += 1

    def since(self, start):
        return self.count - start


# Wagtail's autosave posts the editor form while required fields are still empty; the server
# answers 400 ("validation_error") and Chromium logs the failed fetch as a console error.
AUTOSAVE_URL = re.compile(r"/admin/pages/(add/[^/]+/[^/]+/\d+|\d+/edit)/$")
FAILED_FETCH_400 = "Failed to load resource: the server responded with a status of 400"


def watch_console(page, allow_autosave_validation=False):
    """The console errors and uncaught exceptions of ``page``, as a list that fills up."""
    errors = []

    def on_console(message):
        if message.type != "error":
            return
        if (
            allow_autosave_validation
            and message.text.startswith(FAILED_FETCH_400)
            and AUTOSAVE_URL.search(message.location.get("url", ""))
        ):
            return
        errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def foreign_requests(page, site):
    """The requests ``page`` made to any host but the live server."""
    host = urlparse(site.url).netloc
    return [url for url in page.requested_urls if urlparse(url).netloc != host]
