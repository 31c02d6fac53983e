"""iCalendar feeds parsed back with icalendar, RSS/Atom, and the event page's JSON-LD."""

import json
import re
from datetime import UTC, date, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from kulturnetz import feeds
from kulturnetz.feeds import ICAL_DAYS_AHEAD
from kulturnetz.models import EventDate
from kulturnetz.recurrence import rebuild_all
from tests.test_hostile_input import HOSTILE_VALUES

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]


def ical(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_of(calendar, title):
    return [item for item in calendar.walk("VEVENT") if str(item["SUMMARY"]).startswith(title)]


def next_on(month, day=15):
    today = timezone.localdate()
    found = date(today.year, month, day)
    return found if found > today + timedelta(days=1) else date(today.year + 1, month, day)


def test_wall_clock_time_and_tzid_across_summer_and_winter(client, make_event, calendar):
    make_event(
        "Sommer und Winter",
        dates=[
            EventDate(start_date=next_on(7), start_time=time(20), end_time=time(22)),
            EventDate(start_date=next_on(1), start_time=time(20), end_time=time(22)),
        ],
    )
    parsed = ical(client, calendar.url + "ical/", q="Sommer und Winter")
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")] == ["Europe/Berlin"]
    starts = {}
    for item in events_of(parsed, "Sommer und Winter"):
        assert item["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert item["DTEND"].params["TZID"] == "Europe/Berlin"
        start = item.decoded("DTSTART")
        assert (start.hour, start.minute) == (20, 0)
        starts[start.month] = start.astimezone(UTC).hour
    assert starts == {7: 18, 1: 19}  # CEST is UTC+2, CET UTC+1


def test_uids_stay_the_same_when_the_occurrences_are_rebuilt(client, make_event, calendar):
    page = make_event("Stabil", day=timezone.localdate() + timedelta(days=4))
    first = {str(item["UID"]) for item in events_of(ical(client, calendar.url + "ical/"), "Stabil")}
    rebuild_all()
    again = {str(item["UID"]) for item in events_of(ical(client, calendar.url + "ical/"), "Stabil")}
    assert first == again and len(first) == 1
    assert next(iter(first)).startswith(f"{page.translation_key}-")
    seq = events_of(ical(client, calendar.url + "ical/"), "Stabil")[0]["SEQUENCE"]
    assert seq == 0


def test_cancelled_dates_are_cancelled_and_each_feed_narrows(client, make_event, calendar):
    make_event(
        "Abgesagtes Konzert", day=timezone.localdate() + timedelta(days=3), status="cancelled"
    )
    item = events_of(ical(client, calendar.url + "ical/kategorie/konzert/"), "Abgesagtes Konzert")[
        0
    ]
    assert item["STATUS"] == "CANCELLED"
    assert item["URL"].endswith("/abgesagtes-konzert/")
    assert "Konzert" in [str(c) for c in item["CATEGORIES"].cats]
    assert item["LOCATION"].startswith("Haus am Westbahnhof")
    assert item["GEO"] is not None and item["DTSTAMP"] is not None
    theatre = ical(client, calendar.url + "ical/kategorie/theater/")
    assert not events_of(theatre, "Abgesagtes Konzert")
    venue = ical(client, calendar.url + "ical/spielstaette/haus-am-westbahnhof/")
    assert events_of(venue, "Abgesagtes Konzert")
    single = ical(client, calendar.url + "ical/veranstaltung/abgesagtes-konzert/")
    assert len(single.walk("VEVENT")) == 1
    assert client.get(calendar.url + "ical/kategorie/gibt-es-nicht/").status_code == 404
    assert client.get(calendar.url + "ical/spielstaette/gibt-es-nicht/").status_code == 404
    assert client.get(calendar.url + "ical/kulturaktive/gibt-es-nicht/").status_code == 404


def test_actor_feed(client, calendar):
    parsed = ical(client, calendar.url + "ical/kulturaktive/chor-westwind/")
    # The choir organises both; its concert is today at 19:30 and leaves the feed once it ended.
    titles = {str(item["SUMMARY"]) for item in parsed.walk("VEVENT")}
    assert "Offenes Singen" in titles
    assert titles <= {"Offenes Singen", "Chor Westwind: Lieder für den Abend"}


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_new_events_feeds(client, make_event, calendar, kind):
    make_event("Ganz neu", day=timezone.localdate() + timedelta(days=9))
    response = client.get(f"{calendar.url}feed/{kind}/")
    assert response.status_code == 200
    assert "xml" in response["Content-Type"]
    assert "Ganz neu" in response.content.decode()


def test_feeds_never_fail_on_hostile_query_strings(client, calendar):
    for value in HOSTILE_VALUES:
        for path in ("ical/", "ical/kategorie/konzert/", "feed/rss/"):
            query = {"kategorie": value, "von": value, "barrierefrei": value, "q": value}
            assert client.get(calendar.url + path, query).status_code < 500, (path, value)


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_detail_query_count_does_not_grow(client, make_event):
    page = make_event(
        "Oft",
        dates=[EventDate(start_date=timezone.localdate() + timedelta(days=2), start_time=time(19))],
    )
    detail = _queries(client, page.url)
    page.dates.add(
        *[
            EventDate(start_date=timezone.localdate() + timedelta(days=n), start_time=time(19))
            for n in range(3, 12)
        ]
    )
    page.save_revision().publish()
    assert _queries(client, page.url) == detail == DETAIL_QUERIES


def test_ical_renders_in_fixed_queries_and_answers_from_the_cache_in_fewer(
    client, make_event, calendar, django_assert_num_queries
):
    url = calendar.url + "ical/"
    page = make_event(
        "Oft",
        dates=[EventDate(start_date=timezone.localdate() + timedelta(days=2), start_time=time(19))],
    )
    client.get(page.url)  # Wagtail's own caches (site root paths) of a first request
    with django_assert_num_queries(ICAL_QUERIES):
        first = client.get(url).content
    with django_assert_num_queries(ICAL_CACHED_QUERIES):
        assert client.get(url).content == first
    page.dates.add(
        *[
            EventDate(start_date=timezone.localdate() + timedelta(days=n), start_time=time(19))
            for n in range(3, 12)
        ]
    )
    page.save_revision().publish()
    client.get(calendar.url)  # publishing renewed the cached vocabularies (not the feed's cache)
    with django_assert_num_queries(ICAL_QUERIES):
        assert len(events_of(ical(client, url), "Oft")) == 10
    with django_assert_num_queries(ICAL_CACHED_QUERIES):
        client.get(url)


# Wagtail's routing of the request (9) and the state of the occurrences (2); rendering adds the
# calendar's locale, the organisation's name, the calendars whose events it links (this one
# and the German one) and one query for all the dates.
ICAL_CACHED_QUERIES = 5
ICAL_QUERIES = 9
# Of the detail page's: the dates the "Wann" summary reads, the category in the language, and
# the privacy policy for the map's consent text (the setting and the page).
DETAIL_QUERIES = 11


def test_publishing_unpublishing_and_cancelling_show_at_once(client, make_event, calendar):
    url = calendar.url + "ical/"
    page = make_event("Vorher", day=timezone.localdate() + timedelta(days=6))
    single = f"{url}veranstaltung/{page.slug}/"
    assert events_of(ical(client, url), "Vorher")
    assert events_of(ical(client, single), "Vorher")
    page.title, page.status = "Nachher", "cancelled"
    page.save_revision().publish()
    parsed = ical(client, url)
    assert not events_of(parsed, "Vorher")
    assert [str(item["STATUS"]) for item in events_of(parsed, "Nachher (abgesagt)")] == [
        "CANCELLED"
    ]
    assert events_of(ical(client, single), "Nachher")
    page.unpublish()
    assert not events_of(ical(client, url), "Nachher")
    assert client.get(single).status_code == 404


def test_conditional_request_for_an_unchanged_feed_gets_304(client, make_event, calendar):
    url = calendar.url + "ical/"
    page = make_event("Bedingt", day=timezone.localdate() + timedelta(days=5))
    first = client.get(url)
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    assert "max-age=300" in first["Cache-Control"] and "public" in first["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and "max-age=300" in again["Cache-Control"]
    assert client.get(url, headers={"If-None-Match": '"anders"'}).status_code == 200
    page.title = "Bedingt und geändert"
    page.save_revision().publish()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert events_of(Calendar.from_ical(changed.content), "Bedingt und geändert")


def test_whole_calendar_holds_90_days_a_filtered_or_single_feed_more(client, make_event, calendar):
    today = timezone.localdate()
    make_event("Bald", day=today + timedelta(days=ICAL_DAYS_AHEAD - 2))
    later = make_event("Später", day=today + timedelta(days=ICAL_DAYS_AHEAD + 2))
    everything = ical(client, calendar.url + "ical/")
    assert events_of(everything, "Bald") and not events_of(everything, "Später")
    assert str(everything["X-WR-CALDESC"]) == "Die Termine der nächsten 90 Tage (höchstens 1000)."
    for path in (
        "ical/kategorie/konzert/",
        "ical/spielstaette/haus-am-westbahnhof/",
        f"ical/veranstaltung/{later.slug}/",
    ):
        narrowed = ical(client, calendar.url + path)
        assert events_of(narrowed, "Später"), path
        assert str(narrowed["X-WR-CALDESC"]) == "Alle kommenden Termine (höchstens 1000)."
    assert events_of(ical(client, calendar.url + "ical/", q="Später"), "Später")


def test_every_feed_holds_the_nearest_dates_up_to_the_cap(
    client, make_event, calendar, monkeypatch
):
    monkeypatch.setattr(feeds, "ICAL_MAX_DATES", 3)
    today = timezone.localdate()
    page = make_event(
        "Reihe",
        dates=[
            EventDate(start_date=today + timedelta(days=n), start_time=time(18))
            for n in (7, 2, 5, 3, 6, 4)
        ],
    )
    single = ical(client, f"{calendar.url}ical/veranstaltung/{page.slug}/")
    starts = [item.decoded("DTSTART").date() for item in single.walk("VEVENT")]
    assert starts == [today + timedelta(days=n) for n in (2, 3, 4)]
    assert str(single["X-WR-CALDESC"]) == "Alle kommenden Termine (höchstens 3)."
    assert len(ical(client, calendar.url + "ical/").walk("VEVENT")) == 3


def test_text_is_escaped_and_folded_and_reads_back_unchanged(client, make_event, calendar):
    title = "Lesung; Musik, Tanz \\ Theater: " + "Grüße aus Landau 🎭 " * 6
    note = "Einlass 19 Uhr,\nBeginn 20 Uhr;\r\n\\ Ende offen\x0b."
    make_event(
        title,
        dates=[
            EventDate(
                start_date=timezone.localdate() + timedelta(days=3),
                start_time=time(20),
                note=note,
            )
        ],
        price="12 €; ermäßigt, 8 €",
    )
    raw = client.get(calendar.url + "ical/").content
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75 and lines[-1] == b""
    assert b"\n" not in raw.replace(b"\r\n", b"") and b"\x0b" not in raw
    item = events_of(Calendar.from_ical(raw), "Lesung")[0]
    assert str(item["SUMMARY"]) == title
    assert str(item["DESCRIPTION"]).split("\n\n")[1:] == [
        "Einlass 19 Uhr,\nBeginn 20 Uhr;\n\\ Ende offen.",
        "12 €; ermäßigt, 8 €",
    ]


def jsonld_events(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    for block in blocks:
        data = json.loads(block)
        if isinstance(data, list):
            return data
    return []


def test_json_ld_one_event_per_date_with_status_place_offer_and_organiser(client, make_event):
    day = timezone.localdate() + timedelta(days=5)
    page = make_event(
        "Strukturiert </script><script>alert(1)</script>",
        dates=[
            EventDate(start_date=day, start_time=time(20), end_time=time(22)),
            EventDate(start_date=day + timedelta(days=7), start_time=time(20), status="cancelled"),
        ],
        price="12 €, ermäßigt 8 €",
        ticket_url="https://example.org/karten",
    )
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    events = jsonld_events(html)
    assert [event["@type"] for event in events] == ["Event", "Event"]
    first, second = events
    assert first["name"].startswith("Strukturiert </script>")
    assert first["startDate"].startswith(day.isoformat() + "T20:00:00+0")
    assert first["endDate"].startswith(day.isoformat() + "T22:00:00")
    assert first["eventStatus"] == "https://schema.org/EventScheduled"
    assert second["eventStatus"] == "https://schema.org/EventCancelled"
    assert first["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    location = first["location"]
    assert location["@type"] == "Place" and location["name"] == "Haus am Westbahnhof"
    assert location["address"]["@type"] == "PostalAddress"
    assert location["address"]["addressCountry"] == "DE"
    assert {"streetAddress", "addressLocality", "postalCode"} <= set(location["address"])
    assert location["geo"]["@type"] == "GeoCoordinates"
    offer = first["offers"]
    assert offer["price"] == "12" and offer["priceCurrency"] == "EUR"
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["url"] == "https://example.org/karten"
    assert "Zum Kalender hinzufügen (iCal)" in html


def test_json_ld_organiser_type_follows_the_actor_kind(client, calendar):
    from kulturnetz.models import EventPage

    page = EventPage.objects.live().filter(slug="rebenklang-im-hof").first()
    events = jsonld_events(client.get(page.url).content.decode())
    assert events[0]["organizer"]["@type"] == "PerformingGroup"
    assert events[0]["performer"]["name"] == events[0]["organizer"]["name"]
    assert events[0]["organizer"]["url"].startswith("http")
