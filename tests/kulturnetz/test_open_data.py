"""Open data: actors, venues and upcoming dates as CSV and JSON, public fields only, licensed."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kulturnetz import open_data
from kulturnetz.models import ActorPage, Occurrence, VenuePage
from tests.kulturnetz.directory_helpers import add_actor, add_venue

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

DATA = "/de/kulturnetz/daten/"
FILES = [
    f"{DATA}{name}/{fmt}/"
    for name in ("kulturaktive", "spielstaetten", "veranstaltungen")
    for fmt in ("csv", "json")
]
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# The view restrictions and the ids of the rows; then for each chunk: the rows, their
# disciplines, logos and social links, and kinds, districts and disciplines in the file's language.
ACTOR_QUERIES = 5
CHUNK_QUERIES = 4


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert isinstance(response, StreamingHttpResponse)
    return response, b"".join(response.streaming_content).decode("utf-8")


def csv_rows(client, url):
    response, text = download(client, url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert text.startswith("\ufeff")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def json_data(client, url):
    response, text = download(client, url)
    assert response["Content-Type"] == "application/json"
    return json.loads(text)


def listed_actors(language="de"):
    return ActorPage.objects.live().public().filter(locale__language_code=language)


@pytest.mark.parametrize("url", FILES)
def test_every_file_names_its_licence_and_may_be_cached(client, url):
    response, _text = download(client, url)
    assert f'<{LICENCE_URL}>; rel="license"' in response["Link"]
    assert 'rel="describedby"' in response["Link"] and DATA in response["Link"]
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    disposition = "attachment" if url.endswith("/csv/") else "inline"
    assert response["Content-Disposition"].startswith(f'{disposition}; filename="kulturnetz-')


def test_actors_csv_lists_every_live_actor_with_only_published_addresses(client):
    rows = csv_rows(client, DATA + "kulturaktive/csv/")
    actors = {actor.pk: actor for actor in listed_actors()}
    assert sorted(int(row["id"]) for row in rows) == sorted(actors)
    assert list(rows[0]) == [column.name for column in open_data.ACTOR_COLUMNS]
    published = hidden = 0
    for row in rows:
        actor = actors[int(row["id"])]
        if actor.publish_email:
            assert row["email"] == actor.email
            published += 1
        else:
            assert row["email"] == ""
            hidden += 1
    assert published and hidden  # the demo has both
    text = download(client, DATA + "kulturaktive/csv/")[1]
    for actor in actors.values():
        if actor.email and not actor.publish_email:
            assert actor.email not in text
    chor = next(row for row in rows if row["slug"] == "chor-westwind")
    assert chor["title"] == "Chor Westwind" and chor["url"].endswith("/chor-westwind/")
    assert chor["kind"] and chor["district"] and chor["language"] == "de"
    assert [name.strip() for name in chor["disciplines"].split(",")] == [
        discipline.name
        for discipline in ActorPage.objects.get(pk=chor["id"]).disciplines.order_by(
            "sort_order", "name"
        )
    ]


def test_formulas_never_reach_a_spreadsheet_but_json_keeps_the_text(client):
    add_actor('=HYPERLINK("https://böse.example")', intro="+49 ruft an", phone="@SUMME(A1)")
    add_actor("-Minus", intro="Ganz normal.")
    rows = {row["slug"]: row for row in csv_rows(client, DATA + "kulturaktive/csv/")}
    hyperlink = next(row for row in rows.values() if "HYPERLINK" in row["title"])
    assert hyperlink["title"] == '\'=HYPERLINK("https://böse.example")'
    assert hyperlink["intro"] == "'+49 ruft an" and hyperlink["phone"] == "'@SUMME(A1)"
    assert next(row for row in rows.values() if "Minus" in row["title"])["title"] == "'-Minus"
    items = json_data(client, DATA + "kulturaktive/json/")["items"]
    assert any(item["title"] == '=HYPERLINK("https://böse.example")' for item in items)


def test_json_states_licence_attribution_and_fields(client):
    data = json_data(client, DATA + "spielstaetten/json/")
    meta = data["meta"]
    assert meta["license"]["id"] == "CC-BY-4.0" and meta["license"]["url"] == LICENCE_URL
    assert "CC BY 4.0" in meta["license"]["name"]
    assert meta["license"]["attribution"].startswith("Kulturnetz Landau, ")
    assert meta["documentation"].endswith(DATA) and meta["language"] == "de"
    assert list(meta["fields"]) == [column.name for column in open_data.VENUE_COLUMNS]
    venues = VenuePage.objects.live().public().filter(locale__language_code="de")
    assert len(data["items"]) == venues.count()
    house = next(item for item in data["items"] if item["slug"] == "haus-am-westbahnhof")
    assert house["email"] and isinstance(house["latitude"], float)
    assert house["accessibility"] and all(isinstance(a, str) for a in house["accessibility"])
    assert house["operated_by"] and set(house) == set(meta["fields"])
    others = [item for item in data["items"] if item["slug"] != "haus-am-westbahnhof"]
    assert all(item["email"] == "" for item in others)  # the demo publishes only the house's


def test_events_list_each_upcoming_date_with_its_status(client, make_event):
    day = timezone.localdate() + timedelta(days=3)
    make_event("Abgesagte Probe", day=day, status="cancelled")
    rows = csv_rows(client, DATA + "veranstaltungen/csv/")
    upcoming = Occurrence.objects.filter(locale__language_code="de").upcoming()
    assert len(rows) == upcoming.count()
    starts = [row["start"] for row in rows]
    assert starts == sorted(starts)
    cancelled = next(row for row in rows if row["title"] == "Abgesagte Probe")
    assert cancelled["status"] == "cancelled" and cancelled["all_day"] == "false"
    assert cancelled["start"].startswith(f"{day.isoformat()}T20:00:00+0")
    assert cancelled["venue"] == "Haus am Westbahnhof" and cancelled["street"]
    assert cancelled["category"] == "Konzert"
    event = (
        Occurrence.objects.filter(title="Abgesagte Probe", locale__language_code="de").get().event
    )
    assert cancelled["uid"].startswith(str(event.translation_key))
    assert cancelled["url"] == event.get_full_url() and cancelled["url"].startswith("http://")
    items = json_data(client, DATA + "veranstaltungen/json/")["items"]
    assert len(items) == len(rows) and items[0]["all_day"] in (True, False)


def test_english_files_list_german_entries_not_translated_yet(client):
    data = json_data(client, "/en/kulturnetz/data/actors/json/")
    assert data["meta"]["language"] == "en"
    assert len(data["items"]) == listed_actors().count()  # no actor is translated in the demo
    assert {item["language"] for item in data["items"]} == {"de"}
    kinds = {item["kind"] for item in data["items"]}
    assert "Association" in kinds  # vocabulary in the file's language
    assert csv_rows(client, "/en/kulturnetz/data/events/csv/")


def test_the_rows_come_in_chunks_with_a_fixed_number_of_queries(client, monkeypatch):
    def queries(url):
        b"".join(client.get(url).streaming_content)  # fills the cached vocabularies
        response = client.get(url)
        with CaptureQueriesContext(connection) as captured:
            body = b"".join(response.streaming_content)
        return len(captured.captured_queries), body

    first, _body = queries(DATA + "kulturaktive/csv/")
    for number in range(12):
        add_actor(f"Noch mehr Kultur {number}", disciplines=("musik", "literatur"))
    again, _body = queries(DATA + "kulturaktive/csv/")
    assert first == again == ACTOR_QUERIES
    monkeypatch.setattr(open_data, "CHUNK", 10)
    chunked, body = queries(DATA + "kulturaktive/csv/")
    total = listed_actors().count()
    chunks = -(-total // 10)
    assert chunked == ACTOR_QUERIES + (chunks - 1) * CHUNK_QUERIES
    ids = [row["id"] for row in csv.DictReader(io.StringIO(body.decode()[1:]), delimiter=";")]
    assert len(ids) == len(set(ids)) == total


def test_unknown_files_are_not_found(client):
    for url in (DATA + "unbekannt/csv/", DATA + "kulturaktive/xml/", DATA + "kulturaktive/"):
        assert client.get(url).status_code == 404


def test_the_data_page_explains_and_links_every_file(client):
    response = client.get(DATA)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{LICENCE_URL}" rel="license"' in html
    assert "CC BY 4.0" in html and "Semikolon" in html
    for url in FILES:
        assert f'href="{url}"' in html
    for column in open_data.EVENT_COLUMNS:
        assert f"<code>{column.name}</code>" in html
    assert 'href="/de/kulturnetz/kalender/anzeige/"' in html
    start = client.get("/de/kulturnetz/").content.decode()
    assert f'href="{DATA}"' in start
    english = client.get("/en/kulturnetz/data/").content.decode()
    assert 'href="/en/kulturnetz/data/actors/csv/"' in english


def test_a_venue_without_public_address_still_exports(client):
    add_venue("Hinterhof ohne Adresse", district=None)
    rows = csv_rows(client, DATA + "spielstaetten/csv/")
    row = next(row for row in rows if row["title"] == "Hinterhof ohne Adresse")
    assert row["latitude"] == "" and row["district"] == "" and row["email"] == ""


def test_the_dates_file_costs_the_same_queries_for_few_and_many_dates(client, make_event):
    def queries():
        response = client.get(DATA + "veranstaltungen/csv/")
        with CaptureQueriesContext(connection) as captured:
            rows = b"".join(response.streaming_content).count(b"\r\n") - 1
        return len(captured.captured_queries), rows

    few, before = queries()
    for number in range(10):
        make_event(f"Noch ein Termin {number}", day=timezone.localdate() + timedelta(days=2))
    many, after = queries()
    # The calendars' addresses, the ids, the rows (one query of plain values per chunk).
    assert few == many == 3
    assert after == before + 10
