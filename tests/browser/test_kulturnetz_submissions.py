"""An actor reports an event without an account and an editor approves it on the dashboard;
every public form of the Kulturnetz passes axe-core, also when it comes back with errors."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from home.demo import DEMO_EDITOR
from home.form_protection import MIN_FORM_SECONDS
from kulturnetz.models import (
    ActorIndexPage,
    ActorPage,
    EventPage,
    KulturnetzIndexPage,
    VenueIndexPage,
)
from tests.browser.conftest import foreign_requests, open_page, watch_console
from tests.browser.test_editor import log_in
from tests.browser.test_visitor import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.feature_app("kulturnetz")]


def send(page, button_name):
    """Press the form's button once the form is old enough to be taken (3 seconds)."""
    opened = page.evaluate("performance.timing.responseEnd") / 1000
    wait = opened + MIN_FORM_SECONDS + 0.3 - time.time()
    if wait > 0:
        page.wait_for_timeout(wait * 1000)
    page.get_by_role("button", name=button_name).click()
    page.wait_for_load_state()


def test_an_actor_reports_an_event_and_an_editor_approves_it(browser, page, site, axe):
    errors = watch_console(page)
    page.set_viewport_size({"width": 390, "height": 844})
    day = timezone.localdate() + timedelta(days=12)
    start = KulturnetzIndexPage.objects.get(locale__language_code="de")

    page.goto(start.url)
    page.get_by_role("link", name="Veranstaltung melden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Veranstaltung melden")
    assert_no_axe_violations(axe, page)

    page.get_by_label("Titel der Veranstaltung").fill("Lieder am Fluss")
    page.get_by_label("Kategorie").select_option(label="Konzert")
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Beginn").fill("19:30")
    page.get_by_label("Spielstätte").select_option(label="Haus am Westbahnhof")
    page.get_by_label("Dein Name").fill("Chor Westwind")
    page.get_by_label("Deine E-Mail-Adresse").fill("chor@example.org")
    page.get_by_label("Ich bin einverstanden").check()
    send(page, "Veranstaltung melden")

    # The short description is missing: a German error at the field, the rest kept.
    expect(page.get_by_role("alert")).to_contain_text("Bitte prüfe die markierten Felder.")
    expect(page.locator("#id_intro_error")).to_have_text(
        "Bitte beschreib in ein, zwei Sätzen, was die Gäste erwartet."
    )
    expect(page.get_by_label("Titel der Veranstaltung")).to_have_value("Lieder am Fluss")
    expect(page.get_by_label("Datum")).to_have_value(day.isoformat())
    assert_no_axe_violations(axe, page)
    page.get_by_label("Kurzbeschreibung").fill("Der Chor singt Lieder vom Wasser.")
    send(page, "Veranstaltung melden")

    expect(page.get_by_role("heading", level=1)).to_have_text("Danke für Deine Meldung!")
    assert_no_axe_violations(axe, page)
    event = EventPage.objects.get(title="Lieder am Fluss")
    assert not event.live
    assert page.request.get(f"{site.url}{event.get_parent().url}{event.slug}/").status == 404

    # The editor hears of it and approves it on the dashboard.
    assert any("redaktion@example.org" in m.to for m in mail.outbox)
    editor = open_page(browser, site)
    try:
        log_in(editor, DEMO_EDITOR["username"], DEMO_EDITOR["password"])
        row = editor.get_by_role("row").filter(has_text="Lieder am Fluss")
        row.get_by_role("button", name="Aktionen").click()
        row.get_by_role("button", name="Freigeben").click()
        # Approved: it leaves the list of what waits for review.
        expect(editor.get_by_role("row").filter(has_text="Lieder am Fluss")).to_have_count(0)
    finally:
        editor.context.close()

    event.refresh_from_db()
    assert event.live
    page.goto(event.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Lieder am Fluss")
    assert [m.subject for m in mail.outbox if m.to == ["chor@example.org"]] == [
        "Dein Vorschlag ist online: Lieder am Fluss"
    ]
    # Only the refused form's answer (400, as for the comment form) is in the console.
    assert errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]
    assert foreign_requests(page, site) == []


@pytest.mark.parametrize("form", ["actor", "venue", "change"])
def test_the_other_forms_pass_axe_also_with_errors(page, axe, form):
    if form == "change":
        target = ActorPage.objects.get(slug="chor-westwind", locale__language_code="de")
        url = target.route_url("change")
    elif form == "actor":
        url = ActorIndexPage.objects.get(locale__language_code="de").route_url("suggest")
    else:
        url = VenueIndexPage.objects.get(locale__language_code="de").route_url("suggest")

    page.goto(url)
    assert_no_axe_violations(axe, page)
    send(page, "Vorschlag absenden")

    expect(page.get_by_role("alert")).to_contain_text("Der Vorschlag konnte nicht gesendet werden")
    expect(page.locator(".field--error").first).to_be_visible()
    assert_no_axe_violations(axe, page)
    assert re.search(r"/(vorschlagen|aendern)/$", page.url.split("#")[0])
