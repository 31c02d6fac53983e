"""The shop-window display: the next dates in large type, filtered, refreshing itself."""

import re
from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from kulturnetz.display import DEFAULT_COUNT, MAX_COUNT, display_count
from kulturnetz.models import EventCategory, EventDate
from tests.test_hostile_input import HOSTILE_VALUES

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

DISPLAY = "/de/kulturnetz/kalender/anzeige/"
# Site, locale and the page's path (8), the view restrictions for Wagtail (2), the dates with
# their events (1); the cache header reads the restrictions from the cache; no pictures.
DISPLAY_QUERIES = 5


def items(html):
    return re.findall(r'<li class="kn-display__item[^"]*">(.*?)</li>', html, re.S)


def text(fragment):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


def get(client, query=""):
    response = client.get(DISPLAY + query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3", 3),
        ("20", 20),
        ("21", MAX_COUNT),
        ("0", 1),
        ("99999999999999999999", MAX_COUNT),
        ("", DEFAULT_COUNT),
        ("-1", DEFAULT_COUNT),
        ("abc", DEFAULT_COUNT),
        ("²", DEFAULT_COUNT),
        ("1e309", DEFAULT_COUNT),
        (" 5 ", 5),
    ],
)
def test_the_count_is_clamped_and_bad_values_fall_back(value, expected):
    assert display_count(value) == expected


def test_the_display_shows_the_next_dates_in_order(client):
    html = get(client)
    assert len(items(html)) == DEFAULT_COUNT
    starts = [re.search(r'<time datetime="([^"]+)"', item)[1] for item in items(html)]
    assert starts == sorted(starts)
    assert len(items(get(client, "?anzahl=3"))) == 3
    assert len(items(get(client, "?anzahl=500"))) == MAX_COUNT
    assert 'class="kn-display kn-display--wide"' in get(client, "?anzahl=12")


def test_it_has_no_navigation_and_refreshes_itself(client, settings):
    settings.KULTURNETZ_DISPLAY_REFRESH_SECONDS = 120
    response = client.get(DISPLAY)
    html = response.content.decode()
    assert "<nav" not in html and "site-header" not in html and "<form" not in html
    assert '<noscript><meta http-equiv="refresh" content="120"></noscript>' in html
    assert 'data-refresh-seconds="120"' in html
    assert '<script src="/static/js/kulturnetz-display.js" defer></script>' in html
    assert 'id="kn-display-list"' in html and 'id="kn-display-updated"' in html
    assert "public" in response["Cache-Control"] and "max-age=60" in response["Cache-Control"]
    assert "testserver/de/kulturnetz/kalender/" in html  # where to find everything


def test_category_and_venue_narrow_the_list_and_name_themselves(client, make_event):
    html = get(client, "?kategorie=konzert&anzahl=20")
    assert '<span class="kn-display__filter">Konzert</span>' in html
    assert items(html) and all("· Konzert" in text(item) for item in items(html))
    html = get(client, "?spielstaette=haus-am-westbahnhof&anzahl=20")
    assert '<span class="kn-display__filter">Haus am Westbahnhof</span>' in html
    assert all(text(item).count("Haus am Westbahnhof") for item in items(html))
    both = get(client, "?spielstaette=haus-am-westbahnhof&kategorie=konzert")
    assert "Konzert · Haus am Westbahnhof</span>" in both


def test_unknown_filters_are_ignored(client):
    html = get(client, "?kategorie=gibt-es-nicht&spielstaette=auch-nicht")
    assert "kn-display__filter" not in html
    assert len(items(html)) == DEFAULT_COUNT


def test_cancelled_dates_say_so_in_words(client, make_event):
    # Tomorrow: an evening today at 20:00 is gone from the display once it has begun.
    tomorrow = timezone.localdate() + timedelta(days=1)
    make_event("Ausgefallene Probe", day=tomorrow, status="cancelled")
    html = get(client, "?anzahl=20&kategorie=konzert")
    item = next(item for item in items(html) if "Ausgefallene Probe" in item)
    assert '<strong class="kn-display__status">Abgesagt:</strong>' in item
    assert "<s>Ausgefallene Probe</s>" in item
    assert text(item).startswith("Morgen 20:00")


def test_days_are_named_as_people_say_them(client, make_event):
    tomorrow = timezone.localdate() + timedelta(days=1)
    make_event("Morgen im Haus", day=tomorrow)
    later = tomorrow + timedelta(days=5)
    make_event(
        "Bilder im Haus",
        category=EventCategory.objects.get(slug="ausstellung", locale__language_code="de"),
        dates=[
            EventDate(
                kind=EventDate.Kind.RUN,
                start_date=later,
                end_date=later + timedelta(days=20),
                start_time=time(10),
                end_time=time(18),
            )
        ],
    )
    html = get(client, "?anzahl=20&spielstaette=haus-am-westbahnhof")
    tomorrow_item = next(text(i) for i in items(html) if "Morgen im Haus" in i)
    assert tomorrow_item.startswith("Morgen 20:00")
    run = next(text(i) for i in items(html) if "Bilder im Haus" in i)
    weekday = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"][later.weekday()]
    assert run.startswith(f"{weekday} {later.day}.{later.month}. 10–18 Uhr")
    assert "bis " in run


def test_english_display(client):
    response = client.get("/en/kulturnetz/calendar/display/?anzahl=2")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html and len(items(html)) == 2
    assert 'lang="de"' in html  # the demo's events are German only


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_hostile_values_never_fail(client, value):
    for name in ("anzahl", "kategorie", "spielstaette", "von", "zeitraum"):
        assert client.get(DISPLAY, {name: value}).status_code == 200


def test_queries_stay_the_same_for_few_and_many_dates(
    client, django_assert_num_queries, make_event
):
    client.get(DISPLAY)
    with django_assert_num_queries(DISPLAY_QUERIES):
        assert len(items(get(client, "?anzahl=1"))) == 1
    for number in range(10):
        make_event(f"Noch ein Abend {number}", day=date.today() + timedelta(days=number % 5))
    get(client, "?anzahl=20")  # publishing renewed the cached vocabularies and chrome
    with django_assert_num_queries(DISPLAY_QUERIES):
        assert len(items(get(client, "?anzahl=20"))) == 20
