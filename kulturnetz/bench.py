"""Benchmark data of the Kulturnetz: SCALE actors, SCALE/10 venues and 5×SCALE event dates.

``build(scale)``: scale 200 (the default of ``make bench``) makes 200 actors, 20 venues
and 200 events with 1,000 dates; scale 10000 makes 10,000 actors, 1,000 venues and 10,000 events with 50,000
dates. Pages are added in batches without revisions; occurrences are bulk-created at the end.
"""

from datetime import time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from kulturnetz.demo import indexed_in_bulk
from kulturnetz.models import (
    ActorIndexPage,
    ActorKind,
    ActorPage,
    District,
    EventCategory,
    EventDate,
    EventIndexPage,
    EventPage,
    KulturnetzIndexPage,
    VenueIndexPage,
    VenuePage,
)
from kulturnetz.recurrence import rebuild_all

PREFIX = "bench-"
DATES_PER_EVENT = 5
BATCH = 200
# Venues are scattered over a grid around Landau (0.2° × 0.2°, steps of 0.005°); the bbox
# of the benchmark holds about a quarter of them.
MAP_WEST, MAP_SOUTH, MAP_STEP = Decimal("8.0"), Decimal("49.1"), Decimal("0.005")
MAP_BBOX = "8.05,49.15,8.15,49.25"


