"""Every public form of the Kulturnetz with good and bad input: German errors at the fields,
what was typed kept, nothing stored on refusal, and the protections of the comment form."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from kulturnetz.models import (
    ActorKind,
    ActorPage,
    EventCategory,
    EventIndexPage,
    EventPage,
    Submission,
    VenuePage,
)
from tests.factories import started
from tests.kulturnetz.directory_helpers import add_actor, add_venue
from tests.kulturnetz.submission_helpers import change_data, entry_data, event_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_flood_control():
    from home.models import FormThrottle

    FormThrottle.objects.all().delete()


def stored():
    """What a submission could leave behind: pages, revisions, senders, pictures."""
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Submission.objects.count(),
        get_image_model().objects.count(),
    )


def kind_id():
    return str(ActorKind.objects.get(slug="verein", locale__language_code="de").pk)


def category_id():
    return str(EventCategory.objects.get(slug="konzert", locale__language_code="de").pk)


def assert_error_at(html, field, message):
    """The message sits in the field's own error list (Django points aria-describedby at it)."""
    start = html.index(f'id="id_{field}_error"')
    assert message in html[start : html.index("</ul>", start)]


def assert_refused(response, before, *messages):
    assert response.status_code == 400
    html = response.content.decode()
    for message in messages:
        assert message in html
    assert stored() == before
    return html


# --- The forms render ---------------------------------------------------------


@pytest.mark.parametrize(
    ("index_name", "route", "heading"),
    [
        ("actor_index", "suggest", "Kulturaktive vorschlagen"),
        ("venue_index", "suggest", "Spielstätte vorschlagen"),
        ("calendar", "report", "Veranstaltung melden"),
    ],
)
def test_each_form_renders_with_its_protections(client, request, index_name, route, heading):
    index = request.getfixturevalue(index_name)
    response = client.get(index.route_url(route))

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'name="started"' in html and 'name="website_confirm"' in html
    assert 'enctype="multipart/form-data"' in html
    assert 'accept="image/jpeg,image/png,image/webp"' in html
    assert "Wird nicht veröffentlicht." in html


@pytest.mark.parametrize(
    ("target", "route", "queries"),
    [
        ("calendar", "report", 6),
        ("actor_index", "suggest", 6),
        ("venue_index", "suggest", 6),
        ("actor", "change", 8),
        ("calendar", "report_thanks", 5),
    ],
)
def test_the_forms_take_a_fixed_number_of_queries(
    client, request, django_assert_num_queries, target, route, queries
):
    page = request.getfixturevalue(target)
    url = page.route_url(route)
    # More venues and actors to choose from cost no query more.
    add_actor("Noch eine Gruppe")
    add_venue("Noch ein Ort")
    client.get(url)
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_the_change_form_is_filled_with_the_page(client, actor):
    response = client.get(actor.route_url("change"))

    assert response.status_code == 200
    html = response.content.decode()
    assert f"Änderung vorschlagen: {actor.title}" in html
    assert f'value="{actor.title}"' in html
    assert actor.intro in html


def test_a_draft_has_no_change_form(client, make_event):
    draft = make_event("Noch geheim", day=timezone.localdate(), publish=False)

    assert client.get(f"{draft.get_parent().url}{draft.slug}/aendern/").status_code == 404


def test_the_english_forms_speak_english_words_in_their_addresses(client):
    calendar = EventIndexPage.objects.get(locale__language_code="en")

    assert client.get(calendar.route_url("report")).status_code == 200
    assert calendar.route_url("report").endswith("/submit/")


# --- Good input -------------------------------------------------------------------


def test_a_venue_with_accessibility_becomes_a_draft(client, venue_index):
    from kulturnetz.models import AccessibilityFeature

    feature = AccessibilityFeature.objects.filter(locale__language_code="de").first()
    data = entry_data(
        venue_index,
        title="Scheune am Bach",
        street="Bachweg 3",
        capacity="80",
        accessibility=[str(feature.pk)],
        public_email="scheune@example.org",
        description="Eine alte Scheune.\nMit Bühne.\n\nUnd Garten.",
    )

    response = client.post(venue_index.route_url("suggest"), data)

    assert response.status_code == 302
    venue = VenuePage.objects.get(title="Scheune am Bach").get_latest_revision_as_object()
    assert (venue.street, venue.town, venue.capacity) == ("Bachweg 3", "Landau", 80)
    assert list(venue.accessibility.all()) == [feature]
    assert (venue.email, venue.publish_email) == ("scheune@example.org", True)
    assert venue.body.raw_data[0]["value"] == (
        "<p>Eine alte Scheune.<br/>Mit Bühne.</p><p>Und Garten.</p>"
    )


