"""The admin as a volunteer meets it: German for an English browser, nothing from third parties."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from blog.models import BlogPostPage
from home.demo import DEMO_EDITOR
from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser


@pytest.fixture
def english_page(browser, site):
    page = open_page(browser, site, locale="en-US")
    yield page
    page.context.close()


def german_post():
    return BlogPostPage.objects.filter(locale__language_code="de", live=True).first()


def test_an_english_browser_gets_a_german_admin_that_loads_nothing_from_elsewhere(
    english_page, site
):
    page = english_page
    page.goto("/admin/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Anmelden – Haus am Westbahnhof")
    expect(page.get_by_label("Passwort")).to_be_visible()
    page.locator("#id_username").fill(DEMO_EDITOR["username"])
    page.get_by_label("Passwort").fill(DEMO_EDITOR["password"])
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/admin/")

    expect(page.get_by_role("heading", name="Schnellzugriff")).to_be_visible()
    expect(page.get_by_role("link", name="Neuer Beitrag")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "de"

    page.goto(f"/admin/pages/{german_post().pk}/edit/")
    expect(page.get_by_text("Veröffentlichungsdatum").first).to_be_visible()
    expect(page.get_by_role("button", name="Entwurf speichern")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "de"
    # Wagtail's own review comments are off: no toggle beside the editor's side panels.
    assert page.locator('[data-side-panel-toggle="comments"]').count() == 0
    page.wait_for_load_state("networkidle")

    host = urlparse(site.url).netloc
    foreign = [url for url in page.requested_urls if urlparse(url).netloc != host]
    assert foreign == []
    assert len(page.requested_urls) > 10  # the requests were recorded at all
