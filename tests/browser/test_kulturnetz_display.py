"""The shop-window display on a landscape and a portrait screen: it passes axe-core, fits the
screen, shows a newly published event without reloading, and keeps its list while the server
cannot be reached."""

from datetime import time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kulturnetz.models import EventCategory, EventDate, EventIndexPage, EventPage, VenuePage
from tests.browser.conftest import foreign_requests, watch_console
from tests.browser.test_visitor import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.feature_app("kulturnetz")]

DISPLAY = "/de/kulturnetz/kalender/anzeige/"
SCREENS = {"landscape": (1920, 1080), "portrait": (1080, 1920)}


def publish_event(title):
    calendar = EventIndexPage.objects.get(locale__language_code="de")
    event = EventPage(
        title=title,
        live=False,
        intro="Neu im Kalender.",
        category=EventCategory.objects.get(slug="konzert", locale=calendar.locale),
        venue=VenuePage.objects.get(slug="haus-am-westbahnhof"),
        dates=[EventDate(start_date=timezone.localdate() + timedelta(days=1), start_time=time(20))],
    )
    calendar.add_child(instance=event)
    event.save_revision().publish()


@pytest.mark.parametrize("screen", SCREENS, ids=list(SCREENS))
def test_the_display_fits_the_screen_and_passes_axe(page, axe, site, screen):
    width, height = SCREENS[screen]
    page.set_viewport_size({"width": width, "height": height})
    errors = watch_console(page)
    page.goto(DISPLAY)
    items = page.locator(".kn-display__item")
    expect(items).to_have_count(8)
    assert_no_axe_violations(axe, page)
    # Every row is on the screen, nothing scrolls, and the titles are large.
    main = page.locator("main").bounding_box()
    last = items.last.bounding_box()
    assert last["y"] + last["height"] <= main["y"] + main["height"] + 1
    assert page.evaluate("document.documentElement.scrollHeight") <= height
    size = page.locator(".kn-display__what").first.evaluate(
        "element => parseFloat(getComputedStyle(element).fontSize)"
    )
    assert size >= 36
    assert errors == [] and foreign_requests(page, site) == []


def test_the_display_refreshes_itself_and_survives_the_server_being_away(page, site, settings):
    settings.KULTURNETZ_DISPLAY_REFRESH_SECONDS = 1
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(DISPLAY + "?q=Unverwechselbar")
    expect(page.locator(".kn-display__empty")).to_be_visible()
    page.evaluate("window.sameDocument = true")

    publish_event("Unverwechselbares Konzert")
    item = page.locator(".kn-display__item", has_text="Unverwechselbares Konzert")
    expect(item).to_be_visible(timeout=10_000)
    expect(item).to_contain_text("Morgen")
    assert page.evaluate("window.sameDocument") is True  # swapped in place, not reloaded

    # The server cannot be reached: the list stays, the page says nothing alarming.
    page.route("**/anzeige/**", lambda route: route.abort())
    expect(page.locator("html[data-offline]")).to_have_count(1, timeout=10_000)
    expect(item).to_be_visible()
    page.unroute("**/anzeige/**")
    expect(page.locator("html[data-offline]")).to_have_count(0, timeout=10_000)
    expect(item).to_be_visible()
    assert page.evaluate("window.sameDocument") is True
