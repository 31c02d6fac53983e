"""Feeds of the calendar: iCalendar (RFC 5545) of upcoming dates, RSS and Atom of new events.

The iCalendar feeds take the calendar's own filters (kulturnetz/filters.py), from the address
(``ical/?kategorie=konzert&frei=on``) or from a route (``ical/kategorie/konzert/``), so a feed
always lists what the page lists. Every date has a UID made of its event's translation key and
its start in UTC: stable when the occurrences are rebuilt and the same in every language.
"""

from datetime import UTC, datetime, timedelta

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vGeo

from home.models import OrganisationSettings
from kulturnetz.filters import EventFilterSet
from kulturnetz.models import EventCategory, EventPage, EventStatus
from kulturnetz.recurrence import BERLIN

ICAL_CONTENT_TYPE = "text/calendar; charset=utf-8"
# A feed is for calendar programs, not an archive: the next this many dates.
ICAL_MAX_DATES = 1000
FEED_ITEMS = 20
FEED_CLASSES = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.SOLD_OUT: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def berlin_timezone():
    """VTIMEZONE of Europe/Berlin as yearly rules (valid for every year since 1996), not the
    long list of single transition dates that icalendar generates up to 2038."""
    zone = Timezone()
    zone.add("tzid", "Europe/Berlin")
    zone.add("x-lic-location", "Europe/Berlin")
    for component, name, start, offset_from, offset_to, month in (
        (TimezoneDaylight, "CEST", datetime(1996, 3, 31, 2), 1, 2, 3),
        (TimezoneStandard, "CET", datetime(1996, 10, 27, 3), 2, 1, 10),
    ):
        part = component()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=offset_from))
        part.add("tzoffsetto", timedelta(hours=offset_to))
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(part)
    return zone


def occurrence_uid(occurrence, host):
    start = occurrence.start.astimezone(UTC)
    return f"{occurrence.event.translation_key}-{start:%Y%m%dT%H%M%SZ}@{host}"


def _location(occurrence):
    event, venue = occurrence.event, occurrence.venue
    place = venue if venue is not None else event
    name = venue.title if venue is not None else event.place_name
    parts = [name, place.street, " ".join(filter(None, [place.postcode, place.town]))]
    return ", ".join(part for part in parts if part), place


def ical_event(occurrence, request, host):
    event = occurrence.event
    item = Event()
    item.add("uid", occurrence_uid(occurrence, host))
    # Changes of status are what calendar programs must pick up; the rest follows the UID.
    item.add("sequence", 0 if occurrence.status in (EventStatus.SCHEDULED, "") else 1)
    stamp = event.last_published_at or occurrence.start
    item.add("dtstamp", stamp.astimezone(UTC))
    item.add("last-modified", stamp.astimezone(UTC))
    summary = occurrence.title
    if occurrence.status != EventStatus.SCHEDULED:
        summary = f"{occurrence.title} ({occurrence.get_status_display()})"
    item.add("summary", summary)
    if occurrence.all_day:
        first = timezone.localtime(occurrence.start, BERLIN).date()
        last = timezone.localtime(occurrence.visible_until, BERLIN).date()
        item.add("dtstart", first)
        item.add("dtend", max(last, first + timedelta(days=1)))
    else:
        item.add("dtstart", occurrence.start.astimezone(BERLIN))
        if occurrence.end:
            item.add("dtend", occurrence.end.astimezone(BERLIN))
    item.add("status", ICAL_STATUS.get(occurrence.status, "CONFIRMED"))
    description = [event.intro]
    if occurrence.event_date.note:
        description.append(occurrence.event_date.note)
    if event.is_free:
        description.append(_("Eintritt frei"))
    if event.price:
        description.append(event.price)
    item.add("description", "\n\n".join(description))
    location, place = _location(occurrence)
    if location:
        item.add("location", location)
    if place.latitude is not None and place.longitude is not None:
        item.add("geo", vGeo((float(place.latitude), float(place.longitude))))
    if occurrence.category:
        item.add("categories", [occurrence.category.name])
    item.add("url", event.get_full_url(request))
    item.add("class", "PUBLIC")
    return item


def ical_response(occurrences, request, name, filename):
    host = request.get_host().split(":")[0] or "localhost"
    calendar = Calendar()
    calendar.add("prodid", "-//Haus am Westbahnhof//Kulturnetz Landau//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    # The one time zone every DTSTART and DTEND with TZID refers to, before its first use.
    calendar.add_component(berlin_timezone())
    for occurrence in occurrences:
        calendar.add_component(ical_event(occurrence, request, host))
    response = HttpResponse(calendar.to_ical(), content_type=ICAL_CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def calendar_ical(index, request, **route_filters):
    """Upcoming dates of the calendar as iCalendar, narrowed like the page.

    Bad values in the address are ignored, as on the page; a route naming a category, venue
    or actor that does not exist is a 404.
    """
    from kulturnetz.models import ActorPage, VenuePage

    name = index.title
    if "kategorie" in route_filters:
        found = get_object_or_404(
            EventCategory, slug=route_filters["kategorie"], locale=index.locale
        )
        name = found.name
    elif "spielstaette" in route_filters:
        name = _page_title(VenuePage, route_filters["spielstaette"], index.locale)
    elif "veranstalter" in route_filters:
        name = _page_title(ActorPage, route_filters["veranstalter"], index.locale)
    data = request.GET.copy()
    for key, value in route_filters.items():
        data[key] = value
    filters = EventFilterSet(data or None, queryset=index.occurrences(), locale=index.locale)
    filters.form.is_valid()
    if route_filters and not all(filters.form.cleaned_data.get(key) for key in route_filters):
        raise Http404
    site_name = OrganisationSettings.for_request(request).name
    return ical_response(
        filters.qs[:ICAL_MAX_DATES], request, f"{name} · {site_name}", "kulturnetz"
    )


def _page_title(model, slug, locale):
    """The title of a venue or actor named in a route, preferring the calendar's language."""
    pages = model.objects.live().public().filter(slug=slug)
    found = pages.filter(locale=locale).first() or pages.order_by("pk").first()
    if found is None:
        raise Http404
    return found.title


def event_ical(index, request, slug):
    event = get_object_or_404(EventPage.objects.child_of(index).live().public(), slug=slug)
    occurrences = event.occurrences.for_locale(event.locale_id).upcoming().for_cards()
    occurrences = occurrences[:ICAL_MAX_DATES]
    return ical_response(occurrences, request, event.title, slug)


def new_events_feed(index, request, kind):
    """RSS or Atom of the newest published events of this calendar."""
    events = (
        EventPage.objects.child_of(index)
        .live()
        .public()
        .select_related("category")
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")[:FEED_ITEMS]
    )
    site_name = OrganisationSettings.for_request(request).name
    feed = FEED_CLASSES[kind](
        title=f"{_('Neue Veranstaltungen')} · {site_name}",
        link=index.get_full_url(request),
        description=index.intro or index.title,
        language=index.locale.language_code,
        feed_url=request.build_absolute_uri(),
    )
    for event in events:
        url = event.get_full_url(request)
        feed.add_item(
            title=event.title,
            link=url,
            description=event.intro,
            unique_id=url,
            pubdate=event.first_published_at,
            updateddate=event.last_published_at or event.first_published_at,
            categories=[event.category.name] if event.category else [],
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
