"""Benchmark data of the Kulturnetz: SCALE actors, SCALE/10 venues and 5×SCALE event dates.

``build(scale)``: scale 200 (the default of ``make bench``) makes 200 actors, 20 venues
and 200 events with 1,000 dates; scale 10000 makes 10,000 actors, 1,000 venues and 10,000 events with 50,000
dates. Pages are added in batches without revisions; occurrences are bulk-created at the end.
"""

from datetime import time, timedelta

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
    VenueIndexPage,
    VenuePage,
)
from kulturnetz.recurrence import rebuild_all

PREFIX = "bench-"
DATES_PER_EVENT = 5
BATCH = 200


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
                    _add(
                        venues_index,
                        VenuePage(
                            title=f"Spielstätte {n}",
                            slug=f"{PREFIX}{n}",
                            intro="Ein Raum für Kultur.",
                            town="Landau in der Pfalz",
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
