"""Every listing and detail page of the Kulturnetz answers with a pinned number of queries.

Each listing is counted on the demo content and again after more of everything it lists was
added (entries with pictures, categories, venues, organisers and accessibility features, all
matching its filters); each detail page is counted for a bare entry and for a rich one. Both
counts must equal the pin, so a missing ``select_related`` shows as a difference and any other
change of a count is a decision that updates its pin. The iCalendar feeds are pinned in
test_feeds.py.
"""

import re
from datetime import time, timedelta

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model

from kulturnetz.models import (
    AccessibilityFeature,
    ActorOffer,
    ActorPage,
    EventCategory,
    EventDate,
    OpeningHours,
    SocialLink,
    VenuePage,
    VenueRoom,
)
from tests.kulturnetz.directory_helpers import add_actor, add_venue

# The site search asks every installed app; the processes' requirements source costs its own
# fixed number (the catalogue page, the exact identifier, the search).
OTHER_SEARCH_SOURCES = 5 if apps.is_installed("processes") else 0

pytestmark = [pytest.mark.django_db, pytest.mark.feature_app("kulturnetz")]

START = "/de/kulturnetz/"
CALENDAR = "/de/kulturnetz/kalender/"
ACTORS = "/de/kulturnetz/kulturaktive/"
VENUES = "/de/kulturnetz/spielstaetten/"
API = "/api/v3/kulturnetz/"
SEARCH = "/de/suche/"

# Address → queries. The start page and the directories also load the site's settings,
# navigation and footer; a filter's value costs nothing (the vocabularies are cached).
# The week's filters are left out until the clock is pinned: whether this week's dates carry
# pictures (one renditions query each) depends on the day the demo data was loaded.
LISTINGS = {
    START: 17,  # with the map: its places, their next dates, the privacy page
    CALENDAR: 9,
    CALENDAR + "?seite=2": 9,
    CALENDAR + "?q=Konzert": 9,
    CALENDAR + "?kategorie=konzert": 9,
    CALENDAR + "?von=2020-01-01&bis=2099-12-31": 9,
    CALENDAR + "?ortsteil=queichheim": 9,
    CALENDAR + "?spielstaette=haus-am-westbahnhof": 9,
    CALENDAR + "?veranstalter=chor-westwind": 9,
    CALENDAR + "?frei=on": 9,
    CALENDAR + "?barrierefrei=gebaerdensprache&barrierefrei=hoeranlage": 9,
    CALENDAR + "feed/rss/": 6,
    CALENDAR + "feed/atom/": 6,
    ACTORS: 11,
    ACTORS + "?seite=2": 11,
    ACTORS + "?sparte=musik": 11,
    ACTORS + "?art=verein": 11,
    ACTORS + "?ortsteil=queichheim": 11,
    ACTORS + "?sparte=musik&art=verein&ortsteil=queichheim": 11,
    ACTORS + "?q=kultur": 11,
    ACTORS + "?buchstabe=A": 11,
    ACTORS + "?sortierung=neueste": 11,
    ACTORS + "?sortierung=name-absteigend&buchstabe=A": 11,
    VENUES: 10,
    VENUES + "?ortsteil=queichheim": 10,
    VENUES + "?barrierefrei=stufenloser-zugang&barrierefrei=hoeranlage": 10,
    VENUES + "?plaetze=50": 10,
    VENUES + "?q=landau": 10,
    VENUES + "?buchstabe=N": 10,
    VENUES + "?sortierung=neueste": 10,
    API + "events/?limit=100": 4,
    API + "events/?limit=100&offset=20": 4,
    API + "events/?venue=haus-am-westbahnhof&accessibility=hoeranlage&limit=100": 4,
    API + "events/?search=Konzert&limit=100": 4,
    API + "actors/?limit=100": 5,
    API + "actors/?discipline=musik&kind=verein&district=queichheim&limit=100": 5,
    API + "actors/?search=kultur&letter=A&ordering=newest&limit=100": 5,
    API + "venues/?limit=100": 4,
    API + "venues/?district=queichheim&accessibility=hoeranlage&min_capacity=50&limit=100": 4,
}
# The site search: each source that reaches the first page fetches its slice (one or two
# queries). Which sources reach it depends on the database's ranking (SQLite's FTS5 and
# PostgreSQL's ts_rank order ties differently), so the search gets a ceiling that holds
# however many entries there are, not an exact number. ("Queichheim" is left out: its hits
# tie in rank between sources, so the first page can show the same entries before and after.)
SEARCHES = {
    SEARCH + "?q=Konzert": 16 + OTHER_SEARCH_SOURCES,
    SEARCH + "?q=Kunsthandwerk": 17 + OTHER_SEARCH_SOURCES,
}
# Kind of page → (HTML page, API detail).
# Vocabulary names, the calendar's address and the privacy page of the map's consent come from
# the cache; a page's venue, organiser or operators in the visitor's language take one query.
DETAILS = {"actor": (15, 7), "venue": (15, 7), "event": (14, 6)}


def _measure(client, url):
    """(queries of the second request, its answer)."""
    client.get(url)  # renditions are made and caches filled on the first request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def _addresses(body):
    """The entries a listing links to, and the number of results where it says one (the
    site search's first page may show the same entries while it finds more)."""
    return set(re.findall(r"/kulturnetz/[\w/-]+", body)) | set(re.findall(r"\d+ Ergebnisse", body))


def _de(model, slug):
    return model.objects.get(slug=slug, locale__language_code="de")


def _images():
    return list(get_image_model().objects.order_by("pk")[:4])


