"""Feeds of the calendar: iCalendar (RFC 5545) of upcoming dates, RSS and Atom of new events.

The iCalendar feeds take the calendar's own filters (kulturnetz/filters.py), from the address
(``ical/?kategorie=konzert&frei=on``) or from a route (``ical/kategorie/konzert/``), so a feed
always lists what the page lists. Every date has a UID made of its event's translation key and
its start in UTC: stable when the occurrences are rebuilt and the same in every language.

The iCalendar text is written here, line by line, rather than through the icalendar library:
a VEVENT is always the same dozen properties, and the library's generic machinery took about
1 ms per date. What is written is checked by parsing it back with icalendar (the tests).

How much a feed holds, and how long it is kept, see ICAL_DAYS_AHEAD, ICAL_MAX_DATES and
cached_ical().
"""

import functools
import hashlib
import re
import zlib
from datetime import UTC, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import feedgenerator, timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.translation import gettext as _

from home.models import OrganisationSettings
from home.public_cache import public
from kulturnetz.filters import EventFilterSet
from kulturnetz.models import EventCategory, EventIndexPage, EventPage, EventStatus, Occurrence
from kulturnetz.recurrence import BERLIN

ICAL_CONTENT_TYPE = "text/calendar; charset=utf-8"
# The whole calendar is for subscribers and the shop-window screens in town: both look at the
# coming weeks, not at next year. Its feed holds the dates of the next 90 days.
ICAL_DAYS_AHEAD = 90
# Every feed, filtered or not, holds at most this many dates, the nearest first (about half a
# megabyte). A category, venue, actor or single event keeps all its upcoming dates up to it.
ICAL_MAX_DATES = 1000
# Rendered feeds are kept until the occurrences change (see occurrences_version()), and at
# most this long: renamed categories or settings, and dates that have ended, show after it.
ICAL_CACHE_SECONDS = 15 * 60
# What calendar programs and screens may keep without asking again (they ask with the ETag).
ICAL_MAX_AGE = 5 * 60
ICAL_REFRESH = "PT1H"
FEED_ITEMS = 20
FEED_CLASSES = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.SOLD_OUT: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}
STATUS_LABELS = dict(EventStatus.choices)
ADDRESS_FIELDS = ("street", "postcode", "town", "latitude", "longitude")
# The columns a VEVENT shows, read as plain values: no page objects, images or bodies.
FEED_FIELDS = (
    *("start", "end", "visible_until", "all_day", "status", "title", "event_id", "venue_id"),
    *("event_date__note", "category__name"),
    *(f"event__{name}" for name in ("translation_key", "url_path", "last_published_at")),
    *(f"event__{name}" for name in ("intro", "is_free", "price", "place_name", *ADDRESS_FIELDS)),
    *(f"venue__{name}" for name in ("title", *ADDRESS_FIELDS)),
)

# Europe/Berlin as yearly rules (valid for every year since 1996), not the long list of single
# transition dates that generators produce up to 2038.
BERLIN_VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "X-LIC-LOCATION:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZNAME:CEST",
    "DTSTART:19960331T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZNAME:CET",
    "DTSTART:19961027T030000",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)
# TEXT may hold no control characters but tab (RFC 5545, 3.3.11); line breaks are escaped.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# A folded line is cut between characters, never inside a backslash escape (some programs
# do not join those again).
FOLD_UNITS = re.compile(r"\\.|.", re.S)
LINE_OCTETS = 75


def ical_text(value):
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    value = CONTROL_CHARACTERS.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def content_line(name, value):
    """``NAME:value`` folded into lines of at most 75 octets (RFC 5545, 3.1)."""
    line = f"{name}:{value}"
    if len(line.encode()) <= LINE_OCTETS:
        return line
    parts, current, size, limit = [], [], 0, LINE_OCTETS
    for unit in FOLD_UNITS.findall(line):
        width = len(unit.encode())
        if size + width > limit:
            parts.append("".join(current))
            # Each continuation line begins with a space, which counts.
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(unit)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def utc_stamp(value):
    return f"{value.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def occurrence_uid(start, translation_key, host):
    return f"{translation_key}-{utc_stamp(start)}@{host}"


