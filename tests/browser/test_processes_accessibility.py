"""The process pages pass axe-core on a phone and on a desktop, and a phone never scrolls
sideways: the map, a process with every kind of block, the catalogue and the toolbox."""

import pytest

from tests.browser.test_visitor import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.feature_app("processes")]

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}


@pytest.fixture
def process_urls(site):
    from tests.processes.builders import process_map

    built = process_map()
    return [
        built.overview.url,
        built.processes["prozesse-test-raumbuchung"].url,
        built.processes["prozesse-test-interne-kommunikation"].url,
        built.catalogue.url,
        built.toolbox.url,
    ]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_process_pages_pass_axe(browser, site, axe, process_urls, viewport):
    context = browser.new_context(base_url=site.url, locale="de-DE", viewport=VIEWPORTS[viewport])
    page = context.new_page()
    found = {}
    for url in process_urls:
        response = page.goto(url)
        assert response.status == 200, url
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[viewport]["width"], (url, width)
        violations = axe_violations(axe, page)
        if violations:
            found[url] = violations
    context.close()
    assert found == {}
