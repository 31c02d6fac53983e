"""A visitor on a phone reports an entry of the Kulturnetz and is thanked; the report form passes
axe-core, also when it comes back with errors."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from kulturnetz.models import ActorPage, EntryReport
from tests.browser.conftest import foreign_requests, watch_console
from tests.browser.test_kulturnetz_submissions import send
from tests.browser.test_visitor import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.feature_app("kulturnetz")]


def test_a_visitor_on_a_phone_reports_an_entry_and_is_thanked(page, site, axe):
    errors = watch_console(page)
    page.set_viewport_size({"width": 390, "height": 844})
    actor = ActorPage.objects.get(slug="chor-westwind", locale__language_code="de")

    page.goto(actor.url)
    page.get_by_role("link", name="Inhalt melden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inhalt melden")
    assert_no_axe_violations(axe, page)

    page.get_by_label("Falsche oder irreführende Angaben").check()
    page.get_by_label("Deine E-Mail-Adresse für die Antwort").fill("leser@example.org")
    send(page, "Meldung absenden")

    # The explanation and the statement in good faith are missing: German errors at the fields,
    # the rest kept.
    expect(page.get_by_role("alert")).to_contain_text("Bitte prüfe die markierten Felder.")
    expect(page.locator("#id_explanation_error")).to_contain_text(
        "Bitte beschreibe, was an dem Eintrag nicht stimmt"
    )
    expect(page.locator("#id_good_faith_error")).to_be_visible()
    expect(page.get_by_label("Falsche oder irreführende Angaben")).to_be_checked()
    expect(page.get_by_label("Deine E-Mail-Adresse für die Antwort")).to_have_value(
        "leser@example.org"
    )
    assert_no_axe_violations(axe, page)

    page.get_by_label("Begründung").fill("Die Probenzeit stimmt nicht mehr: jetzt donnerstags.")
    page.get_by_label("Ich bestätige in gutem Glauben").check()
    send(page, "Meldung absenden")

    expect(page.get_by_role("heading", level=1)).to_have_text("Danke für Deine Meldung!")
    assert_no_axe_violations(axe, page)
    report = EntryReport.objects.get()
    assert (report.page_id, report.reason, report.contact) == (
        actor.pk,
        "wrong",
        "leser@example.org",
    )
    assert any(actor.title in message.subject for message in mail.outbox)
    # Only the refused form's answer (400, as for every public form) is in the console.
    assert errors == [
        "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    ]
    assert foreign_requests(page, site) == []