def _location(row):
    """The place of a date as one line, and the row prefix (venue or event) of its address."""
    prefix = "venue__" if row["venue_id"] is not None else "event__"
    name = row["venue__title"] if row["venue_id"] is not None else row["event__place_name"]
    town = " ".join(filter(None, [row[f"{prefix}postcode"], row[f"{prefix}town"]]))
    return ", ".join(filter(None, [name, row[f"{prefix}street"], town])), prefix


def vevent_lines(row, url, host):
    """The lines of one date's VEVENT, from a row of FEED_FIELDS."""
    status = row["status"]
    summary = row["title"]
    if status not in (EventStatus.SCHEDULED, ""):
        summary = f"{summary} ({STATUS_LABELS.get(status, status)})"
    stamp = utc_stamp(row["event__last_published_at"] or row["start"])
    lines = [
        "BEGIN:VEVENT",
        content_line(
            "UID", ical_text(occurrence_uid(row["start"], row["event__translation_key"], host))
        ),
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
        # Changes of status are what calendar programs must pick up; the rest follows the UID.
        f"SEQUENCE:{0 if status in (EventStatus.SCHEDULED, '') else 1}",
        content_line("SUMMARY", ical_text(summary)),
    ]
    if row["all_day"]:
        first = timezone.localtime(row["start"], BERLIN).date()
        last = timezone.localtime(row["visible_until"], BERLIN).date()
        lines.append(f"DTSTART;VALUE=DATE:{first:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{max(last, first + timedelta(days=1)):%Y%m%d}")
    else:
        lines.append(f"DTSTART;TZID=Europe/Berlin:{row['start'].astimezone(BERLIN):%Y%m%dT%H%M%S}")
        if row["end"]:
            lines.append(f"DTEND;TZID=Europe/Berlin:{row['end'].astimezone(BERLIN):%Y%m%dT%H%M%S}")
    lines.append(f"STATUS:{ICAL_STATUS.get(status, 'CONFIRMED')}")
    description = [row["event__intro"], row["event_date__note"]]
    if row["event__is_free"]:
        description.append(_("Eintritt frei"))
    description.append(row["event__price"])
    description = "\n\n".join(filter(None, description))
    if description:
        lines.append(content_line("DESCRIPTION", ical_text(description)))
    location, prefix = _location(row)
    if location:
        lines.append(content_line("LOCATION", ical_text(location)))
    latitude, longitude = row[f"{prefix}latitude"], row[f"{prefix}longitude"]
    if latitude is not None and longitude is not None:
        lines.append(f"GEO:{latitude:f};{longitude:f}")
    if row["category__name"]:
        lines.append(content_line("CATEGORIES", ical_text(row["category__name"])))
    lines.append(content_line("URL", url))
    lines.append("CLASS:PUBLIC")
    lines.append("END:VEVENT")
    return lines


def ical_body(occurrences, request, index, name, description):
    """The iCalendar text of the first ICAL_MAX_DATES of these occurrences, as bytes."""
    host = request.get_host().split(":")[0] or "localhost"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Haus am Westbahnhof//Kulturnetz Landau//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        content_line("X-WR-CALNAME", ical_text(name)),
        content_line("X-WR-CALDESC", ical_text(description)),
        "X-WR-TIMEZONE:Europe/Berlin",
        # How often subscribers should look again (RFC 7986; X-PUBLISHED-TTL for Outlook).
        f"REFRESH-INTERVAL;VALUE=DURATION:{ICAL_REFRESH}",
        f"X-PUBLISHED-TTL:{ICAL_REFRESH}",
        # The one time zone every DTSTART and DTEND with TZID refers to, before its first use.
        *BERLIN_VTIMEZONE,
    ]
    url = event_urls(index, request)
    for row in occurrences.values(*FEED_FIELDS)[:ICAL_MAX_DATES]:
        lines.extend(vevent_lines(row, url(row["event_id"], row["event__url_path"]), host))
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def event_urls(index, request):
    """A function from an event's id and path to its full address, worked out once per event
    (its dates share it) and without page objects."""
    # The English calendar also lists German events without a translation: they are below
    # the German calendar.
    calendars = EventIndexPage.objects.live().filter(
        Q(pk=index.pk)
        | Q(translation_key=index.translation_key, locale__language_code=settings.LANGUAGE_CODE)
    )
    bases = [(calendar.url_path, calendar.get_full_url(request)) for calendar in calendars]

    @functools.cache
    def url(event_id, path):
        # Below a calendar an event shares its site and language prefix: its address is the
        # calendar's plus the rest of its path, as get_full_url() would work it out.
        for base, base_url in bases:
            if path.startswith(base):
                return base_url + path[len(base) :]
        return EventPage.objects.get(pk=event_id).get_full_url(request)

    return url


