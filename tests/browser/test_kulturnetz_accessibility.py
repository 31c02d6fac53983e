"""Every public page type of the Kulturnetz passes axe-core in German and English, on a phone
with its filters open too, and works with the keyboard: skip link, filters, visible focus."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_visitor import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.feature_app("kulturnetz")]

CALENDAR = "/de/kulturnetz/kalender/"
EVENTS = {
    "single date": "liederabend-brandt",
    "single date without picture": "fruehlingskonzert-westwind",
    "run with opening hours": "ausstellung-lindner",
    "weekly with exception": "keramikkurs",
    "cancelled": "theater-abgesagt",
    "postponed": "vortrag-verschoben",
    "sold out": "zwickmuehle-neues-programm",
}
GERMAN_PAGES = [
    "/de/kulturnetz/",
    CALENDAR,
    f"{CALENDAR}?kategorie=konzert&zeitraum=wochenende",
    f"{CALENDAR}?q=Zauberflöte",
    f"{CALENDAR}?seite=2",
    "/de/kulturnetz/kulturaktive/",
    "/de/kulturnetz/kulturaktive/?sparte=musik&buchstabe=B",
    "/de/kulturnetz/kulturaktive/?q=Zauberflöte",
    "/de/kulturnetz/spielstaetten/",
    "/de/kulturnetz/kulturaktive/chor-westwind/",
    "/de/kulturnetz/spielstaetten/haus-am-westbahnhof/",
    *(f"{CALENDAR}{slug}/" for slug in EVENTS.values()),
    "/de/",
    "/de/suche/?q=Konzert",
]
# The demo's directory is German; English copies of one page of each type (made below) show
# the pages with the English interface.
ENGLISH_PAGES = [
    "/en/kulturnetz/",
    "/en/kulturnetz/calendar/",
    "/en/kulturnetz/people-and-groups/",
    "/en/kulturnetz/venues/",
    "/en/kulturnetz/people-and-groups/chor-westwind/",
    "/en/kulturnetz/venues/haus-am-westbahnhof/",
    "/en/kulturnetz/calendar/ausstellung-lindner/",
    "/en/kulturnetz/calendar/keramikkurs/",
    "/en/kulturnetz/calendar/theater-abgesagt/",
    "/en/",
]


@pytest.fixture
def english_copies(site):
    from wagtail.models import Locale

    from kulturnetz.models import ActorPage, EventPage, VenuePage

    english = Locale.objects.get(language_code="en")
    pages = [
        (ActorPage, "chor-westwind"),
        (VenuePage, "haus-am-westbahnhof"),
        *((EventPage, slug) for slug in ("ausstellung-lindner", "keramikkurs", "theater-abgesagt")),
    ]
    for model, slug in pages:
        german = model.objects.get(slug=slug, locale__language_code="de")
        german.copy_for_translation(english).save_revision().publish()


def sweep(axe, page, urls):
    found = {}
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        violations = axe_violations(axe, page)
        if violations:
            found[url] = violations
    return found


def test_every_kulturnetz_page_type_passes_axe_in_german_and_english(page, axe, english_copies):
    assert sweep(axe, page, GERMAN_PAGES + ENGLISH_PAGES) == {}


def test_phone_pages_with_open_filters_pass_axe(browser, site, axe):
    context = browser.new_context(
        base_url=site.url, locale="de-DE", viewport={"width": 390, "height": 844}
    )
    phone = context.new_page()
    found = {}
    for url in [CALENDAR, "/de/kulturnetz/spielstaetten/", f"{CALENDAR}keramikkurs/"]:
        phone.goto(url)
        toggle = phone.locator("summary.kn-filter-panel__toggle")
        if toggle.count():
            toggle.click()
        # No sideways scrolling on a phone.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, url
        violations = axe_violations(axe, phone)
        if violations:
            found[url] = violations
    context.close()
    assert found == {}


def focus_is_visible(page):
    """Whether the focused element, or the card it stretches over, draws a focus ring."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const ringed = element.closest('.occurrence-card, .card') || element;
            const style = getComputedStyle(ringed);
            return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        }"""
    )


def test_keyboard_reaches_the_filters_and_the_dates_with_visible_focus(browser, site):
    context = browser.new_context(
        base_url=site.url, locale="de-DE", viewport={"width": 390, "height": 844}
    )
    phone = context.new_page()
    phone.goto(CALENDAR)
    phone.keyboard.press("Tab")
    skip = phone.get_by_role("link", name="Zum Inhalt springen")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["y"] >= 0 and focus_is_visible(phone)
    phone.keyboard.press("Enter")
    expect(phone.locator("main")).to_be_focused()

    # From the content: the breadcrumbs, then the folded filters, opened with Enter.
    toggle = phone.locator("summary.kn-filter-panel__toggle")
    for _ in range(5):
        phone.keyboard.press("Tab")
        if toggle.evaluate("element => element === document.activeElement"):
            break
    expect(toggle).to_be_focused()
    assert focus_is_visible(phone)
    phone.keyboard.press("Enter")
    phone.keyboard.press("Tab")
    expect(phone.get_by_label("Suche")).to_be_focused()
    assert focus_is_visible(phone)
    context.close()

    desktop = browser.new_context(
        base_url=site.url, locale="de-DE", viewport={"width": 1366, "height": 900}
    ).new_page()
    desktop.goto(CALENDAR)
    desktop.keyboard.press("Tab")
    desktop.keyboard.press("Enter")
    # On a wide screen the filters are open and the toggle is out of the way.
    focused = []
    for _ in range(40):
        desktop.keyboard.press("Tab")
        focused.append(desktop.evaluate("document.activeElement.name || ''"))
        if desktop.evaluate("!!document.activeElement.closest('.occurrence-card')"):
            break
    assert focused[:2] == ["", ""]  # the two breadcrumb links
    assert {"q", "kategorie", "zeitraum", "von", "bis", "ortsteil"} <= set(focused)
    assert focus_is_visible(desktop)  # the first date's card
    desktop.context.close()
