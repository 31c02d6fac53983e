"""Demo content of the Kulturnetz: start page, calendar, directory, 30 actors, 10 venues, 51 events.

Fast on purpose (the browser tests load it for every test): the directory's pages are made
in one transaction without revisions (editing one in the admin starts its history), and
their occurrences are built in one go at the end. The start page and its three sections get
English translations through wagtail-localize (about a quarter second each, so the 91
directory pages stay German: editors translate them in the admin); the vocabularies get
English names. A second run creates and changes nothing.
"""

from datetime import time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from home.demo import add_to_main_menu
from kulturnetz import demo_data as data
from kulturnetz.models import (
    AccessibilityFeature,
    ActorIndexPage,
    ActorKind,
    ActorOffer,
    ActorPage,
    Discipline,
    District,
    EventCategory,
    EventDate,
    EventIndexPage,
    EventPage,
    KulturnetzIndexPage,
    OpeningHours,
    SocialLink,
    VenueIndexPage,
    VenuePage,
    VenueRoom,
)
from kulturnetz.models.fields import WEEKDAY_CODES
from kulturnetz.recurrence import rebuild_for
from kulturnetz.vocabularies import seed
from portal.bench_tools import indexed_in_bulk
from portal.demo import ILLUSTRATION_CREDIT
from portal.demo_images import SCENES

START_SLUG = "kulturnetz"
MODELS = {
    "EventCategory": EventCategory,
    "Discipline": Discipline,
    "District": District,
    "ActorKind": ActorKind,
    "AccessibilityFeature": AccessibilityFeature,
}


def load(demo):
    """Create the Kulturnetz's demo content if it is missing."""
    _vocabularies(demo)
    start, sections = _structure(demo)
    add_to_main_menu(demo, start)
    if ActorPage.objects.child_of(sections["actors"]).exists():
        return
    vocabulary = {
        name: {item.slug: item for item in model.objects.filter(locale=demo.de)}
        for name, model in MODELS.items()
    }
    images = [
        demo.image(f"Kulturnetz {number + 1}", seed=400 + number, scene=scene, size=(960, 600))
        for number, scene in enumerate(SCENES)
    ]
    with transaction.atomic(), indexed_in_bulk([ActorPage, VenuePage, EventPage]):
        actors = _actors(sections["actors"], vocabulary, images)
        venues = _venues(sections["venues"], vocabulary, actors, images)
        events = _events(sections["events"], vocabulary, venues, actors, images)
        rebuild_for(events)
    demo.log(f"  + {len(actors)} Kulturaktive, {len(venues)} Spielstätten, {len(events)} Termine")


def _vocabularies(demo):
    seed(MODELS.__getitem__, demo.de, "de")
    seed(MODELS.__getitem__, demo.en, "en")


def _structure(demo):
    start, _created = demo.child(demo.home_de, KulturnetzIndexPage, START_SLUG, data.START)
    if start.get_translation_or_none(demo.en) is None:
        demo.translate(start, data.START, extra_pairs={START_SLUG: START_SLUG})
    models = {"events": EventIndexPage, "actors": ActorIndexPage, "venues": VenueIndexPage}
    sections = {}
    for key in ("events", "actors", "venues"):
        spec = data.SECTIONS[key]
        content = {name: value for name, value in spec.items() if name != "slug"}
        page, _created = demo.child(start, models[key], spec["slug"].de, content)
        if page.get_translation_or_none(demo.en) is None:
            demo.translate(page, content, extra_pairs={spec["slug"].de: spec["slug"].en})
        sections[key] = page
    return start, sections


def _add(parent, page):
    """Add a live page without a revision (fast; the admin starts its history on first edit)."""
    page.locale_id = parent.locale_id
    page.live = True
    page.first_published_at = page.last_published_at = timezone.now()
    parent.add_child(instance=page)
    return page


