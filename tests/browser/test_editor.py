"""What an editor does in the German admin: log in, edit a page, publish, see it live."""

import pytest
from playwright.sync_api import expect

from home.demo import DEMO_EDITOR
from home.models import StandardPage

pytestmark = pytest.mark.browser


def log_in(page, username, password):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/admin/")


def test_editor_edits_publishes_and_sees_the_change_live(page):
    log_in(page, DEMO_EDITOR["username"], DEMO_EDITOR["password"])
    about = StandardPage.objects.get(slug="ueber-uns")
    page.goto(f"/admin/pages/{about.pk}/edit/")
    intro = page.get_by_role("textbox", name="Einleitung")
    intro.fill("Wir sind ein Haus für alle, die Kultur machen wollen.")
    page.get_by_role("button", name="Weitere Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen", exact=True).click()
    page.wait_for_url("**/admin/pages/**")
    page.goto("/de/ueber-uns/")
    assert (
        page.locator(".lead").first.inner_text()
        == "Wir sind ein Haus für alle, die Kultur machen wollen."
    )


def test_wrong_password_gets_a_german_error(page):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(DEMO_EDITOR["username"])
    page.locator("#id_password").fill("falsch")
    page.get_by_role("button", name="Anmelden").click()
    expect(
        page.get_by_text("Ihr Benutzername und Ihr Passwort wurden nicht erkannt")
    ).to_be_visible()
    assert page.locator("#id_username").input_value() == DEMO_EDITOR["username"]
