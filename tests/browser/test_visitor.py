"""What a visitor does: switch language, find the way, meet no barriers (axe-core)."""

import pytest

pytestmark = pytest.mark.browser


def axe_violations(axe, page):
    """What axe-core finds on the page against WCAG 2.1 A/AA and its best practices."""
    results = axe.run(
        page, options={"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
    )
    return [
        (v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3])
        for v in results.response["violations"]
    ]


def assert_no_axe_violations(axe, page):
    details = axe_violations(axe, page)
    assert details == [], details


def test_visitor_switches_language_on_a_content_page(page):
    page.goto("/de/ueber-uns/")
    assert page.locator("h1").inner_text() == "Über uns"
    page.get_by_role("navigation", name="Sprache wählen").get_by_role("link", name="EN").click()
    page.wait_for_url("**/en/about-us/")
    assert page.locator("h1").inner_text() == "About us"
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("navigation", name="Choose language").get_by_role("link", name="DE").click()
    page.wait_for_url("**/de/ueber-uns/")


def test_phone_visitor_opens_the_menu_with_the_keyboard(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 800}, base_url=site.url)
    page = context.new_page()
    page.goto("/de/")
    menu = page.locator("details#site-menu")
    toggle = menu.locator("summary", has_text="Menü")
    assert toggle.evaluate("element => getComputedStyle(element).display") != "none"
    assert menu.evaluate("element => element.open") is False
    menu_link = page.get_by_role("navigation", name="Hauptmenü").get_by_role(
        "link", name="Raumvermietung"
    )
    assert not menu_link.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert menu.evaluate("element => element.open") is True
    page.keyboard.press("Escape")
    assert menu.evaluate("element => element.open") is False
    assert toggle.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    menu_link.click()
    page.wait_for_url("**/de/raumvermietung/")
    context.close()


def test_phone_menu_works_without_javascript(browser, site):
    context = browser.new_context(
        viewport={"width": 390, "height": 800}, base_url=site.url, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/de/")
    menu_link = page.get_by_role("navigation", name="Hauptmenü").get_by_role(
        "link", name="Raumvermietung"
    )
    assert not menu_link.is_visible()
    page.locator("details#site-menu > summary").click()
    menu_link.click()
    page.wait_for_url("**/de/raumvermietung/")
    context.close()


def test_desktop_header_shows_the_menu_without_a_toggle(page):
    page.goto("/de/")
    assert page.locator("details#site-menu > summary").is_hidden()
    assert (
        page.get_by_role("navigation", name="Hauptmenü")
        .get_by_role("link", name="Raumvermietung")
        .is_visible()
    )


def test_footer_of_a_short_page_reaches_the_bottom_of_the_window(browser, site):
    context = browser.new_context(viewport={"width": 1366, "height": 2000}, base_url=site.url)
    page = context.new_page()
    page.goto("/de/gibt-es-nicht/")
    footer_bottom = page.locator("footer.site-footer").evaluate(
        "element => element.getBoundingClientRect().bottom"
    )
    assert footer_bottom == 2000
    context.close()


def test_skip_link_moves_focus_to_the_content(page):
    page.goto("/de/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Zum Inhalt springen")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()


def test_public_pages_request_nothing_from_third_parties(page, site):
    for url in ["/de/", "/en/", "/de/ueber-uns/", "/de/raumvermietung/", "/de/suche/?q=Saal"]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    foreign = [url for url in page.requested_urls if not url.startswith(site.url)]
    assert foreign == []


@pytest.mark.parametrize(
    "url",
    [
        "/de/",
        "/en/",
        "/de/ueber-uns/",
        "/de/raumvermietung/",
        "/en/room-hire/",
        "/de/suche/?q=Saal",
        "/de/suche/",
        "/de/gibt-es-nicht/",
    ],
)
def test_axe_finds_no_violations(page, axe, url):
    page.goto(url)
    assert_no_axe_violations(axe, page)
