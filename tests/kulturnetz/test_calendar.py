"""The calendar: each filter alone and together, date presets, status display, hostile input."""

from datetime import datetime, time, timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kulturnetz.filters import EventFilterSet, preset_window
from kulturnetz.models import AccessibilityFeature, District, EventCategory, EventDate, VenuePage
from kulturnetz.recurrence import BERLIN
from tests.test_hostile_input import HOSTILE_VALUES

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

FILTER_PARAMETERS = [
    "q",
    "kategorie",
    "zeitraum",
    "von",
    "bis",
    "ortsteil",
    "spielstaette",
    "veranstalter",
    "frei",
    "barrierefrei",
    "seite",
]


def berlin(*args):
    return datetime(*args, tzinfo=BERLIN)


def soon(days):
    return timezone.localdate() + timedelta(days=days)


def titles(calendar, data, now=None):
    filters = EventFilterSet(data, queryset=calendar.occurrences(), locale=calendar.locale, now=now)
    return {occurrence.title for occurrence in filters.qs}


# Presets: pure functions of "now".


def test_today_runs_from_now_to_midnight():
    now = berlin(2026, 12, 2, 15, 0)
    assert preset_window("heute", now) == (now, berlin(2026, 12, 3))


@pytest.mark.parametrize(
    ("now", "start", "end"),
    [
        # Wednesday: Saturday and Sunday.
        (berlin(2026, 12, 2, 10), berlin(2026, 12, 5), berlin(2026, 12, 7)),
        # Friday morning: from 17:00 that evening.
        (berlin(2026, 12, 4, 10), berlin(2026, 12, 4, 17), berlin(2026, 12, 7)),
        # Friday night: from now.
        (berlin(2026, 12, 4, 21), berlin(2026, 12, 4, 21), berlin(2026, 12, 7)),
        # Saturday and Sunday: the rest of the current weekend.
        (berlin(2026, 12, 5, 12), berlin(2026, 12, 5, 12), berlin(2026, 12, 7)),
        (berlin(2026, 12, 6, 12), berlin(2026, 12, 6, 12), berlin(2026, 12, 7)),
        # The weekend summer time ends: Monday 00:00 is +01:00 again.
        (berlin(2026, 10, 21, 9), berlin(2026, 10, 24), berlin(2026, 10, 26)),
    ],
)
def test_this_weekend(now, start, end):
    assert preset_window("wochenende", now) == (start, end)


def test_this_week_ends_on_sunday_night():
    now = berlin(2026, 12, 2, 9)
    assert preset_window("woche", now) == (now, berlin(2026, 12, 7))
    assert preset_window("nonsense", now) is None


def test_weekend_preset_finds_saturday_not_the_monday_after(make_event, calendar):
    today = timezone.localdate()
    wednesday = today + timedelta(days=(2 - today.weekday()) % 7 or 7)
    saturday = wednesday + timedelta(days=3)
    make_event("Samstagskonzert", day=saturday)
    make_event("Montagskonzert", day=saturday + timedelta(days=2))
    make_event(
        "Freitagmittag", dates=[EventDate(start_date=saturday - timedelta(1), start_time=time(12))]
    )
    now = datetime.combine(wednesday, time(9), tzinfo=BERLIN)
    with mock.patch("django.utils.timezone.now", return_value=now):
        found = titles(calendar, {"zeitraum": "wochenende"}, now=now)
    assert "Samstagskonzert" in found
    assert not {"Montagskonzert", "Freitagmittag"} & found


# Each filter alone.


def test_category_matches_the_first_and_further_categories(make_event, calendar):
    theatre = EventCategory.objects.get(slug="theater", locale=calendar.locale)
    make_event("Nur Konzert", day=soon(3))
    make_event("Theater mit Musik", day=soon(3), category=theatre)
    found = titles(calendar, {"kategorie": "konzert"})
    assert "Nur Konzert" in found and "Theater mit Musik" not in found
    page = make_event("Theater mit Musik 2", day=soon(3), category=theatre, publish=False)
    page.more_categories.add(EventCategory.objects.get(slug="konzert", locale=calendar.locale))
    page.save_revision().publish()
    assert "Theater mit Musik 2" in titles(calendar, {"kategorie": "konzert"})


def test_own_dates_include_both_days(make_event, calendar):
    make_event("Am Anfang", day=soon(40))
    make_event("Am Ende", day=soon(42))
    make_event("Danach", day=soon(43))
    found = titles(calendar, {"von": soon(40).isoformat(), "bis": soon(42).isoformat()})
    assert {"Am Anfang", "Am Ende"} <= found and "Danach" not in found