def _add_entries(make_event, first, count):
    """Actors, venues and events with pictures and vocabularies that every filter above matches."""
    images = _images()
    concert = _de(EventCategory, "konzert")
    more_categories = [_de(EventCategory, slug) for slug in ("theater", "tanz")]
    features = [_de(AccessibilityFeature, slug) for slug in ("gebaerdensprache", "hoeranlage")]
    numbers = range(first, first + count)
    actors = [_de(ActorPage, "chor-westwind")] + [
        add_actor(
            f"Atelier {number}",
            kind="verein",
            disciplines=("musik", "kunsthandwerk"),
            district="queichheim",
            logo=images[number % len(images)],
        )
        for number in numbers
    ]
    venues = [_de(VenuePage, "haus-am-westbahnhof")] + [
        add_venue(
            f"Neuer Ort {number}",
            district="queichheim",
            accessibility=("stufenloser-zugang", "hoeranlage"),
            header_image=images[number % len(images)],
            capacity=120,
            town="Landau in der Pfalz",
        )
        for number in numbers
    ]
    today = timezone.localdate()
    for index, number in enumerate(numbers):
        make_event(
            f"Noch ein Konzert {number}",
            dates=[
                EventDate(start_date=today + timedelta(days=day), start_time=time(23, 30))
                for day in (0, 7 + number % 5)
            ],
            category=concert,
            more_categories=more_categories,
            accessibility=features,
            header_image=images[number % len(images)],
            venue=venues[index % len(venues)],
            organiser=actors[index % len(actors)],
            is_free=True,
        )


def test_listings_answer_with_pinned_queries_however_much_they_list(client, make_event):
    _add_entries(make_event, first=1, count=3)
    few = {url: _measure(client, url) for url in LISTINGS}
    _add_entries(make_event, first=4, count=12)
    many = {url: _measure(client, url) for url in LISTINGS}
    assert {url: count for url, (count, _body) in few.items()} == LISTINGS
    assert {url: count for url, (count, _body) in many.items()} == LISTINGS
    # Each listing shows some of the entries added last (or others than before), so the
    # counts were taken on more entries, not on the same page twice.
    unchanged = [url for url in LISTINGS if _addresses(few[url][1]) == _addresses(many[url][1])]
    assert unchanged == []


def test_the_site_search_stays_under_its_ceiling_however_much_it_finds(client, make_event):
    _add_entries(make_event, first=1, count=3)
    few = {url: _measure(client, url) for url in SEARCHES}
    _add_entries(make_event, first=4, count=12)
    many = {url: _measure(client, url) for url in SEARCHES}
    over = {
        url: (few[url][0], many[url][0])
        for url, ceiling in SEARCHES.items()
        if max(few[url][0], many[url][0]) > ceiling
    }
    assert over == {}
    # The second measurement found more: the result counts changed.
    assert [url for url in SEARCHES if _addresses(few[url][1]) == _addresses(many[url][1])] == []


def _entries(make_event, size):
    """An actor, a venue and an event with ``size`` of each related thing (dates, links, …)."""
    images = _images()
    features = list(AccessibilityFeature.objects.filter(locale__language_code="de")[:size])
    categories = list(EventCategory.objects.filter(locale__language_code="de")[:size])
    actor = add_actor(
        f"Kulturaktive {size}",
        disciplines=("musik", "literatur", "kleinkunst")[:size],
        logo=images[0],
        social_links=[
            SocialLink(platform="mastodon", url=f"https://kulturnetz.social/@kn{size}-{number}")
            for number in range(size)
        ],
        offers=[ActorOffer(title=f"Workshop {number}") for number in range(size)],
    )
    venue = add_venue(
        f"Spielstätte {size}",
        accessibility=[feature.slug for feature in features],
        header_image=images[1],
        rooms=[VenueRoom(name=f"Raum {number}", capacity=20) for number in range(size)],
        opening_hours=[
            OpeningHours(weekday=day, opens=time(10), closes=time(18))
            for day in ("MO", "TU", "WE", "TH", "FR", "SA")[:size]
        ],
    )
    venue.operated_by = [actor] + [
        add_actor(f"Mitbetrieb {size}-{number}") for number in range(size - 1)
    ]
    venue.save()
    today = timezone.localdate()
    for number in range(size):
        event = make_event(
            f"Abend {size}-{number}",
            dates=[
                EventDate(start_date=today + timedelta(days=day + 1), start_time=time(20))
                for day in range(size)
            ],
            header_image=images[2],
            venue=venue,
            organiser=actor,
            more_categories=categories[1:],
            accessibility=features,
        )
    return {"actor": actor, "venue": venue, "event": event}


@pytest.mark.parametrize("kind", DETAILS)
def test_detail_pages_answer_with_pinned_queries_however_rich_the_entry(client, make_event, kind):
    bare, rich = _entries(make_event, 1)[kind], _entries(make_event, 6)[kind]
    measured = {
        size: (_measure(client, page.url), _measure(client, f"{API}{kind}s/{page.pk}/"))
        for size, page in (("bare", bare), ("rich", rich))
    }
    counts = {size: (html[0], api[0]) for size, (html, api) in measured.items()}
    assert counts == {"bare": DETAILS[kind], "rich": DETAILS[kind]}
    # The rich entry shows more (dates, links, rooms, …) on its page and in the API.
    (bare_html, bare_api), (rich_html, rich_api) = measured["bare"], measured["rich"]
    assert len(rich_html[1]) > len(bare_html[1]) and len(rich_api[1]) > len(bare_api[1])
