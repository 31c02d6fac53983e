"""Nothing jumps while a page loads: every public page type, phone and desktop, with and
without the site's script, stays below a cumulative layout shift of 0.1 ("good")."""

import pytest

from portal.showcase import (
    SITE_SCRIPT,
    VIEWPORTS,
    cumulative_layout_shift,
    layout_shift_sources,
    load_fully,
    showcase_pages,
)

pytestmark = pytest.mark.browser

GOOD = 0.1


def test_showcase_covers_the_public_page_types():
    names = {page.name for page in showcase_pages()}
    assert {"home-de", "home-en", "standard-page", "search", "not-found", "privacy"} <= names


SHIFTING_PAGE = (
    "<!DOCTYPE html><body><main style='height:600px'>Text</main><script>setTimeout(() =>"
    " document.body.insertAdjacentHTML('afterbegin', '<div style=\"height:200px\"></div>'),"
    " 300)</script></body>"
)


def test_the_measure_sees_a_shift(browser):
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    # A navigated document (layout shifts are not reported for about:blank)
    page.route("http://shift.test/", lambda route: route.fulfill(body=SHIFTING_PAGE))
    page.goto("http://shift.test/")
    page.wait_for_timeout(600)
    assert cumulative_layout_shift(page) > GOOD
    # The report names what moved: the main element, pushed down by 200 pixels.
    (shift,) = layout_shift_sources(page)
    assert "main 8,8 374x600 -> 8,208 374x600" in shift, shift
    context.close()


def test_no_page_type_shifts_its_layout_while_loading(browser, site):
    shifts, moved = {}, {}
    for showcase in showcase_pages():
        for viewport_name, viewport in VIEWPORTS.items():
            for with_script in (True, False):
                # A fresh context per load: nothing cached, as on a first visit.
                context = browser.new_context(viewport=viewport, base_url=site.url)
                page = context.new_page()
                if not with_script:
                    page.route(SITE_SCRIPT, lambda route: route.abort())
                load_fully(page, showcase.path)
                assert page.evaluate("document.fonts.status") == "loaded"
                unsized = page.locator("img:not([width]), img:not([height])").count()
                assert unsized == 0, showcase.path
                key = f"{showcase.name} {viewport_name} {'js' if with_script else 'no-js'}"
                shifts[key] = round(cumulative_layout_shift(page), 4)
                if shifts[key] >= GOOD:
                    moved[key] = layout_shift_sources(page)
                context.close()
    assert len(shifts) == 4 * len(showcase_pages())
    # On failure: which page moved by how much, and the elements each shift moved.
    assert {key: (value, moved[key]) for key, value in shifts.items() if value >= GOOD} == {}
