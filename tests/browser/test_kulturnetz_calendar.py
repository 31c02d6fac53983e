"""A visitor filters the calendar to "Konzert, dieses Wochenende" and opens a concert, on a phone
and on a desktop; calendar and event page pass axe-core."""

import re

import pytest
from playwright.sync_api import expect

from kulturnetz.models import EventIndexPage
from tests.browser.test_visitor import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.feature_app("kulturnetz")]


@pytest.mark.parametrize("viewport", [(390, 844), (1366, 900)], ids=["phone", "desktop"])
def test_visitor_finds_a_concert_this_weekend(page, axe, viewport):
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    calendar = EventIndexPage.objects.get(locale__language_code="de")
    page.goto(calendar.url)
    assert_no_axe_violations(axe, page)
    before = page.get_by_role("status").inner_text()

    if viewport[0] < 960:
        # Folded away on a phone: the first dates are in sight, one tap opens the filters.
        assert page.locator(".occurrence-card").first.bounding_box()["y"] < viewport[1]
        expect(page.get_by_label("Kategorie")).to_be_hidden()
        page.locator("summary", has_text="Termine filtern").click()
    else:
        expect(page.locator("summary", has_text="Termine filtern")).to_be_hidden()
        expect(page.get_by_role("heading", name="Termine filtern")).to_be_visible()
    page.get_by_label("Kategorie").select_option(label="Konzert")
    page.get_by_label("Dieses Wochenende").check()
    page.get_by_role("button", name="Filtern").click()

    expect(page).to_have_url(re.compile(r"kategorie=konzert.*zeitraum=wochenende"))
    status = page.get_by_role("status").inner_text()
    assert status != before and "gefunden" in status
    cards = page.locator(".occurrence-card")
    assert cards.count() >= 1
    assert all("Konzert" in text for text in cards.all_text_contents())
    expect(page.get_by_label("Dieses Wochenende")).to_be_checked()

    title = cards.first.get_by_role("link").inner_text()
    cards.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("link", name="Zum Kalender hinzufügen (iCal)")).to_be_visible()
    assert_no_axe_violations(axe, page)
