"""The map's places in the v3 API: venues and events with a place of their own, as GeoJSON.

The same query and features as the start page's ``geojson/`` route (kulturnetz/map.py);
``bbox`` narrows them to a part of the map, and a box that is not one answers 422.
"""

from typing import Annotated, Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field
from wagtail.models import Locale

from kulturnetz.map import BBOX_PARAM, feature_collection, map_places, parse_bbox
from portal.api_types import field_problem, problems

router = Router(tags=["kulturnetz"])

LanguageCode = Literal[tuple(code for code, _name in settings.LANGUAGES)]


class PointOut(Schema):
    type: Literal["Point"]
    coordinates: list[float] = Field(description="Longitude and latitude (WGS 84), in that order")


class PlacePropertiesOut(Schema):
    name: str
    url: str
    kind: Literal["venue", "event", "actor"] = Field(
        description="venue: a Spielstätte; event: an upcoming event with a place of its own"
    )
    kind_label: str
    district: str
    address: str
    next_date: str | None = Field(
        description="Start of the next date there (ISO 8601, Europe/Berlin), or null"
    )
    language: str = Field(
        description="The entry's own language where it is not the requested one (German "
        "entries without a translation), else empty"
    )


class PlaceFeatureOut(Schema):
    type: Literal["Feature"]
    id: str
    geometry: PointOut
    properties: PlacePropertiesOut


class PlaceCollectionOut(Schema):
    type: Literal["FeatureCollection"]
    features: list[PlaceFeatureOut]


class PlaceFilterIn(Schema):
    locale: LanguageCode = settings.LANGUAGE_CODE
    bbox: Annotated[str, Field(max_length=200)] | None = Field(
        None,
        description="Only places inside west,south,east,north (degrees, WGS 84), "
        "e.g. 8.0,49.1,8.2,49.3",
    )


@router.get(
    "/places/",
    response={200: PlaceCollectionOut, **problems(404, 422)},
    summary="Venues and event places of the Kulturnetz as GeoJSON (for maps)",
)
def list_places(request, filters: Query[PlaceFilterIn]):
    locale = Locale.objects.filter(language_code=filters.locale).first()
    if locale is None:
        raise Http404
    bbox = None
    if filters.bbox:
        try:
            bbox = parse_bbox(filters.bbox)
        except ValidationError as error:
            return field_problem(
                422,
                _("Ungültiger Kartenausschnitt."),
                {BBOX_PARAM: error.messages},
                loc_prefix=("query",),
            )
    return feature_collection(map_places(request, locale, bbox=bbox), request)