def test_a_run_of_days_at_a_listed_venue(client, calendar, venue):
    first = timezone.localdate() + timedelta(days=3)
    data = event_data(
        calendar,
        category=category_id(),
        date_kind="run",
        start_date=first.strftime("%d.%m.%Y"),
        end_date=(first + timedelta(days=20)).isoformat(),
        start_time="10:00",
        end_time="18:00",
        venue=str(venue.pk),
        place_name="",
        town="",
        is_free="on",
        price="",
    )

    response = client.post(calendar.route_url("report"), data)

    assert response.status_code == 302
    event = EventPage.objects.get(title="Jazz im Hof").get_latest_revision_as_object()
    [date] = event.dates.all()
    assert (date.kind, date.start_date, date.end_date) == ("run", first, first + timedelta(20))
    assert (event.venue_id, event.is_free) == (venue.pk, True)
    # Without an organiser from the list, the name the sender gave is on the page.
    assert "Veranstaltet von: Jazzfreunde Landau" in event.body.raw_data[0]["value"]


def test_text_is_plain_text(client, calendar):
    data = event_data(
        calendar,
        category=category_id(),
        title="Jazz\u202e im\u200b Hof",
        description='<script>alert(1)</script> <a href="javascript:x">Karten</a>',
    )

    assert client.post(calendar.route_url("report"), data).status_code == 302
    event = EventPage.objects.get(title="Jazz im Hof").get_latest_revision_as_object()
    body = event.body.raw_data[0]["value"]
    assert "<script>" not in body and "<a " not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


# --- Bad input --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": "  "}, "title", "Bitte gib den Titel der Veranstaltung an."),
        ({"title": "\u200b\u202e"}, "title", "Bitte gib den Titel der Veranstaltung an."),
        ({"category": ""}, "category", "Bitte wähle eine Kategorie."),
        ({"category": "99999999999999999999999"}, "category", "Bitte wähle einen Eintrag"),
        ({"venue": "-1"}, "venue", "Bitte wähle einen Eintrag aus der Liste."),
        ({"start_date": ""}, "start_date", "Bitte gib das Datum an."),
        ({"start_date": "31.02.2027"}, "start_date", "Bitte gib ein Datum an, z. B. 24.12.2026."),
        ({"start_date": "2020-01-01"}, "start_date", "Dieser Tag ist schon vorbei."),
        ({"start_date": "9999-12-31"}, "start_date", "höchstens zwei Jahre im Voraus"),
        ({"start_time": "25:61"}, "start_time", "Bitte gib eine Uhrzeit an, z. B. 19:30."),
        ({"end_time": "18:00"}, "end_time", "Das Ende muss nach dem Beginn liegen."),
        ({"date_kind": "run"}, "end_date", "Ein Zeitraum braucht einen letzten Tag."),
        ({"date_kind": "repeating"}, "date_kind", "Bitte wähle einen Eintrag aus der Liste."),
        ({"place_name": "", "venue": ""}, "place_name", "Ohne Spielstätte: Wie heißt der Ort?"),
        ({"town": "", "venue": ""}, "town", "Ohne Spielstätte: In welchem Ort ist es?"),
        ({"intro": ""}, "intro", "Bitte beschreib in ein, zwei Sätzen, was die Gäste erwartet."),
        ({"intro": "x" * 401}, "intro", "höchstens 400 Zeichen (jetzt 401)"),
        ({"ticket_url": "javascript:alert(1)"}, "ticket_url", "mit http:// oder https://"),
        ({"sender_name": ""}, "sender_name", "Bitte gib Deinen Namen an."),
        ({"sender_email": "anna@"}, "sender_email", "Bitte gib eine gültige E-Mail-Adresse an"),
        ({"consent": ""}, "consent", "Bitte stimme der Speicherung Deiner Angaben zu."),
    ],
)
def test_a_bad_event_keeps_the_input_and_stores_nothing(
    client, calendar, overrides, field, message
):
    data = event_data(calendar, **{"category": category_id(), **overrides})
    before = stored()

    response = client.post(calendar.route_url("report"), data)

    html = assert_refused(response, before, "Bitte prüfe die markierten Felder.")
    assert_error_at(html, field, message)
    # What was typed is still there (the title, unless it was the field at fault).
    if field != "title":
        assert 'value="Jazz im Hof"' in html
    assert "Ein Sommerabend mit Jazz unter freiem Himmel." in html or field == "intro"
    # A fresh start time, so the corrected form can be sent.
    assert data["started"] not in html


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Bitte gib einen Namen an."),
        ({"kind": ""}, "kind", "Bitte wähle, wer Ihr seid."),
        ({"disciplines": ["abc"]}, "disciplines", "Bitte wähle einen Eintrag aus der Liste."),
        ({"district": "0"}, "district", "Bitte wähle einen Eintrag aus der Liste."),
        ({"intro": ""}, "intro", "Bitte beschreib in ein, zwei Sätzen, worum es geht."),
        ({"website": "ftp://example.org"}, "website", "mit http:// oder https://"),
        ({"public_email": "keine"}, "public_email", "gültige E-Mail-Adresse"),
        ({"image_alt": "x" * 251}, "image_alt", "höchstens 250 Zeichen"),
    ],
)
def test_a_bad_actor_keeps_the_input_and_stores_nothing(
    client, actor_index, overrides, field, message
):
    data = entry_data(actor_index, **{"kind": kind_id(), **overrides})
    before = stored()

    response = client.post(actor_index.route_url("suggest"), data)

    html = assert_refused(response, before)
    assert_error_at(html, field, message)
    assert 'value="anna@example.org"' in html


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"street": ""}, "street", "Bitte gib Straße und Hausnummer an."),
        ({"town": ""}, "town", "Bitte gib den Ort an."),
        ({"capacity": "viele"}, "capacity", "Bitte gib eine ganze Zahl an."),
        ({"capacity": "0"}, "capacity", "Bitte gib eine Zahl ab 1 an."),
        ({"accessibility": ["99999999999999999999"]}, "accessibility", "aus der Liste"),
    ],
)
def test_a_bad_venue_keeps_the_input_and_stores_nothing(
    client, venue_index, overrides, field, message
):
    data = entry_data(venue_index, **{"street": "Bachweg 3", **overrides})
    before = stored()

    response = client.post(venue_index.route_url("suggest"), data)

    html = assert_refused(response, before)
    assert_error_at(html, field, message)
    assert 'value="Trommelgruppe Queichheim"' in html


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({}, "note", "Du hast nichts geändert."),
        ({"title": ""}, "title", "Bitte fülle dieses Feld aus."),
        ({"website": "nicht da"}, "website", "mit http:// oder https://"),
        ({"intro": "y" * 401}, "intro", "höchstens 400 Zeichen"),
    ],
)
def test_a_bad_change_keeps_the_input_and_stores_nothing(client, actor, overrides, field, message):
    data = change_data(actor, note="" if not overrides else "Bitte ändern.", **overrides)
    before = stored()

    response = client.post(actor.route_url("change"), data)

    html = assert_refused(response, before)
    assert_error_at(html, field, message)
    assert 'value="Anna Aktiv"' in html


