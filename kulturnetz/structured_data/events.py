"""JSON-LD for search engines and calendars: one schema.org ``Event`` per upcoming date.

Follows the required and recommended properties of Google's event structured data: name,
startDate, location (Place with PostalAddress, geo when known); description, endDate,
eventStatus, eventAttendanceMode, image, offers, organizer, performer.
"""

import re

from django.utils import timezone

from kulturnetz.models import EventCategory, EventStatus
from kulturnetz.recurrence import BERLIN
from kulturnetz.reference import term

from .directory import actor_type

SCHEMA = "https://schema.org/"
# How many dates the page describes; a run of many days is described by its next ones.
MAX_EVENTS = 10
EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.SOLD_OUT: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
}


PRICE = re.compile(r"(\d{1,5})(?:[.,](\d{1,2}))?")


def price_value(page):
    """The first amount of the free-text price as schema.org wants it ("12.50"), or None."""
    if page.is_free:
        return "0"
    match = PRICE.search(page.price)
    if match is None:
        return None
    euros, cents = match.groups()
    return f"{euros}.{cents.ljust(2, '0')}" if cents else euros


def _iso(value, all_day):
    local = timezone.localtime(value, BERLIN)
    return local.date().isoformat() if all_day else local.replace(microsecond=0).isoformat()


def _address(place):
    return {
        "@type": "PostalAddress",
        "streetAddress": place.street,
        "addressLocality": place.town,
        "postalCode": place.postcode,
        "addressCountry": "DE",
    }


def location(page, venue, request):
    place = venue or page
    data = {
        "@type": "Place",
        "name": venue.title if venue else page.place_name,
        "address": _address(place),
    }
    if venue:
        data["url"] = venue.get_full_url(request)
    if place.latitude is not None and place.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    return data


def actor(organiser, request):
    data = {
        "@type": actor_type(
            term(organiser._meta.get_field("kind").related_model, organiser.kind_id, None)
        ),
        "name": organiser.title,
        "url": organiser.get_full_url(request),
    }
    return data


def event_jsonld(page, occurrences, request, venue=None, organiser=None):
    """A list of schema.org Events, one per upcoming date of ``page``."""
    url = page.get_full_url(request)
    common = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.intro,
        "url": url,
        "eventAttendanceMode": f"{SCHEMA}OfflineEventAttendanceMode",
        "location": location(page, venue, request),
    }
    if page.header_image_id:
        rendition = page.header_image.get_rendition("fill-1200x675|format-jpeg")
        common["image"] = [request.build_absolute_uri(rendition.url)]
    if organiser is not None:
        common["organizer"] = actor(organiser, request)
        if common["organizer"]["@type"] in ("Person", "PerformingGroup"):
            common["performer"] = common["organizer"]
    category = term(EventCategory, page.category_id, page.locale_id)
    if category is not None:
        common["keywords"] = category.name
    events = []
    for occurrence in list(occurrences)[:MAX_EVENTS]:
        status = occurrence.status or page.status
        data = {
            **common,
            "startDate": _iso(occurrence.start, occurrence.all_day),
            "eventStatus": f"{SCHEMA}{EVENT_STATUS.get(status, 'EventScheduled')}",
        }
        if occurrence.end:
            data["endDate"] = _iso(occurrence.end, occurrence.all_day)
        if page.is_free or page.price or page.ticket_url:
            availability = "SoldOut" if status == EventStatus.SOLD_OUT else "InStock"
            offer = {
                "@type": "Offer",
                "url": page.ticket_url or url,
                "priceCurrency": "EUR",
                "availability": f"{SCHEMA}{availability}",
                "validFrom": _iso(page.first_published_at or occurrence.start, False),
            }
            if price_value(page) is not None:
                offer["price"] = price_value(page)
            data["offers"] = offer
        events.append(data)
    return events
