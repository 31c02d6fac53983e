"""The Kulturnetz map: venues and events with a place of their own, as a list and as GeoJSON.

One query (``map_places``) feeds the start page's list of places, its GeoJSON route and the
API; detail pages map their own place without a query. The tiles come from the server named
in ``settings.KULTURNETZ_MAP_TILES`` and only after the visitor's consent
(static/js/kulturnetz-map.js); the pages allow that server in their image policy.
"""

import math
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Min, Q
from django.db.models.functions import Lower
from django.http import JsonResponse
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.localisation import in_language_with_fallback
from home.public_cache import public
from kulturnetz.models import EventPage, Occurrence, VenuePage
from kulturnetz.recurrence import BERLIN
from kulturnetz.reference import localised_terms, privacy_url
from portal.api_types import problem_response

GEOJSON_CONTENT_TYPE = "application/geo+json"
BBOX_PARAM = "bbox"
# How many places the start page lists below its map; the map and the GeoJSON show all.
START_PAGE_PLACES = 60

VENUE, EVENT, ACTOR = "venue", "event", "actor"
KIND_LABELS = {
    VENUE: gettext_lazy("Spielstätte"),
    EVENT: gettext_lazy("Veranstaltungsort"),
    ACTOR: gettext_lazy("Kulturaktive"),
}


def tiles():
    """The tile server's address template, its attribution and deepest zoom (the setting)."""
    return settings.KULTURNETZ_MAP_TILES


def tile_origin():
    """``https://tile.openstreetmap.org``: what the pages' image policy allows, after consent."""
    parts = urlsplit(tiles()["url"])
    return f"{parts.scheme}://{parts.netloc}"


def tile_host():
    """The tile server's host name, as the consent text names it."""
    return urlsplit(tiles()["url"]).hostname or ""


@dataclass
class Place:
    """A point on the map and an entry of the list of places."""

    kind: str
    key: str
    name: str
    url: str
    latitude: float
    longitude: float
    address: list
    district: str = ""
    next_start: datetime | None = None
    # The entry's own language where it is not the list's (an untranslated German venue).
    language: str = ""

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


class BoundingBox(NamedTuple):
    west: float
    south: float
    east: float
    north: float

    def lookups(self, prefix=""):
        return Q(
            **{
                f"{prefix}latitude__gte": self.south,
                f"{prefix}latitude__lte": self.north,
                f"{prefix}longitude__gte": self.west,
                f"{prefix}longitude__lte": self.east,
            }
        )


def parse_bbox(value):
    """``west,south,east,north`` in degrees (WGS 84), or a German ValidationError."""
    parts = str(value).split(",")
    if len(parts) != 4 or len(str(value)) > 200:
        raise ValidationError(
            _("Bitte vier Zahlen angeben: West, Süd, Ost, Nord, z. B. 8.0,49.1,8.2,49.3."),
            code="bbox_parts",
        )
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise ValidationError(
            _("Bitte vier Zahlen angeben: West, Süd, Ost, Nord, z. B. 8.0,49.1,8.2,49.3."),
            code="bbox_number",
        ) from None
    if not all(math.isfinite(number) for number in (west, south, east, north)):
        raise ValidationError(_("Die Zahlen müssen endlich sein."), code="bbox_finite")
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ValidationError(
            _("West und Ost liegen zwischen -180 und 180 Grad."), code="bbox_longitude"
        )
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise ValidationError(
            _("Süd und Nord liegen zwischen -90 und 90 Grad."), code="bbox_latitude"
        )
    if west > east or south > north:
        raise ValidationError(
            _("West darf nicht östlich von Ost liegen, Süd nicht nördlich von Nord."),
            code="bbox_order",
        )
    return BoundingBox(west, south, east, north)


def _coordinates(page):
    return float(page.latitude), float(page.longitude)


def _language(page, locale_id):
    return settings.LANGUAGE_CODE if page.locale_id != locale_id else ""


def map_places(request, locale, bbox=None, limit=None):
    """Venues and upcoming events with a place of their own, with coordinates, by name.

    Seven queries whatever the number: for venues and for events the view restrictions, the
    pages and their next dates; the districts in ``locale``. The next dates are grouped over
    the language's upcoming occurrences once (a subquery per place would scan them per place).
    English lists include untranslated German entries.
    """
    locale_id = getattr(locale, "pk", locale)
    upcoming = Occurrence.objects.for_locale(locale_id).upcoming().order_by()
    mapped = Q(latitude__isnull=False, longitude__isnull=False)
    if bbox is not None:
        mapped &= bbox.lookups()
    venues = (
        in_language_with_fallback(public(VenuePage.objects.live()), locale_id)
        .filter(mapped)
        .select_related("district", "locale")
        .defer_streamfields()
        .order_by(Lower("title"), "pk")
    )
    venues = list(venues[:limit] if limit is not None else venues)
    # By translation: an event names its venue in the language it chose.
    next_at_venue = dict(
        upcoming.filter(venue__translation_key__in={venue.translation_key for venue in venues})
        .values_list("venue__translation_key")
        .annotate(first=Min("start"))
    )
    # The events this language's calendar lists (its occurrences) at a place of their own.
    next_of_event = dict(
        upcoming.filter(venue__isnull=True)
        .filter(Q(event__latitude__isnull=False, event__longitude__isnull=False))
        .filter(bbox.lookups("event__") if bbox is not None else Q())
        .values_list("event_id")
        .annotate(first=Min("start"))
    )
    events = (
        public(EventPage.objects.live())
        .filter(mapped, pk__in=list(next_of_event))
        .select_related("district", "locale")
        .defer_streamfields()
        .order_by(Lower("title"), "pk")
    )
    events = list(events[:limit] if limit is not None else events)
    districts = _districts([page.district for page in [*venues, *events]], locale_id)
    places = [
        _place(VENUE, page, request, districts, locale_id, next_at_venue.get(page.translation_key))
        for page in venues
    ]
    places += [
        _place(EVENT, page, request, districts, locale_id, next_of_event.get(page.pk))
        for page in events
    ]
    places.sort(key=lambda place: (place.name.casefold(), place.key))
    return places[:limit] if limit is not None else places


