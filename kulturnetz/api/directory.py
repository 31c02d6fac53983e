"""Actors and venues in the v3 API: the directories' filters, pages of results and details.

The lists use the same FilterSets as the directory pages (kulturnetz/filters_directory.py)
under English parameter names; a value that names nothing answers 422 with a problem naming
the parameter. Only live pages without a view restriction are listed or shown.
"""

from typing import Annotated, Literal

from django.conf import settings
from django.http import Http404, QueryDict
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.models import Locale

from kulturnetz.directory import (
    ACTOR_VOCABULARIES,
    VENUE_VOCABULARIES,
    live_actors,
    live_venues,
    localise_cards,
)
from kulturnetz.filters_directory import LETTERS, ActorFilter, Sorting, VenueFilter
from portal.api_types import MAX_OBJECT_ID, ObjectId, field_problem, problems

router = Router(tags=["kulturnetz"])

LanguageCode = Literal[tuple(code for code, _name in settings.LANGUAGES)]
Letter = Literal[tuple(LETTERS)]
Ordering = Literal["name", "-name", "newest"]
ORDERINGS = {"name": Sorting.NAME, "-name": Sorting.NAME_DESCENDING, "newest": Sorting.NEWEST}
Slug = Annotated[str, Field(max_length=80)]
SearchText = Annotated[str, Field(max_length=200)]
Limit = Annotated[int, Field(ge=1, le=100)]
Offset = Annotated[int, Field(ge=0, le=MAX_OBJECT_ID)]
LOGO_SPEC = "max-400x400|format-png"
IMAGE_SPEC = "fill-800x450|format-jpeg"


class TermOut(Schema):
    """An entry of a vocabulary (discipline, kind, district, accessibility feature)."""

    id: int
    name: str
    slug: str


class ImageOut(Schema):
    url: str
    width: int
    height: int
    alt: str


class PageRefOut(Schema):
    id: int
    title: str
    url: str


class AddressOut(Schema):
    street: str
    postcode: str
    town: str
    country: str = "DE"
    latitude: float | None
    longitude: float | None


class ActorOut(Schema):
    """An actor as the directory's card shows it."""

    id: int
    title: str
    slug: str
    url: str
    locale: str
    kind: TermOut | None
    disciplines: list[TermOut]
    district: TermOut | None
    intro: str
    logo: ImageOut | None


class SocialLinkOut(Schema):
    platform: str
    label: str
    url: str


class OfferOut(Schema):
    title: str
    description: str


class ActorDetailOut(ActorOut):
    """An actor with contact details (the e-mail address only if published) and offers."""

    address: AddressOut
    phone: str
    website: str
    email: str
    social_links: list[SocialLinkOut]
    offers: list[OfferOut]
    venues: list[PageRefOut]


class VenueOut(Schema):
    """A venue as the directory's card shows it."""

    id: int
    title: str
    slug: str
    url: str
    locale: str
    district: TermOut | None
    intro: str
    capacity: int | None
    image: ImageOut | None


class RoomOut(Schema):
    name: str
    capacity: int | None
    equipment: str


class OpeningHoursOut(Schema):
    weekday: str
    opens: str | None
    closes: str | None
    note: str


class VenueDetailOut(VenueOut):
    """A venue with address, accessibility, rooms, opening hours and who runs it."""

    address: AddressOut
    phone: str
    website: str
    email: str
    accessibility: list[TermOut]
    accessibility_note: str
    rooms: list[RoomOut]
    opening_hours: list[OpeningHoursOut]
    operated_by: list[PageRefOut]


class ActorListOut(Schema):
    count: int
    items: list[ActorOut]


class VenueListOut(Schema):
    count: int
    items: list[VenueOut]


class ActorFilterIn(Schema):
    locale: LanguageCode = settings.LANGUAGE_CODE
    discipline: Slug | None = None
    kind: Slug | None = None
    district: Slug | None = None
    search: SearchText | None = None
    letter: Letter | None = None
    ordering: Ordering = "name"
    limit: Limit = 20
    offset: Offset = 0


class VenueFilterIn(Schema):
    locale: LanguageCode = settings.LANGUAGE_CODE
    district: Slug | None = None
    accessibility: list[Slug] = []
    min_capacity: Annotated[int, Field(ge=1, le=1_000_000)] | None = None
    search: SearchText | None = None
    letter: Letter | None = None
    ordering: Ordering = "name"
    limit: Limit = 20
    offset: Offset = 0


# API parameter → FilterSet field (the directory pages' words).
ACTOR_PARAMETERS = {
    "discipline": "sparte",
    "kind": "art",
    "district": "ortsteil",
    "search": "q",
    "letter": "buchstabe",
    "ordering": "sortierung",
}
VENUE_PARAMETERS = {
    "district": "ortsteil",
    "accessibility": "barrierefrei",
    "min_capacity": "plaetze",
    "search": "q",
    "letter": "buchstabe",
    "ordering": "sortierung",
}


def _term(entry):
    return None if entry is None else {"id": entry.pk, "name": entry.name, "slug": entry.slug}


def _image(request, image, alt, spec):
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


def _page_ref(page, request):
    return {"id": page.pk, "title": page.title, "url": page.get_full_url(request)}


def _address(page):
    return {
        "street": page.street,
        "postcode": page.postcode,
        "town": page.town,
        "latitude": float(page.latitude) if page.latitude is not None else None,
        "longitude": float(page.longitude) if page.longitude is not None else None,
    }


