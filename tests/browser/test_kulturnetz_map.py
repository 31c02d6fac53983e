"""The map: nothing from the tile server before "Karte laden", a remembered choice that can be
taken back, keyboard use, the list without JavaScript, and axe before and after loading."""

import base64
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import foreign_requests, open_page
from tests.browser.test_visitor import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.feature_app("kulturnetz")]

START = "/de/kulturnetz/"
VENUE = "/de/kulturnetz/spielstaetten/haus-am-westbahnhof/"
TILES = "https://tile.openstreetmap.org/**"
# A transparent 1×1 PNG: the tile server answers from here, nothing leaves the machine.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def serve_tiles(page):
    """Answer tile requests locally; they are still recorded as requests to the tile host."""
    page.context.route(
        TILES, lambda route: route.fulfill(status=200, content_type="image/png", body=PNG)
    )


def map_requests(page):
    return [url for url in page.requested_urls if "/static/leaflet/" in url or "geojson" in url]


def load_button(page):
    return page.get_by_role("button", name="Karte laden")


def test_a_visitor_loads_the_map_only_after_consenting(page, site, axe):
    serve_tiles(page)
    page.goto(START)
    page.wait_for_load_state("networkidle")
    expect(load_button(page)).to_be_visible()
    # Before the click: no request to any other host, and nothing of the map at all.
    assert foreign_requests(page, site) == []
    assert map_requests(page) == []
    assert_no_axe_violations(axe, page)

    load_button(page).click()
    region = page.get_by_role("region", name="Karte: Orte im Kulturnetz")
    expect(region).to_be_visible()
    expect(region).to_be_focused()
    markers = page.locator(".leaflet-marker-icon")
    features = page.evaluate("fetch('/de/kulturnetz/geojson/').then((r) => r.json())")["features"]
    expect(markers).to_have_count(len(features))
    expect(page.locator(".leaflet-tile-loaded").first).to_be_attached()
    expect(page.locator(".leaflet-control-attribution")).to_contain_text(
        "OpenStreetMap contributors"
    )
    foreign = foreign_requests(page, site)
    assert foreign and all(url.startswith("https://tile.openstreetmap.org/") for url in foreign)
    expect(page.locator("[data-kn-map-status]")).to_have_text("Die Karte ist geladen.")

    # A marker is a button named after its place; its popup links to the page.
    page.get_by_role("button", name="Haus am Westbahnhof").click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup.get_by_role("link", name="Haus am Westbahnhof")).to_have_attribute(
        "href", re.compile(r"/de/kulturnetz/spielstaetten/haus-am-westbahnhof/$")
    )
    expect(popup).to_contain_text("Spielstätte · Landau-Innenstadt")
    expect(page.locator(".leaflet-popup")).to_have_css("opacity", "1")  # faded in
    assert_no_axe_violations(axe, page)


def test_the_choice_is_remembered_and_can_be_taken_back(page, site):
    serve_tiles(page)
    page.goto(VENUE)
    page.get_by_label("Auswahl merken").check()
    load_button(page).click()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)

    # Next visit: the map loads at once.
    page.requested_urls.clear()
    page.goto(START)
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    assert foreign_requests(page, site)
    expect(page.get_by_label("Auswahl merken")).to_be_checked()

    # "Karte ausblenden": the map goes, the choice is forgotten, the focus is on the button.
    page.get_by_role("button", name="Karte ausblenden").click()
    expect(load_button(page)).to_be_focused()
    expect(page.get_by_role("region", name="Karte: Orte im Kulturnetz")).to_be_hidden()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(0)
    assert page.evaluate("localStorage.getItem('kulturnetz-map-consent')") is None
    page.requested_urls.clear()
    page.goto(START)
    page.wait_for_load_state("networkidle")
    expect(load_button(page)).to_be_visible()
    assert foreign_requests(page, site) == []


def test_the_map_works_with_the_keyboard(page, site):
    serve_tiles(page)
    page.goto(VENUE)
    load_button(page).focus()
    page.keyboard.press("Enter")
    region = page.get_by_role("region", name="Karte: Lage")
    expect(region).to_be_focused()
    zoom_in = page.get_by_role("button", name="Vergrößern")
    expect(zoom_in).to_be_visible()
    before = page.evaluate("document.querySelector('.leaflet-tile-container') !== null")
    assert before
    # Tab reaches the marker, Enter opens its popup.
    marker = page.get_by_role("button", name="Haus am Westbahnhof")
    for _ in range(10):
        page.keyboard.press("Tab")
        if marker.evaluate("element => element === document.activeElement"):
            break
    expect(marker).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Am Westbahnhof")


def test_without_javascript_the_places_stay_a_list(browser, site):
    context = browser.new_context(java_script_enabled=False, base_url=site.url, locale="de-DE")
    page = context.new_page()
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page.goto(START)
    # (Playwright's text search skips <noscript>; its paragraph is shown all the same.)
    expect(page.locator(".kn-map noscript p")).to_contain_text("Die Karte braucht JavaScript.")
    expect(page.locator(".kn-map noscript p")).to_be_visible()
    expect(load_button(page)).to_be_hidden()
    places = page.get_by_role("list", name="Orte als Liste")
    expect(places.get_by_role("link", name="Haus am Westbahnhof")).to_be_visible()
    expect(places).to_contain_text("Am Westbahnhof, 76829 Landau in der Pfalz")
    assert not [url for url in requests if "openstreetmap" in url or "leaflet" in url]
    context.close()


def test_the_map_pages_have_no_axe_violations_in_english(browser, site, axe):
    page = open_page(browser, site, locale="en-GB")
    serve_tiles(page)
    page.goto("/en/kulturnetz/")
    assert_no_axe_violations(axe, page)
    page.get_by_role("button", name=re.compile("Karte laden|Load map")).click()
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    assert_no_axe_violations(axe, page)
    page.context.close()
