"""Events of the Kulturnetz in the v3 API: upcoming dates as cards, and one event in full.

The list takes the calendar's filters (kulturnetz/filters.py, the same FilterSet as the page)
under English parameter names, and answers with a fixed number of queries.
"""

from datetime import date, datetime
from typing import Annotated, Literal

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.models import Locale

from kulturnetz.filters import PRESET_TODAY, PRESET_WEEK, PRESET_WEEKEND, EventFilterSet
from kulturnetz.models import EventPage, Occurrence
from portal.api_types import MAX_OBJECT_ID, ObjectId, field_problem, problems

router = Router(tags=["kulturnetz"])

LanguageCode = Literal[tuple(code for code, _name in settings.LANGUAGES)]
Slug = Annotated[str, Field(max_length=255)]
IMAGE_SPEC = "fill-640x360|format-jpeg"
MAX_LIMIT = 100
DATE_RANGES = {"today": PRESET_TODAY, "weekend": PRESET_WEEKEND, "week": PRESET_WEEK}
# API parameter → the calendar's own (German) filter name.
FILTER_NAMES = {
    "category": "kategorie",
    "date_range": "zeitraum",
    "date_from": "von",
    "date_to": "bis",
    "district": "ortsteil",
    "venue": "spielstaette",
    "organiser": "veranstalter",
    "free": "frei",
    "accessibility": "barrierefrei",
    "search": "q",
}


class Term(Schema):
    slug: str
    name: str


class VenueRef(Schema):
    id: int
    title: str
    url: str
    district: str | None


class ActorRef(Schema):
    id: int
    title: str
    url: str
    kind: str | None


class Image(Schema):
    url: str
    width: int
    height: int
    alt: str


class OccurrenceCard(Schema):
    id: int
    event_id: int
    title: str
    language: str = Field(
        description="Language of the title and text: the requested one, or German for an event "
        "not translated yet"
    )
    start: datetime
    end: datetime | None
    all_day: bool
    status: Literal["scheduled", "cancelled", "postponed", "sold_out"]
    category: Term | None
    venue: VenueRef | None
    place: str
    district: str | None
    free: bool
    price: str
    url: str
    image: Image | None


class OccurrenceList(Schema):
    count: int
    limit: int
    offset: int
    items: list[OccurrenceCard]


class EventFilters(Schema):
    category: Slug | None = Field(None, description="Category slug, e.g. konzert")
    date_range: Literal["today", "weekend", "week"] | None = Field(
        None, description="today; this weekend (Sat+Sun, from Friday 17:00 on Fridays); this week"
    )
    date_from: date | None = Field(None, description="First day (inclusive)")
    date_to: date | None = Field(None, description="Last day (inclusive)")
    district: Slug | None = Field(None, description="District slug")
    venue: Slug | None = Field(None, description="Venue page slug")
    organiser: Slug | None = Field(None, description="Actor page slug of the organiser")
    free: bool | None = Field(None, description="Only free admission")
    accessibility: list[Slug] | None = Field(
        None, description="Accessibility feature slugs; every one must be offered"
    )
    search: str | None = Field(None, max_length=200, description="Words in title or description")


class EventDateOut(Schema):
    start: datetime
    end: datetime | None
    all_day: bool
    status: str
    note: str


class EventDetail(Schema):
    id: int
    title: str
    url: str
    locale: str
    intro: str
    status: str
    category: Term | None
    organiser: ActorRef | None
    venue: VenueRef | None
    place: str
    street: str
    postcode: str
    town: str
    latitude: float | None
    longitude: float | None
    free: bool
    price: str
    ticket_url: str
    age_hint: str
    language_hint: str
    accessibility: list[Term]
    accessibility_note: str
    image: Image | None
    image_credit: str
    dates: list[EventDateOut]
    ical_url: str


def _image(page, request):
    if page.header_image is None:
        return None
    rendition = page.header_image.get_rendition(IMAGE_SPEC)
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": page.header_image_alt,
    }


def _term(term):
    return {"slug": term.slug, "name": term.name} if term else None


def _venue(venue, request):
    if venue is None:
        return None
    district = getattr(venue, "district", None)
    return {
        "id": venue.pk,
        "title": venue.title,
        "url": venue.get_full_url(request),
        "district": district.name if district else None,
    }