def _grid_point(n):
    """Latitude and longitude of the n-th bench venue."""
    return MAP_SOUTH + MAP_STEP * (n % 41), MAP_WEST + MAP_STEP * ((n // 41 + 7 * n) % 41)


def _section(model):
    return model.objects.filter(locale__language_code="de").first()


def _add(parent, page):
    page.live = True
    page.first_published_at = page.last_published_at = timezone.now()
    parent.add_child(instance=page)
    return page


def _missing(parent, wanted):
    existing = parent.get_children().filter(slug__startswith=PREFIX).count()
    return range(existing + 1, wanted + 1)


def build(scale):
    actors_index, venues_index = _section(ActorIndexPage), _section(VenueIndexPage)
    events_index = _section(EventIndexPage)
    if not (actors_index and venues_index and events_index):
        return
    kinds = list(ActorKind.objects.filter(locale=actors_index.locale))
    districts = list(District.objects.filter(locale=actors_index.locale))
    categories = list(EventCategory.objects.filter(locale=actors_index.locale))
    today = timezone.localdate()

    def batches(numbers):
        numbers = list(numbers)
        for start in range(0, len(numbers), BATCH):
            yield numbers[start : start + BATCH]

    with indexed_in_bulk([ActorPage, VenuePage, EventPage]):
        for batch in batches(_missing(actors_index, scale)):
            with transaction.atomic():
                for n in batch:
                    _add(
                        actors_index,
                        ActorPage(
                            title=f"Kulturaktive {n}",
                            slug=f"{PREFIX}{n}",
                            intro="Kultur aus Landau, seit vielen Jahren.",
                            kind=kinds[n % len(kinds)],
                            district=districts[n % len(districts)],
                        ),
                    )
        for batch in batches(_missing(venues_index, max(scale // 10, 1))):
            with transaction.atomic():
                for n in batch:
                    latitude, longitude = _grid_point(n)
                    _add(
                        venues_index,
                        VenuePage(
                            title=f"Spielstätte {n}",
                            slug=f"{PREFIX}{n}",
                            intro="Ein Raum für Kultur.",
                            town="Landau in der Pfalz",
                            latitude=latitude,
                            longitude=longitude,
                            district=districts[n % len(districts)],
                        ),
                    )
        venues = list(VenuePage.objects.child_of(venues_index).order_by("pk"))
        actors = list(ActorPage.objects.child_of(actors_index).order_by("pk")[:1000])
        for batch in batches(_missing(events_index, scale)):
            with transaction.atomic():
                for n in batch:
                    _add(
                        events_index,
                        EventPage(
                            title=f"Veranstaltung {n}",
                            slug=f"{PREFIX}{n}",
                            intro="Ein Abend im Kulturnetz.",
                            category=categories[n % len(categories)],
                            venue=venues[n % len(venues)],
                            organiser=actors[n % len(actors)],
                            is_free=n % 3 == 0,
                            dates=[
                                EventDate(
                                    start_date=today + timedelta(days=(n + 7 * k) % 300),
                                    start_time=time(19 + k % 3, 0),
                                )
                                for k in range(DATES_PER_EVENT)
                            ],
                        ),
                    )
    rebuild_all()


def urls():
    def first(model):
        page = model.objects.filter(slug=f"{PREFIX}1", locale__language_code="de").first()
        return page.url if page else None

    calendar = _section(EventIndexPage)
    calendar_url = calendar.url if calendar else None
    found = [
        ("kulturnetz_actor", first(ActorPage)),
        ("kulturnetz_venue", first(VenuePage)),
        ("kulturnetz_event", first(EventPage)),
        ("kulturnetz_calendar", calendar_url),
    ]
    if calendar_url:
        found += [
            ("kn_calendar_filtered", f"{calendar_url}?kategorie=konzert&zeitraum=woche"),
            ("kn_calendar_search", f"{calendar_url}?q=Veranstaltung+1"),
            ("kn_ical", f"{calendar_url}ical/"),
            ("kn_api_events", "/api/v3/kulturnetz/events/?limit=50"),
        ]
    found += directory_urls()
    found += open_data_urls(calendar_url)
    found += map_urls()
    return [(name, url) for name, url in found if url]


def directory_urls():
    """The directories without and with filters, their search, the details and the API list."""
    actors, venues = _section(ActorIndexPage), _section(VenueIndexPage)
    found = []
    if actors is not None:
        found += [
            ("kulturnetz_actors", actors.url),
            ("kulturnetz_actors_filtered", f"{actors.url}?art=verein&ortsteil=queichheim"),
            ("kulturnetz_actors_search", f"{actors.url}?q=kultur&sortierung=neueste"),
            ("kulturnetz_actors_letter", f"{actors.url}?buchstabe=K&seite=2"),
        ]
    if venues is not None:
        found += [
            ("kulturnetz_venues", venues.url),
            (
                "kulturnetz_venues_filtered",
                f"{venues.url}?barrierefrei=stufenloser-zugang&plaetze=50",
            ),
        ]
    actor = ActorPage.objects.filter(slug=f"{PREFIX}1", locale__language_code="de").first()
    venue = VenuePage.objects.filter(slug=f"{PREFIX}1", locale__language_code="de").first()
    found += [
        ("kulturnetz_actor_detail", actor.url if actor else None),
        ("kulturnetz_venue_detail", venue.url if venue else None),
        ("kulturnetz_api_actors", "/api/v3/kulturnetz/actors/?kind=verein&limit=20"),
        ("kulturnetz_api_venues", "/api/v3/kulturnetz/venues/?limit=20"),
    ]
    return found


def open_data_urls(calendar_url):
    """The shop-window display (default and the most rows) and every open data file."""
    from kulturnetz.models import KulturnetzIndexPage
    from kulturnetz.models.indexes import OPEN_DATA_FORMATS, OPEN_DATA_WORDS

    found = []
    if calendar_url:
        found += [
            ("kn_display", f"{calendar_url}anzeige/"),
            ("kn_display_20_konzert", f"{calendar_url}anzeige/?anzahl=20&kategorie=konzert"),
        ]
    start = _section(KulturnetzIndexPage)
    if start is not None:
        data = start.url + start.route_path("open_data")
        found.append(("kn_open_data", data))
        found += [
            (f"kn_data_{dataset}_{fmt}", f"{data}{words['de']}/{fmt}/")
            for dataset, words in OPEN_DATA_WORDS.items()
            for fmt in OPEN_DATA_FORMATS
        ]
    return found


def map_urls():
    """The start page with its map, its places as GeoJSON (all, and a part), and the API's."""
    start = _section(KulturnetzIndexPage)
    found = [("kn_api_places_bbox", f"/api/v3/kulturnetz/places/?bbox={MAP_BBOX}")]
    if start is not None:
        found = [
            ("kulturnetz_start", start.url),
            ("kn_map_geojson", f"{start.url}geojson/"),
            ("kn_map_geojson_bbox", f"{start.url}geojson/?bbox={MAP_BBOX}"),
            *found,
        ]
    return found
