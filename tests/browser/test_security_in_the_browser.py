"""Security in the browser: the Content-Security-Policy blocks what it should and the browser
tests see every violation; the editor's preview still shows the page (X-Frame-Options DENY
everywhere else); a locked login explains itself."""

import pytest
from playwright.sync_api import expect

from home.demo import DEMO_EDITOR
from home.models import StandardPage
from tests.browser import conftest
from tests.browser.test_editor import log_in

pytestmark = pytest.mark.browser

INJECT_INLINE_SCRIPT = """() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true";
    document.body.append(script);
}"""


def test_an_injected_inline_script_is_blocked_and_fails_the_browser_tests(page, site):
    page.goto("/de/")
    with page.expect_console_message(lambda m: m.text.startswith("CSP violation")) as message:
        page.evaluate(INJECT_INLINE_SCRIPT)
    assert message.value.text == "CSP violation: script-src-elem blocked inline on /de/"
    assert page.evaluate("() => window.injected") is None
    # The violation is what fails a test at its end (tests/browser/conftest.py); this test
    # caused it on purpose.
    assert conftest._csp_violations == [message.value.text]
    conftest._csp_violations.clear()


def test_the_editor_preview_shows_the_page_in_its_frame(page, site):
    log_in(page, DEMO_EDITOR["username"], DEMO_EDITOR["password"])
    about = StandardPage.objects.get(slug="ueber-uns", locale__language_code="de")
    page.goto(f"/admin/pages/{about.pk}/edit/")
    page.get_by_role("button", name="Vorschau umschalten").click()
    # Wagtail loads the preview into a second frame and swaps it in when it has loaded.
    expect(page.locator("iframe.w-preview__proxy")).to_have_count(0)
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_contain_text(about.title)


def test_other_sites_cannot_frame_a_public_page(page, site):
    response = page.goto("/de/")
    assert response.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_a_locked_login_says_so_in_german_and_keeps_the_name(page, site):
    page.goto("/admin/login/")
    for attempt in range(5):
        page.locator("#id_username").fill(DEMO_EDITOR["username"])
        page.locator("#id_password").fill(f"falsch-{attempt}")
        page.get_by_role("button", name="Anmelden").click()
        page.wait_for_load_state()
    page.locator("#id_password").fill(DEMO_EDITOR["password"])
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_text("Zu viele falsche Versuche")).to_be_visible()
    expect(page.locator("#id_username")).to_have_value(DEMO_EDITOR["username"])
    assert "/admin/login/" in page.url