def _card(occurrence, request, locale):
    event = occurrence.event
    return {
        "id": occurrence.pk,
        "event_id": event.pk,
        "title": occurrence.title,
        "language": occurrence.content_language or locale.language_code,
        "start": occurrence.start,
        "end": occurrence.end,
        "all_day": occurrence.all_day,
        "status": occurrence.status,
        "category": _term(occurrence.category),
        "venue": _venue(occurrence.venue, request),
        "place": occurrence.venue.title if occurrence.venue else event.place_name,
        "district": occurrence.district.name if occurrence.district else None,
        "free": occurrence.is_free,
        "price": event.price,
        "url": event.get_full_url(request),
        "image": _image(event, request),
    }


def _locale(code):
    return Locale.objects.get(language_code=code or settings.LANGUAGE_CODE)


@router.get(
    "/events/",
    response={200: OccurrenceList, **problems(400, 422)},
    summary="Upcoming dates of the Kulturnetz (the calendar, with its filters)",
)
def list_events(
    request,
    filters: Query[EventFilters],
    locale: LanguageCode | None = None,
    limit: Annotated[int, Field(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Field(ge=0, le=MAX_OBJECT_ID)] = 0,
):
    locale = _locale(locale)
    data = {}
    for name, value in filters.dict(exclude_none=True).items():
        key = FILTER_NAMES[name]
        if name == "date_range":
            value = DATE_RANGES[value]
        if name == "accessibility":
            data.setdefault(key, [])
            data[key] = value
            continue
        data[key] = value.isoformat() if isinstance(value, date) else value
    queryset = (
        Occurrence.objects.for_locale(locale)
        .upcoming()
        .for_cards()
        .select_related("venue__district")
    )
    filterset = EventFilterSet(_query_dict(data), queryset=queryset, locale=locale)
    if not filterset.form.is_valid():
        reverse = {german: english for english, german in FILTER_NAMES.items()}
        errors = {reverse.get(k, k): v for k, v in filterset.form.errors.items()}
        return field_problem(422, _("Ungültige Filter."), errors, loc_prefix=("query",))
    found = filterset.qs
    items = list(found[offset : offset + limit])
    return {
        "count": found.count(),
        "limit": limit,
        "offset": offset,
        "items": [_card(occurrence, request, locale) for occurrence in items],
    }


def _query_dict(data):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, list):
            query.setlist(key, value)
        elif isinstance(value, bool):
            query[key] = "on" if value else ""
        else:
            query[key] = value
    return query


@router.get(
    "/events/{event_id}/",
    response={200: EventDetail, **problems(404, 422)},
    summary="One event of the Kulturnetz with its upcoming dates",
)
def event_detail(request, event_id: ObjectId):
    from home.public_cache import public
    from kulturnetz.reference import localised_terms

    event = get_object_or_404(
        public(EventPage.objects.live()).select_related(
            "category", "organiser__kind", "venue__district", "header_image", "locale"
        ),
        pk=event_id,
    )
    calendar = event.get_parent().specific
    if not hasattr(calendar, "route_url"):
        raise Http404
    organiser = event.organiser
    dates = event.occurrences.for_locale(event.locale_id).upcoming()
    dates = dates.select_related("event_date")[:50]
    return {
        "id": event.pk,
        "title": event.title,
        "url": event.get_full_url(request),
        "locale": event.locale.language_code,
        "intro": event.intro,
        "status": event.status,
        "category": _term(event.category),
        "organiser": (
            {
                "id": organiser.pk,
                "title": organiser.title,
                "url": organiser.get_full_url(request),
                "kind": organiser.kind.name if organiser.kind else None,
            }
            if organiser and organiser.live
            else None
        ),
        "venue": _venue(event.venue, request) if event.venue and event.venue.live else None,
        "place": event.place_name,
        "street": event.street,
        "postcode": event.postcode,
        "town": event.town,
        "latitude": float(event.latitude) if event.latitude is not None else None,
        "longitude": float(event.longitude) if event.longitude is not None else None,
        "free": event.is_free,
        "price": event.price,
        "ticket_url": event.ticket_url,
        "age_hint": event.age_hint,
        "language_hint": event.language_hint,
        "accessibility": [
            _term(feature) for feature in localised_terms(event.accessibility.all(), event.locale)
        ],
        "accessibility_note": event.accessibility_note,
        "image": _image(event, request),
        "image_credit": event.header_image_credit,
        "dates": [
            {
                "start": occurrence.start,
                "end": occurrence.end,
                "all_day": occurrence.all_day,
                "status": occurrence.status,
                "note": occurrence.event_date.note,
            }
            for occurrence in dates
        ],
        "ical_url": request.build_absolute_uri(calendar.route_url("event_ical", event.slug)),
    }
