"""A visitor on a phone opens the folded filters, filters the actors by discipline and district
and opens one (axe-core: tests/browser/test_kulturnetz_accessibility.py)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.feature_app("kulturnetz")]

ACTORS = "/de/kulturnetz/kulturaktive/"


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(
        base_url=site.url, locale="de-DE", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_visitor_on_a_phone_filters_actors_and_opens_one(phone):
    clicks = 0

    def click(locator):
        nonlocal clicks
        locator.click()
        clicks += 1

    phone.goto("/de/kulturnetz/")
    click(phone.get_by_role("link", name="Kulturaktive", exact=True).first)
    phone.wait_for_url(f"**{ACTORS}")
    # The filters are folded away on a phone, so the first entries are in sight.
    assert phone.locator(".kn-card").first.bounding_box()["y"] < 844
    expect(phone.get_by_label("Sparte")).to_be_hidden()
    click(phone.get_by_text("Suchen und filtern"))
    phone.get_by_label("Sparte").select_option("musik")
    phone.get_by_label("Ortsteil").select_option("queichheim")
    click(phone.get_by_role("button", name="Filtern"))
    phone.wait_for_url("**sparte=musik**")
    assert "ortsteil=queichheim" in phone.url
    expect(phone.get_by_role("status")).to_contain_text("1 Eintrag")
    click(phone.get_by_role("link", name="Batucada Queich"))
    expect(phone.locator("h1")).to_have_text("Batucada Queich")
    assert clicks == 4