def occurrences_version():
    """A value that changes whenever the occurrences table does.

    kulturnetz/recurrence.py changes the table only by deleting rows and inserting new ones,
    and ids are never reused, so the highest id and the number of rows together name its
    state. Read from the database, every worker process and the nightly rebuild agree on it,
    whatever the cache backend.
    """
    # Two queries, as SQLite answers a lone MAX(id) and a lone COUNT(*) without a scan.
    last = Occurrence.objects.aggregate(last=Max("pk"))["last"]
    return f"{last or 0}-{Occurrence.objects.count()}"


def _cache_key(request):
    """One entry per feed: address, host, language, the calendar's filters (other parameters
    do not count) and the state of the occurrences."""
    query = sorted(
        (name, value) for name in EventFilterSet.base_filters for value in request.GET.getlist(name)
    )
    parts = [request.scheme, request.get_host(), request.path, translation.get_language(), query]
    digest = hashlib.sha256(repr(parts).encode("utf-8", "backslashreplace")).hexdigest()
    return f"kulturnetz:ical:{occurrences_version()}:{digest}"


def cached_ical(request, render, filename):
    """The feed ``render()`` writes, kept in the cache and answered with an ETag.

    Entries are keyed by the occurrences' state, so publishing, unpublishing, moving or
    deleting an event makes a new one; ICAL_CACHE_SECONDS bounds what that does not see.
    A conditional request for an unchanged feed gets 304.
    """
    key = _cache_key(request)
    entry = cache.get(key)
    if entry is None:
        body = render()
        # Kept compressed (about a tenth): many feeds fit in a worker's local-memory cache.
        entry = (quote_etag(hashlib.sha256(body).hexdigest()[:32]), zlib.compress(body))
        cache.set(key, entry, ICAL_CACHE_SECONDS)
    etag, compressed = entry
    response = HttpResponse(zlib.decompress(compressed), content_type=ICAL_CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=ICAL_MAX_AGE)
    return get_conditional_response(request, etag=etag, response=response)


def calendar_ical(index, request, **route_filters):
    """Upcoming dates of the calendar as iCalendar, narrowed like the page.

    Bad values in the address are ignored, as on the page; a route naming a category, venue
    or actor that does not exist is a 404. Without filters, the next ICAL_DAYS_AHEAD days.
    """
    return cached_ical(request, lambda: _calendar_body(index, request, route_filters), "kulturnetz")


def _calendar_body(index, request, route_filters):
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
    occurrences = filters.qs
    if filters.is_filtered:
        description = _("Alle kommenden Termine (höchstens %(count)s).")
    else:
        occurrences = occurrences.filter(start__lt=filters.now + timedelta(days=ICAL_DAYS_AHEAD))
        description = _("Die Termine der nächsten %(days)s Tage (höchstens %(count)s).")
    description %= {"days": ICAL_DAYS_AHEAD, "count": ICAL_MAX_DATES}
    site_name = OrganisationSettings.for_request(request).name
    return ical_body(occurrences, request, index, f"{name} · {site_name}", description)


def _page_title(model, slug, locale):
    """The title of a venue or actor named in a route, preferring the calendar's language."""
    pages = public(model.objects.live()).filter(slug=slug)
    found = pages.filter(locale=locale).first() or pages.order_by("pk").first()
    if found is None:
        raise Http404
    return found.title


def event_ical(index, request, slug):
    def render():
        event = get_object_or_404(public(EventPage.objects.child_of(index).live()), slug=slug)
        description = _("Alle kommenden Termine (höchstens %(count)s).") % {"count": ICAL_MAX_DATES}
        occurrences = event.occurrences.for_locale(event.locale_id).upcoming()
        return ical_body(occurrences, request, index, event.title, description)

    return cached_ical(request, render, slug)


def new_events_feed(index, request, kind):
    """RSS or Atom of the newest published events of this calendar."""
    events = (
        public(EventPage.objects.child_of(index).live())
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