def _filtered(filter_class, parameters, filters, pages, locale):
    """The pages the directory's FilterSet leaves, or a problem naming the API's parameters."""
    query = QueryDict(mutable=True)
    for api_name, field_name in parameters.items():
        value = getattr(filters, api_name)
        if api_name == "ordering":
            value = ORDERINGS[value]
        if isinstance(value, list):
            query.setlist(field_name, value)
        elif value not in (None, ""):
            query[field_name] = str(value)
    filterset = filter_class(query, queryset=pages, locale=locale)
    if not filterset.is_valid():
        names = {field: api for api, field in parameters.items()}
        errors = {names.get(field, field): messages for field, messages in filterset.errors.items()}
        return None, field_problem(422, _("Ungültige Filter."), errors, loc_prefix=("query",))
    return filterset.qs, None


def _listing(request, filters, filter_class, parameters, live_pages, vocabularies, serialise):
    """One page of a directory in the API: the pages' FilterSet, then the cards."""
    locale = _locale(filters.locale)
    pages, problem = _filtered(filter_class, parameters, filters, live_pages(locale=locale), locale)
    if problem is not None:
        return problem
    window = localise_cards(
        pages[filters.offset : filters.offset + filters.limit], locale, vocabularies
    )
    return {"count": pages.count(), "items": [serialise(page, request) for page in window]}


def _locale(code):
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise Http404
    return locale


def _actor(actor, request):
    return {
        "id": actor.pk,
        "title": actor.title,
        "slug": actor.slug,
        "url": actor.get_full_url(request),
        "locale": actor.locale.language_code,
        "kind": _term(actor.card_kind),
        "disciplines": [_term(entry) for entry in actor.card_disciplines],
        "district": _term(actor.card_district),
        "intro": actor.intro,
        "logo": _image(request, actor.logo, actor.logo_alt, LOGO_SPEC),
    }


def _venue(venue, request):
    return {
        "id": venue.pk,
        "title": venue.title,
        "slug": venue.slug,
        "url": venue.get_full_url(request),
        "locale": venue.locale.language_code,
        "district": _term(venue.card_district),
        "intro": venue.intro,
        "capacity": venue.capacity,
        "image": _image(request, venue.header_image, venue.header_image_alt, IMAGE_SPEC),
    }


def _contact(page):
    return {
        "address": _address(page),
        "phone": page.phone,
        "website": page.website,
        "email": page.public_email,
    }


@router.get(
    "/actors/",
    response={200: ActorListOut, **problems(404, 422)},
    summary="Actors of the Kulturnetz (the directory's filters)",
)
def list_actors(request, filters: Query[ActorFilterIn]):
    return _listing(
        request, filters, ActorFilter, ACTOR_PARAMETERS, live_actors, ACTOR_VOCABULARIES, _actor
    )


@router.get(
    "/actors/{actor_id}/",
    response={200: ActorDetailOut, **problems(404, 422)},
    summary="One actor of the Kulturnetz",
)
def get_actor(request, actor_id: ObjectId):
    from home.localisation import localised_pages

    actor = live_actors().filter(pk=actor_id).first()
    if actor is None:
        raise Http404
    (actor,) = localise_cards([actor], actor.locale, ACTOR_VOCABULARIES)
    venues = localised_pages(actor.venues.all(), public=True).values()
    return {
        **_actor(actor, request),
        **_contact(actor),
        "social_links": [
            {"platform": link.platform, "label": link.get_platform_display(), "url": link.url}
            for link in actor.social_links.all()
        ],
        "offers": [
            {"title": offer.title, "description": offer.description} for offer in actor.offers.all()
        ],
        "venues": [_page_ref(venue, request) for venue in sorted(venues, key=lambda p: p.title)],
    }


@router.get(
    "/venues/",
    response={200: VenueListOut, **problems(404, 422)},
    summary="Venues of the Kulturnetz (the directory's filters)",
)
def list_venues(request, filters: Query[VenueFilterIn]):
    return _listing(
        request, filters, VenueFilter, VENUE_PARAMETERS, live_venues, VENUE_VOCABULARIES, _venue
    )


@router.get(
    "/venues/{venue_id}/",
    response={200: VenueDetailOut, **problems(404, 422)},
    summary="One venue of the Kulturnetz",
)
def get_venue(request, venue_id: ObjectId):
    from home.localisation import localised_pages
    from kulturnetz.reference import localised_terms

    venue = live_venues().filter(pk=venue_id).first()
    if venue is None:
        raise Http404
    (venue,) = localise_cards([venue], venue.locale, VENUE_VOCABULARIES)
    operators = localised_pages(venue.operated_by.all(), public=True).values()
    return {
        **_venue(venue, request),
        **_contact(venue),
        "accessibility": [
            _term(entry) for entry in localised_terms(venue.accessibility.all(), venue.locale)
        ],
        "accessibility_note": venue.accessibility_note,
        "rooms": [
            {"name": room.name, "capacity": room.capacity, "equipment": room.equipment}
            for room in venue.rooms.all()
        ],
        "opening_hours": [
            {
                "weekday": hours.weekday,
                "opens": hours.opens.strftime("%H:%M") if hours.opens else None,
                "closes": hours.closes.strftime("%H:%M") if hours.closes else None,
                "note": hours.note,
            }
            for hours in venue.opening_hours.all()
        ],
        "operated_by": [
            _page_ref(page, request) for page in sorted(operators, key=lambda p: p.title)
        ],
    }