def _districts(districts, locale_id):
    used = {district.pk: district for district in districts if district is not None}
    localised = localised_terms(used.values(), locale_id)
    return {pk: entry.name for pk, entry in zip(used, localised, strict=True)}


def _address(page):
    """The address lines; an event's place of its own starts with its name."""
    lines = page.address_lines()
    place_name = getattr(page, "place_name", "")
    return [place_name, *lines] if place_name and place_name not in lines else lines


def _place(kind, page, request, districts, locale_id, next_start):
    latitude, longitude = _coordinates(page)
    return Place(
        kind=kind,
        key=f"{kind}-{page.pk}",
        name=page.title,
        url=page.get_url(request),
        latitude=latitude,
        longitude=longitude,
        address=_address(page),
        district=districts.get(page.district_id, ""),
        next_start=next_start,
        language=_language(page, locale_id),
    )


def place_of(kind, page, request, district=None, shown=None):
    """One page's own place (no query), or None without coordinates.

    ``shown``: the page in the visitor's language, if not ``page`` itself, for name and link.
    """
    if page is None or not page.has_coordinates():
        return None
    latitude, longitude = _coordinates(page)
    shown = shown or page
    return Place(
        kind=kind,
        key=f"{kind}-{shown.pk}",
        name=shown.title,
        url=shown.get_url(request),
        latitude=latitude,
        longitude=longitude,
        address=_address(page),
        district=district.name if district is not None else "",
    )


def feature(place, request):
    """A GeoJSON Feature (RFC 7946): a point, longitude first, and what a popup shows."""
    next_start = place.next_start
    return {
        "type": "Feature",
        "id": place.key,
        "geometry": {
            "type": "Point",
            "coordinates": [round(place.longitude, 6), round(place.latitude, 6)],
        },
        "properties": {
            "name": place.name,
            "url": request.build_absolute_uri(place.url) if place.url else "",
            "kind": place.kind,
            "kind_label": str(place.kind_label),
            "district": place.district,
            "address": ", ".join(place.address),
            "next_date": timezone.localtime(next_start, BERLIN).isoformat() if next_start else None,
            "language": place.language,
        },
    }


def feature_collection(places, request):
    return {"type": "FeatureCollection", "features": [feature(p, request) for p in places]}


def geojson_response(index_page, request):
    """The start page's ``geojson/`` route: every place of its language, ``?bbox=`` narrows."""
    bbox = None
    if request.GET.get(BBOX_PARAM):
        try:
            bbox = parse_bbox(request.GET[BBOX_PARAM])
        except ValidationError as error:
            return problem_response(
                status=400,
                detail=_("Ungültiger Kartenausschnitt."),
                errors=[
                    {"type": "invalid", "loc": ["query", BBOX_PARAM], "msg": message}
                    for message in error.messages
                ],
            )
    places = map_places(request, index_page.locale_id, bbox=bbox)
    return JsonResponse(
        feature_collection(places, request),
        content_type=GEOJSON_CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )


def map_context(request, places, source_url=""):
    """What the map's template needs: the list of places and the script's configuration.

    The script gets the places as GeoJSON in the page, or from ``source_url`` (the start page's
    ``geojson/`` route), and Leaflet's files, which it loads only after the visitor's consent.
    """
    setting = tiles()
    return {
        "places": places,
        "tile_host": tile_host(),
        "privacy_url": privacy_url(request),
        "config": {
            "source": source_url,
            "features": None if source_url else feature_collection(places, request),
            "tiles": setting["url"],
            "attribution": setting["attribution"],
            "maxZoom": setting.get("max_zoom", 19),
            # Leaflet's files from the django-leaflet package; the marker by address, since
            # Leaflet's guess from its stylesheet fails on hashed static file names.
            "leaflet": {
                "js": static("leaflet/leaflet.js"),
                "css": static("leaflet/leaflet.css"),
                "icon": static("leaflet/images/marker-icon.png"),
                "icon2x": static("leaflet/images/marker-icon-2x.png"),
                "shadow": static("leaflet/images/marker-shadow.png"),
            },
            "labels": {
                "zoomIn": _("Vergrößern"),
                "zoomOut": _("Verkleinern"),
                "hide": _("Karte ausblenden"),
                "nextDate": _("Nächster Termin"),
                "loaded": _("Die Karte ist geladen."),
                "hidden": _("Die Karte ist ausgeblendet; Eure Auswahl ist vergessen."),
                "failed": _(
                    "Die Karte konnte nicht geladen werden. Alle Orte stehen in der Liste."
                ),
            },
        },
    }


def allow_tiles(response):
    """Let the page show tiles from the tile server (after consent): its image policy."""
    response.csp_image_origins = [tile_origin()]
    return response
