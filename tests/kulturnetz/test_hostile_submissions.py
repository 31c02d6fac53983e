"""The shared corpus of hostile input (tests/payloads.py) sent through the Kulturnetz's public
event form: each payload is refused with a German error that keeps it, or stored as the
portal's plain-text cleaning leaves it; once an editor publishes, it is inert text on the event
page, the calendar, the admin, the e-mails, the API, the feeds, iCalendar, CSV and JSON."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from icalendar import Calendar

from home.form_protection import clean_plain_text
from home.models import FormThrottle
from kulturnetz.models import EventCategory, EventIndexPage, EventPage
from tests.kulturnetz.submission_helpers import event_data
from tests.payloads import MARKUP_PAYLOADS, PAYLOADS, assert_no_injected_code

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

FORMULA_STARTS = ("=", "+", "-", "@")


def send(client, calendar, payload, category):
    FormThrottle.objects.all().delete()
    data = event_data(
        calendar,
        category=str(category.pk),
        title=payload,
        intro=f"Vorher {payload} nachher",
        description=f"{payload}\n\nZweiter Absatz",
        place_name=payload[:100],
        organiser_name=payload[:100],
        note=payload,
        sender_name=payload[:100],
    )
    return client.post(calendar.route_url("report"), data)


@pytest.fixture(scope="module")
def _sent(django_db_setup, django_db_blocker):
    """Every payload sent once, what the form took published as an editor would; in a
    transaction rolled back after the module's last test (each test's own changes roll back
    to this state as usual)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        calendar = EventIndexPage.objects.get(locale__language_code="de")
        category = EventCategory.objects.get(slug="konzert", locale=calendar.locale)
        client = Client()
        mail.outbox = []
        taken, refused = {}, {}
        for payload in PAYLOADS:
            with TestCase.captureOnCommitCallbacks(execute=True):
                response = send(client, calendar, payload, category)
            if response.status_code == 302:
                taken[payload] = EventPage.objects.get(title=clean_plain_text(payload))
            else:
                assert response.status_code in (200, 400), (payload, response.status_code)
                refused[payload] = response.content.decode()
        for page in taken.values():
            page.get_latest_revision().publish()
        messages = list(mail.outbox)
    yield taken, refused, messages
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def published(db, _sent):
    taken, refused, _messages = _sent
    return taken, refused


@pytest.fixture
def sent_mails(db, _sent):
    return _sent[2]


def test_every_payload_is_stored_as_cleaned_or_refused_in_german_keeping_it(published):
    taken, refused = published
    assert len(taken) + len(refused) == len(PAYLOADS)
    assert len(taken) >= len(PAYLOADS) - 3, sorted(refused)
    for payload, page in taken.items():
        page.refresh_from_db()
        assert page.title == clean_plain_text(payload)
        assert page.intro == clean_plain_text(f"Vorher {payload} nachher", multiline=True)
    for payload, html in refused.items():
        assert "Bitte" in html or "höchstens" in html, payload
        assert_no_injected_code(html, f"refused form {payload!r}")
        # What was typed comes back in the form, as text.
        assert "Zweiter Absatz" in html


def test_payloads_are_inert_on_the_event_pages_and_the_calendar(client, calendar, published):
    taken, _refused = published
    for payload, page in taken.items():
        response = client.get(page.url)
        assert response.status_code == 200, payload
        html = response.content.decode()
        assert_no_injected_code(html, f"event page {payload!r}")
        if payload in MARKUP_PAYLOADS:
            assert clean_plain_text(payload) not in html
    for number in (1, 2, 3):
        response = client.get(calendar.url, {"seite": number})
        assert response.status_code == 200
        assert_no_injected_code(response.content.decode(), "calendar")


def test_payloads_are_inert_in_the_admin_and_the_e_mails(
    client, calendar, published, sent_mails, superuser
):
    taken, _refused = published
    client.force_login(superuser)
    for url in (
        reverse("wagtailadmin_explore", args=(calendar.pk,)),
        reverse("wagtailsnippets_kulturnetz_submission:list"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_injected_code(response.content.decode(), url)
    for page in list(taken.values())[:10]:
        response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200
        assert_no_injected_code(response.content.decode(), f"editor of {page.pk}")

    assert len(sent_mails) >= len(taken)
    for message in sent_mails:
        assert "\n" not in message.subject and "\r" not in message.subject
        assert "opfer@example.org" not in message.to + message.cc + message.bcc
        for html, _type in getattr(message, "alternatives", []):
            assert_no_injected_code(html, f"mail {message.subject!r}")


def test_payloads_are_inert_in_the_api_and_the_open_data(client, published):
    taken, _refused = published
    titles = {clean_plain_text(payload) for payload in taken}

    listing = client.get("/api/v3/kulturnetz/events/", {"limit": 100})
    assert listing.status_code == 200 and listing["Content-Type"].startswith("application/json")
    for page in taken.values():
        detail = client.get(f"/api/v3/kulturnetz/events/{page.pk}/")
        assert detail.status_code == 200
        assert detail.json()["title"] == page.title

    events_csv = client.get("/de/kulturnetz/daten/veranstaltungen/csv/")
    assert events_csv.status_code == 200
    text = b"".join(events_csv.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    for cell in cells:
        # A spreadsheet never sees a formula: such a cell starts with an apostrophe.
        assert not cell.startswith(FORMULA_STARTS) or cell.lstrip("-").replace(".", "").isdigit()
    assert "'" + clean_plain_text('=HYPERLINK("https://böse.example","klick")') in cells

    events_json = client.get("/de/kulturnetz/daten/veranstaltungen/json/")
    listed = b"".join(events_json.streaming_content).decode()
    listed = json.dumps(json.loads(listed), ensure_ascii=False)
    assert all(json.dumps(title, ensure_ascii=False)[1:-1] in listed for title in titles)


def test_payloads_are_inert_in_the_feeds_and_icalendar(client, calendar, published):
    taken, _refused = published
    titles = {page.title for page in taken.values()}
    for kind in ("rss", "atom"):
        response = client.get(f"{calendar.url}feed/{kind}/")
        assert response.status_code == 200
        # Well-formed XML: no payload broke out of its element or its CDATA.
        root = ET.fromstring(response.content)
        texts = {element.text for element in root.iter() if element.text}
        assert titles & texts, kind

    response = client.get(calendar.url + "ical/")
    assert response.status_code == 200
    parsed = Calendar.from_ical(response.content)
    summaries = [str(event["SUMMARY"]) for event in parsed.walk("VEVENT")]
    # A line break in a title cannot start an event of its own.
    assert "gefälscht" not in summaries
    assert titles <= set(summaries)
    for summary in summaries:
        assert "\r" not in summary
