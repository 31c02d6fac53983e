"""Benchmark data of the Kulturnetz: SCALE actors, SCALE/10 venues and 5×SCALE event dates.

``build(scale)``: scale 200 (the default of ``make bench``) makes 200 actors, 20 venues
and 200 events with 1,000 dates; scale 10000 makes 10,000 actors, 1,000 venues and 10,000 events
with 50,000 dates. Like the demo, actors have disciplines and some a logo, venues a picture,
a capacity and accessibility features, every fourth event a picture. Pages are put into the
tree in bulk, without revisions; occurrences are bulk-created at the end.
"""

from datetime import time, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.images import get_image_model
from wagtail.models import Page

from kulturnetz.models import (
    AccessibilityFeature,
    ActorIndexPage,
    ActorKind,
    ActorPage,
    Discipline,
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
from portal.bench_tools import indexed_in_bulk

PREFIX = "bench-"
API = "/api/v3/kulturnetz/"
DATES_PER_EVENT = 5
BATCH = 500
# Venues are scattered over a grid around Landau (0.2° × 0.2°, steps of 0.005°); the bbox
# of the benchmark holds about a quarter of them.
MAP_WEST, MAP_SOUTH, MAP_STEP = Decimal("8.0"), Decimal("49.1"), Decimal("0.005")
MAP_BBOX = "8.05,49.15,8.15,49.25"


def _grid_point(n):
    """Latitude and longitude of the n-th bench venue."""
    return MAP_SOUTH + MAP_STEP * (n % 41), MAP_WEST + MAP_STEP * ((n // 41 + 7 * n) % 41)


def _section(model):
    return model.objects.filter(locale__language_code="de").first()


def add_in_bulk(parent, pages):
    """Put new live pages under ``parent`` as ``add_child()`` would, in a few queries a batch.

    ``add_child()`` validates and saves one page at a time (about twenty queries each: an
    hour for the 21,000 pages of scale 10000). Here the paths continue treebeard's numbering
    after the parent's last child, the Page rows go in one bulk insert, and each specific row
    is inserted on its own as ``loaddata`` does (Django cannot bulk-create the rows of a
    multi-table model). The pages get their ids; their child relations are not saved.
    """
    if not pages:
        return pages
    last_child = parent.get_last_child()
    first_step = last_child._get_lastpos_in_path() + 1 if last_child else 1
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    now = timezone.now()
    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.live = True
        page.first_published_at = page.last_published_at = now
    base_fields = [field.attname for field in Page._meta.concrete_fields if field.attname != "id"]
    rows = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages]
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def _missing(parent, wanted):
    existing = parent.get_children().filter(slug__startswith=PREFIX).count()
    return range(existing + 1, wanted + 1)


def _batches(numbers):
    numbers = list(numbers)
    for start in range(0, len(numbers), BATCH):
        yield numbers[start : start + BATCH]


def build(scale):
    actors_index, venues_index = _section(ActorIndexPage), _section(VenueIndexPage)
    events_index = _section(EventIndexPage)
    if not (actors_index and venues_index and events_index):
        return
    locale = actors_index.locale
    kinds = list(ActorKind.objects.filter(locale=locale))
    districts = list(District.objects.filter(locale=locale))
    disciplines = list(Discipline.objects.filter(locale=locale))
    features = list(AccessibilityFeature.objects.filter(locale=locale))
    categories = list(EventCategory.objects.filter(locale=locale))
    images = list(get_image_model().objects.filter(title__startswith="Kulturnetz").order_by("pk"))
    today = timezone.localdate()

    def image(n):
        return images[n % len(images)] if images else None

    with indexed_in_bulk([ActorPage, VenuePage, EventPage]):
        for batch in _batches(_missing(actors_index, scale)):
            with transaction.atomic():
                actors = add_in_bulk(
                    actors_index,
                    [
                        ActorPage(
                            title=f"Kulturaktive {n}",
                            slug=f"{PREFIX}{n}",
                            intro="Kultur aus Landau, seit vielen Jahren.",
                            kind=kinds[n % len(kinds)],
                            district=districts[n % len(districts)],
                            logo=image(n) if n % 2 else None,
                            logo_alt=f"Logo: Kulturaktive {n}",
                        )
                        for n in batch
                    ],
                )
                ActorPage.disciplines.through.objects.bulk_create(
                    ActorPage.disciplines.through(actorpage_id=actor.pk, discipline_id=d.pk)
                    for n, actor in zip(batch, actors, strict=True)
                    for d in {
                        disciplines[n % len(disciplines)],
                        disciplines[n // 3 % len(disciplines)],
                    }
                )
        for batch in _batches(_missing(venues_index, max(scale // 10, 1))):
            with transaction.atomic():
                venues = add_in_bulk(
                    venues_index,
                    [
                        VenuePage(
                            title=f"Spielstätte {n}",
                            slug=f"{PREFIX}{n}",
                            intro="Ein Raum für Kultur.",
                            town="Landau in der Pfalz",
                            latitude=_grid_point(n)[0],
                            longitude=_grid_point(n)[1],
                            district=districts[n % len(districts)],
                            capacity=20 + n % 10 * 20,
                            header_image=image(n),
                        )
                        for n in batch
                    ],
                )
                VenuePage.accessibility.through.objects.bulk_create(
                    VenuePage.accessibility.through(
                        venuepage_id=venue.pk, accessibilityfeature_id=feature.pk
                    )
                    for n, venue in zip(batch, venues, strict=True)
                    for feature in features[: n % 4]
                )
        venues = list(VenuePage.objects.child_of(venues_index).order_by("pk"))
        actors = list(ActorPage.objects.child_of(actors_index).order_by("pk")[:1000])
        for batch in _batches(_missing(events_index, scale)):
            with transaction.atomic():
                events = add_in_bulk(
                    events_index,
                    [
                        EventPage(
                            title=f"Veranstaltung {n}",
                            slug=f"{PREFIX}{n}",
                            intro="Ein Abend im Kulturnetz.",
                            category=categories[n % len(categories)],
                            venue=venues[n % len(venues)],
                            organiser=actors[n % len(actors)],
                            is_free=n % 3 == 0,
                            header_image=image(n) if n % 4 == 0 else None,
                        )
                        for n in batch
                    ],
                )
                EventDate.objects.bulk_create(
                    EventDate(
                        page_id=event.pk,
                        sort_order=k,
                        start_date=today + timedelta(days=(n + 7 * k) % 300),
                        start_time=time(19 + k % 3, 0),
                    )
                    for n, event in zip(batch, events, strict=True)
                    for k in range(DATES_PER_EVENT)
                )
    rebuild_all()


def urls():
    """Every listing and detail page of the Kulturnetz, its feeds and API, and its site search."""
    start, calendar = _section(KulturnetzIndexPage), _section(EventIndexPage)
    event = EventPage.objects.filter(slug=f"{PREFIX}1", locale__language_code="de").first()
    found = [("kn_start", start.url if start else None)]
    if calendar is not None:
        found += [
            ("kulturnetz_calendar", calendar.url),
            ("kn_calendar_page2", f"{calendar.url}?seite=2"),
            ("kn_calendar_filtered", f"{calendar.url}?kategorie=konzert&zeitraum=woche"),
            ("kn_calendar_access", f"{calendar.url}?frei=on&barrierefrei=stufenloser-zugang"),
            ("kn_calendar_search", f"{calendar.url}?q=Veranstaltung+1"),
            ("kn_ical", f"{calendar.url}ical/"),
            ("kn_feed_rss", f"{calendar.url}feed/rss/"),
        ]
    found += [
        ("kulturnetz_event", event.url if event else None),
        ("kn_api_events", f"{API}events/?limit=50"),
        ("kn_api_events_filtered", f"{API}events/?category=konzert&date_range=week&limit=50"),
        ("kn_api_event", f"{API}events/{event.pk}/" if event else None),
    ]
    found += directory_urls()
    with translation.override("de"):
        search = reverse("search")
    found += [
        ("kn_site_search", f"{search}?q=Queichheim"),
        ("kn_site_search_events", f"{search}?q=Konzert"),
    ]
    found += open_data_urls(calendar.url if calendar else None)
    found += map_urls()
    found += submission_urls()
    return [(name, url) for name, url in found if url]


def submission_urls():
    """The public forms: the event form lists every venue and actor to choose from."""
    calendar, actors = _section(EventIndexPage), _section(ActorIndexPage)
    actor = ActorPage.objects.filter(slug=f"{PREFIX}1", locale__language_code="de").first()
    return [
        ("kn_event_form", calendar.specific.route_url("report") if calendar else None),
        ("kn_actor_form", actors.specific.route_url("suggest") if actors else None),
        ("kn_change_form", actor.route_url("change") if actor else None),
    ]


def directory_urls():
    """The directories without and with filters, their search, the details and the API."""
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
            ("kn_venues_search", f"{venues.url}?q=landau&sortierung=name-absteigend"),
        ]
    actor = ActorPage.objects.filter(slug=f"{PREFIX}1", locale__language_code="de").first()
    venue = VenuePage.objects.filter(slug=f"{PREFIX}1", locale__language_code="de").first()
    found += [
        ("kulturnetz_actor_detail", actor.url if actor else None),
        ("kulturnetz_venue_detail", venue.url if venue else None),
        ("kulturnetz_api_actors", f"{API}actors/?kind=verein&limit=20"),
        ("kulturnetz_api_venues", f"{API}venues/?limit=20"),
        ("kn_api_actor", f"{API}actors/{actor.pk}/" if actor else None),
        ("kn_api_venue", f"{API}venues/{venue.pk}/" if venue else None),
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
    """The start page's places as GeoJSON (all, and a part), and the API's (the start page with
    its map is in urls())."""
    start = _section(KulturnetzIndexPage)
    found = [("kn_api_places_bbox", f"/api/v3/kulturnetz/places/?bbox={MAP_BBOX}")]
    if start is not None:
        found = [
            ("kn_map_geojson", f"{start.url}geojson/"),
            ("kn_map_geojson_bbox", f"{start.url}geojson/?bbox={MAP_BBOX}"),
            *found,
        ]
    return found
