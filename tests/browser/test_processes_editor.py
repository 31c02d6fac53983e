"""A volunteer of the Redaktion publishes a process page in the admin: a function, two
requirements from the catalogue and a tool decision; the process map then shows it."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect
from wagtail.models import Locale

from home.demo import DEMO_EDITOR
from home.models import HomePage
from processes.models import ProcessOverviewPage, ProcessPage, Requirement
from tests.browser.conftest import foreign_requests, watch_console
from tests.browser.test_editor import log_in

pytestmark = [pytest.mark.browser, pytest.mark.feature_app("processes")]


@pytest.fixture
def process_map(site):
    # A map of its own, with requirements of its own (the demo's are set aside; the next test
    # starts from the demo snapshot again).
    for existing in ProcessOverviewPage.objects.all():
        existing.delete()
    Requirement.objects.all().delete()
    home = HomePage.objects.get(locale__language_code="de")
    overview = ProcessOverviewPage(
        title="Unsere Prozesse", slug="unsere-prozesse", intro="Wo wir mit jedem Ablauf stehen."
    )
    home.add_child(instance=overview)
    overview.save_revision().publish()
    german = Locale.objects.get(language_code="de")
    for identifier, statement in [
        ("RB-01", "Gruppen sehen freie Zeiten der Räume"),
        ("RB-02", "Anfragen landen an einer Stelle"),
        ("RB-03", "Rechnungen entstehen aus der Buchung"),
    ]:
        Requirement.objects.create(identifier=identifier, statement=statement, locale=german)
    return overview


def insert_block(page, body, name):
    option = page.get_by_role("option", name=name, exact=True)
    for _attempt in range(3):
        body.get_by_role("button", name="Einen Block einfügen").last.click()
        # Right after the editor loads, the block chooser may not open on the first click.
        try:
            option.wait_for(state="visible", timeout=3000)
            break
        except PlaywrightTimeoutError:
            continue
    option.click()


def choose_requirement(page, chooser_button, identifier):
    chooser_button.click()
    modal = page.locator(".modal")
    modal.get_by_role("link", name=identifier).first.click()
    expect(modal).to_be_hidden()


def test_an_editor_publishes_a_process_and_sees_it_on_the_map(page, site, process_map, settings):
    # Wagtail 8 autosaves the editor every 500 ms. The live server's in-memory SQLite (shared
    # cache) refuses a second writer at once ("database table is locked") instead of waiting
    # as the file database with its busy timeout does, so an autosave that overlaps the publish
    # answered 500 on a busy machine. This test is about building and publishing a process.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    errors = watch_console(page, allow_autosave_validation=True)
    log_in(page, DEMO_EDITOR["username"], DEMO_EDITOR["password"])
    page.goto(f"/admin/pages/{process_map.pk}/")
    page.get_by_role("link", name="Unterseite hinzufügen").first.click()
    # The map offers its three page types only; the process is one of them.
    page.get_by_role("link", name="Prozess", exact=True).click()

    page.locator("#id_title").fill("Räume vermieten")
    page.get_by_role("textbox", name="Kurzbeschreibung").fill(
        "Wie Gruppen bei uns einen Raum bekommen."
    )
    page.locator("#id_stage_changes-0-stage").select_option("requirements")
    page.locator("#id_stage_changes-0-date").fill("2026-03-01")

    body = page.locator("#panel-child-inhalt-body-section")
    insert_block(page, body, "Funktion")
    page.locator("#body-0-value-name").fill("Raumanfrage beantworten")
    page.locator("#body-0-value-purpose").fill("Gruppen wissen schnell, ob ein Raum frei ist.")

    insert_block(page, body, "Anforderungen")
    requirements = page.locator("[data-contentpath='requirements']").last
    choose_requirement(
        page, requirements.get_by_role("button", name="Anforderung auswählen").first, "RB-01"
    )
    requirements.get_by_role("button", name="Hinzufügen").last.click()
    choose_requirement(
        page, requirements.get_by_role("button", name="Anforderung auswählen").last, "RB-02"
    )

    insert_block(page, body, "Werkzeugentscheidung")

    page.locator("#body-2-value-question").fill("Womit buchen wir Räume?")
    page.locator("#body-2-value-criteria-0-value-name").fill("Einfach für Ehrenamtliche")
    page.locator("#body-2-value-options-0-value-name").fill("Geteilter Kalender")
    page.locator("#body-2-value-options-0-value-chosen").check()

    page.get_by_role("button", name="Weitere Aktionen").click()
    page.get_by_role("button", name="Veröffentlichen").click()
    page.wait_for_url(f"**/admin/pages/{process_map.pk}/")
    expect(page.get_by_text("Räume vermieten").first).to_be_visible()

    process = ProcessPage.objects.get(title="Räume vermieten")
    assert process.live
    assert [block.block_type for block in process.body] == [
        "function",
        "requirements",
        "tool_decision",
    ]
    chosen = [r.identifier for r in process.body[1].value["requirements"]]
    assert chosen == ["RB-01", "RB-02"]
    assert process.decisions()[0][1].chosen.name == "Geteilter Kalender"

    page.goto(process_map.url)
    card = page.locator(".pm-card").filter(has_text="Räume vermieten")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Anforderungen festgelegt")
    card.get_by_role("link", name="Räume vermieten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Räume vermieten")
    expect(page.get_by_text("Raumanfrage beantworten")).to_be_visible()

    assert errors == []
    assert foreign_requests(page, site) == []