def _body(*paragraphs):
    return [("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))]


def _venues(parent, vocabulary, actors, images):
    districts, features = vocabulary["District"], vocabulary["AccessibilityFeature"]
    operators = {}
    for actor_slug, *_rest, runs in data.ACTORS:
        for venue_slug in runs:
            operators.setdefault(venue_slug, []).append(actors[actor_slug])
    venues = {}
    for number, spec in enumerate(data.VENUES):
        slug, name, district, street, lat, lon, capacity, accessible, intro = spec
        is_house = slug == "haus-am-westbahnhof"
        page = VenuePage(
            title=name,
            slug=slug,
            intro=intro,
            body=_body(
                intro,
                "Wer hier etwas veranstalten möchte, meldet sich am besten per Telefon oder "
                "über die Website.",
            ),
            street=street,
            postcode="76829",
            town="Landau in der Pfalz" if districts[district].area == "stadt" else name.split()[-1],
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            district=districts[district],
            capacity=capacity,
            phone=f"06341 {5550100 + number}",
            website=f"https://{slug}.example.org",
            email=f"kontakt@{slug}.example.org",
            publish_email=is_house,
            header_image=images[number % len(images)],
            header_image_alt="",
            header_image_credit=ILLUSTRATION_CREDIT.de,
            accessibility=[features[key] for key in accessible],
            operated_by=operators.get(slug, []),
            accessibility_note="Bitte sprecht uns an, wenn Ihr Unterstützung braucht.",
            rooms=_rooms(is_house, name, capacity),
            opening_hours=[
                OpeningHours(weekday=day, opens=time(10), closes=time(14))
                for day in (["TU", "WE", "TH"] if is_house else ["SA"])
            ],
        )
        venues[slug] = _add(parent, page)
    return venues


def _rooms(is_house, name, capacity):
    if not is_house:
        return [VenueRoom(name=name, capacity=capacity, equipment="Bühne, Ton")]
    return [
        VenueRoom(name="Saal", capacity=180, equipment="Bühne, Licht, Ton, Flügel"),
        VenueRoom(name="Seminarraum 1", capacity=20, equipment="Beamer, Flipchart"),
        VenueRoom(name="Seminarraum 2", capacity=14, equipment="Moderationskoffer"),
    ]


def _actors(parent, vocabulary, images):
    kinds, disciplines = vocabulary["ActorKind"], vocabulary["Discipline"]
    districts = vocabulary["District"]
    actors = {}
    for number, spec in enumerate(data.ACTORS):
        slug, name, kind, actor_disciplines, district, intro, _runs = spec
        page = ActorPage(
            title=name,
            slug=slug,
            kind=kinds[kind],
            district=districts[district],
            intro=intro,
            body=_body(intro, "Meldet Euch gern, wenn Ihr mitmachen oder uns buchen möchtet."),
            logo=images[(number + 2) % len(images)],
            logo_alt=f"Logo: {name}",
            logo_credit=name,
            town="Landau in der Pfalz",
            postcode="76829",
            website=f"https://{slug}.example.org",
            email=f"hallo@{slug}.example.org",
            # Every third actor chose to publish the address.
            publish_email=number % 3 == 0,
            disciplines=[disciplines[key] for key in actor_disciplines],
            social_links=[
                SocialLink(platform="mastodon", url=f"https://kulturnetz.social/@{slug}")
            ],
            offers=[ActorOffer(title="Auftritte und Workshops auf Anfrage")] if number % 2 else [],
        )
        actors[slug] = _add(parent, page)
    return actors


def _weekend(today):
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    return {"fri": saturday - timedelta(days=1), "sat": saturday, "sun": saturday + timedelta(1)}


def _this_weekend(today):
    """The days of the weekend that the calendar's "dieses Wochenende" shows today."""
    if today.weekday() == 6:
        return [today]
    saturday = today + timedelta(days=5 - today.weekday())
    return [saturday, saturday + timedelta(days=1)]


def _clock(text):
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def _dates(when, today):
    kind, *args = when
    if kind == "weekend":
        start, end = args
        return [
            EventDate(start_date=day, start_time=_clock(start), end_time=_clock(end))
            for day in _this_weekend(today)
        ]
    if kind == "day" or kind in ("fri", "sat", "sun"):
        offset, start, end = args
        day = (
            today + timedelta(days=offset)
            if kind == "day"
            else _weekend(today)[kind] + timedelta(weeks=offset)
        )
        return [EventDate(start_date=day, start_time=_clock(start), end_time=_clock(end))]
    if kind == "run":
        first, last, opens, closes, closed = args
        return [
            EventDate(
                kind=EventDate.Kind.RUN,
                start_date=today + timedelta(days=first),
                end_date=today + timedelta(days=last),
                start_time=_clock(opens),
                end_time=_clock(closes),
                closed_weekdays=",".join(closed),
            )
        ]
    if kind == "weekly":
        first, start, end, weekdays, count, skipped = args
        first_day = today + timedelta(days=first)
        # The first date falls on the first of the given weekdays.
        while WEEKDAY_CODES[first_day.weekday()] not in weekdays:
            first_day += timedelta(days=1)
        return [
            EventDate(
                kind=EventDate.Kind.REPEATING,
                frequency=EventDate.Frequency.WEEKLY,
                weekdays=",".join(weekdays),
                start_date=first_day,
                start_time=_clock(start),
                end_time=_clock(end),
                count=count,
                exceptions=",".join(
                    (first_day + timedelta(days=offset)).isoformat() for offset in skipped
                ),
            )
        ]
    first, start, end, count = args
    return [
        EventDate(
            kind=EventDate.Kind.REPEATING,
            frequency=EventDate.Frequency.MONTHLY,
            start_date=today + timedelta(days=first),
            start_time=_clock(start),
            end_time=_clock(end),
            count=count,
        )
    ]


def _events(parent, vocabulary, venues, actors, images):
    categories, districts = vocabulary["EventCategory"], vocabulary["District"]
    today = timezone.localdate()
    events = []
    for number, spec in enumerate(data.EVENTS):
        slug, title, category, venue, organiser, when, intro, extra = spec
        extra = dict(extra)
        place = extra.pop("place", None)
        coordinates = extra.pop("coordinates", None)
        page = EventPage(
            title=title,
            slug=slug,
            category=categories[category],
            venue=venues[venue] if venue else None,
            organiser=actors[organiser],
            intro=intro,
            body=_body(intro, data.CATEGORY_TEXT[category]),
            header_image=images[number % len(images)] if number % 4 else None,
            header_image_alt="",
            header_image_credit=ILLUSTRATION_CREDIT.de if number % 4 else "",
            dates=_dates(when, today),
            **extra,
        )
        if place:
            page.place_name, page.street, page.postcode, page.town, district = place
            page.district = districts[district]
        if coordinates:
            page.latitude, page.longitude = (Decimal(value) for value in coordinates)
        events.append(_add(parent, page))
    return events