def test_an_event_status_can_be_changed(client, make_event):
    event = make_event("Sommerkonzert", day=timezone.localdate() + timedelta(days=5))

    response = client.post(event.route_url("change"), change_data(event, status="cancelled"))

    assert response.status_code == 302
    assert EventPage.objects.get(pk=event.pk).get_latest_revision_as_object().status == (
        "cancelled"
    )
    assert EventPage.objects.get(pk=event.pk).status == "scheduled"


# --- Protections --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website_confirm": "https://spam.example"}, "Dein Vorschlag konnte nicht angenommen"),
        ({"started": ""}, "Das Formular ist ungültig."),
        ({"started": "forged:token:value"}, "Das Formular ist ungültig."),
        ({"started": "__too_fast__"}, "Das ging sehr schnell."),
        ({"started": "__too_old__"}, "Das Formular war zu lange offen."),
        ({"started": "__other_form__"}, "Das Formular gehört zu einer anderen Seite."),
    ],
)
def test_protections_refuse_without_storing(client, calendar, overrides, message):
    if overrides.get("started") == "__too_fast__":
        overrides["started"] = started(calendar, seconds_ago=1, purpose="kn-report")
    elif overrides.get("started") == "__too_old__":
        overrides["started"] = started(calendar, seconds_ago=3 * 60 * 60, purpose="kn-report")
    elif overrides.get("started") == "__other_form__":
        overrides["started"] = started(calendar, purpose="kn-suggest")
    data = event_data(calendar, category=category_id(), **overrides)
    before = stored()

    response = client.post(calendar.route_url("report"), data)

    html = assert_refused(response, before, message, "Der Vorschlag konnte nicht gesendet werden.")
    assert 'value="Jazz im Hof"' in html


def test_a_form_is_taken_once_and_a_sender_only_every_few_seconds(client, calendar):
    data = event_data(calendar, category=category_id())
    assert client.post(calendar.route_url("report"), data).status_code == 302

    before = stored()
    again = client.post(calendar.route_url("report"), data)
    assert_refused(again, before, "Dieses Formular wurde schon abgeschickt.")

    fresh = event_data(calendar, category=category_id(), title="Noch ein Abend")
    flood = client.post(calendar.route_url("report"), fresh)
    assert_refused(flood, before, "Du hast gerade eben schon etwas eingesandt.")

    # Another sender from another address is not held up.
    other = event_data(
        calendar, category=category_id(), title="Ein dritter Abend", sender_email="b@example.org"
    )
    response = client.post(calendar.route_url("report"), other, REMOTE_ADDR="198.51.100.20")
    assert response.status_code == 302


def test_odd_requests_do_not_break_the_forms(client, calendar, actor):
    url = calendar.route_url("report")
    assert client.get(url, {"started": "x" * 5000}).status_code == 200
    assert client.post(url, {}).status_code == 400
    assert client.post(url, {"category": ["1", "2"], "disciplines": "x"}).status_code == 400
    assert client.post(actor.route_url("change"), {"status": "cancelled"}).status_code == 400
    assert client.get(calendar.route_url("report_thanks")).status_code == 200
    assert client.get(actor.route_url("change_thanks")).status_code == 200
    assert ActorPage.objects.filter(pk=actor.pk, live=True).exists()