def test_district_venue_and_free(make_event, calendar, venue):
    other = VenuePage.objects.exclude(pk=venue.pk).filter(locale=calendar.locale).first()
    make_event("Im Haus", day=soon(5))
    make_event("Woanders", day=soon(5), venue=other, is_free=True)
    assert "Woanders" not in titles(calendar, {"spielstaette": venue.slug})
    assert "Im Haus" in titles(calendar, {"spielstaette": venue.slug})
    district = District.objects.get(pk=venue.district_id)
    assert "Im Haus" in titles(calendar, {"ortsteil": district.slug})
    if other.district_id != venue.district_id:
        assert "Woanders" not in titles(calendar, {"ortsteil": district.slug})
    free = titles(calendar, {"frei": "on"})
    assert "Woanders" in free and "Im Haus" not in free


def test_accessibility_needs_every_feature(make_event, calendar, venue):
    features = AccessibilityFeature.objects.filter(locale=calendar.locale)
    sign = features.get(slug="gebaerdensprache")
    easy = features.get(slug="leichte-sprache")
    both = make_event("Beides", day=soon(6), publish=False)
    both.accessibility.add(sign, easy)
    both.save_revision().publish()
    one = make_event("Nur Gebärden", day=soon(6), publish=False)
    one.accessibility.add(sign)
    one.save_revision().publish()
    found = titles(calendar, {"barrierefrei": ["gebaerdensprache", "leichte-sprache"]})
    assert "Beides" in found and "Nur Gebärden" not in found
    assert {"Beides", "Nur Gebärden"} <= titles(calendar, {"barrierefrei": ["gebaerdensprache"]})


def test_search_every_word_in_title_description_or_place(make_event, calendar):
    make_event("Quokka-Abend", day=soon(2), place_name="Zitronengarten")
    assert "Quokka-Abend" in titles(calendar, {"q": "quokka konzert"})
    assert "Quokka-Abend" in titles(calendar, {"q": "QUOKKA abend zum testen"})
    assert "Quokka-Abend" not in titles(calendar, {"q": "quokka marmor"})


def test_filters_combine(make_event, calendar):
    make_event("Passt", day=soon(8), is_free=True)
    make_event("Falscher Tag", day=soon(20), is_free=True)
    make_event("Kostet", day=soon(8))
    data = {
        "kategorie": "konzert",
        "von": soon(8).isoformat(),
        "bis": soon(8).isoformat(),
        "frei": "on",
    }
    found = titles(calendar, data)
    assert "Passt" in found
    assert not {"Falscher Tag", "Kostet"} & found


def test_past_dates_drop_off_by_themselves(make_event, calendar):
    make_event("Gleich vorbei", day=soon(1))
    later = timezone.now() + timedelta(days=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "Gleich vorbei" not in titles(calendar, None)


# The page.


def test_page_groups_by_day_marks_status_and_keeps_the_filters(client, make_event, calendar):
    day = soon(30)
    make_event("Fällt aus", day=day, status="cancelled")
    make_event("Später", day=day, status="postponed")
    response = client.get(calendar.url, {"q": "fällt", "kategorie": "konzert"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 Termin gefunden" in html
    from django.utils.formats import date_format

    assert date_format(day, "l, j. F") in html
    assert "<s>Fällt aus</s>" in html and "Abgesagt" in html
    assert 'value="fällt"' in html and '<option value="konzert" selected>' in html
    assert "Filter zurücksetzen" in html
    assert "Verschoben" in client.get(calendar.url, {"q": "später"}).content.decode()
    assert 'rel="alternate" type="text/calendar"' in html


def test_bad_values_are_shown_as_errors_next_to_the_field(client, calendar):
    response = client.get(
        calendar.url, {"von": "31.02.2026", "bis": "2026-01-01", "kategorie": "x"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_von_error"' in html
    assert 'value="31.02.2026"' in html


def test_hostile_query_strings_never_fail(client, calendar):
    for value in HOSTILE_VALUES:
        query = {name: value for name in FILTER_PARAMETERS}
        for url in (calendar.url, calendar.url + "ical/"):
            assert client.get(url, query).status_code < 500, (url, value)
        assert (
            client.get(calendar.url + "?kategorie[]=a&barrierefrei=a&barrierefrei=b").status_code
            == 200
        )
    assert client.get(calendar.url, {"von": "9999-12-31", "bis": "9999-12-31"}).status_code == 200
    assert client.get(calendar.url, {"von": "0001-01-01"}).status_code == 200


def _queries(client, url):
    client.get(url)  # renditions and caches of the first request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_calendar_query_count_does_not_grow_with_its_dates(client, make_event, calendar):
    url = f"{calendar.url}?kategorie=konzert&zeitraum=woche&frei=on&barrierefrei=gebaerdensprache"
    few, few_filtered = _queries(client, calendar.url), _queries(client, url)
    for n in range(12):
        make_event(f"Noch ein Konzert {n}", day=soon(n % 5), is_free=True)
    assert _queries(client, calendar.url) == few
    assert _queries(client, url) == few_filtered
    assert few == CALENDAR_QUERIES


CALENDAR_QUERIES = 9
