"""Expanding event dates into occurrences, and keeping the occurrences table current.

Times are wall-clock times in Europe/Berlin: a weekly course at 19:00 stays at 19:00 across
the changes to and from summer time. Recurrence rules are RFC 5545 rules expanded by
python-dateutil; runs give one occurrence per open day. Only live pages without a view
restriction produce occurrences.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from home.cache_generation import bump

BERLIN = ZoneInfo("Europe/Berlin")
DEFAULT_HORIZON_DAYS = 400
# Runs and repeating dates that began long ago keep this much of their past in the table.
PAST_DAYS = 31
# A safety net against rules that would fill the table (e.g. a run over ten years).
MAX_PER_DATE = 1000


def horizon_days():
    return getattr(settings, "KULTURNETZ_OCCURRENCE_HORIZON_DAYS", DEFAULT_HORIZON_DAYS)


def local_to_utc(value):
    """A naive Europe/Berlin wall-clock time as an aware UTC datetime."""
    return value.replace(tzinfo=BERLIN).astimezone(UTC)


@dataclass(frozen=True)
class Span:
    start: datetime  # aware
    end: datetime | None
    visible_until: datetime
    all_day: bool


def _span(day, start_time, end_time, end_day=None):
    """One occurrence on ``day`` from the date's times (local), as aware datetimes."""
    if start_time is None:
        start = local_to_utc(datetime.combine(day, time.min))
        last_day = end_day or day
        end = local_to_utc(datetime.combine(last_day + timedelta(days=1), time.min))
        return Span(start, end if end_day else None, end, True)
    start = local_to_utc(datetime.combine(day, start_time))
    end = None
    if end_time is not None:
        end_day = end_day or day
        if end_day == day and end_time <= start_time:
            end_day = day + timedelta(days=1)  # ends after midnight
        end = local_to_utc(datetime.combine(end_day, end_time))
    elif end_day is not None and end_day != day:
        end = local_to_utc(datetime.combine(end_day + timedelta(days=1), time.min))
    return Span(start, end, end or start, False)


def expand(event_date, now=None, horizon=None):
    """The spans of one EventDate within the window the table keeps.

    The window: from PAST_DAYS ago (single dates: always) to ``horizon`` days from now.
    Exceptions (EXDATE) skip their days.
    """
    from kulturnetz.models import EventDate
    from kulturnetz.models.fields import WEEKDAY_CODES, dates_of, split_codes

    now = now or timezone.now()
    first_day = timezone.localtime(now, BERLIN).date() - timedelta(days=PAST_DAYS)
    last_day = timezone.localtime(now, BERLIN).date() + timedelta(
        days=horizon if horizon is not None else horizon_days()
    )
    skipped = set(dates_of(event_date.exceptions))
    kind = event_date.kind

    if kind == EventDate.Kind.SINGLE:
        if event_date.start_date in skipped:
            return []
        return [
            _span(
                event_date.start_date,
                event_date.start_time,
                event_date.end_time,
                event_date.end_date,
            )
        ]

    if kind == EventDate.Kind.RUN:
        closed = {WEEKDAY_CODES.index(code) for code in split_codes(event_date.closed_weekdays)}
        day = max(event_date.start_date, first_day)
        end = min(event_date.end_date or event_date.start_date, last_day)
        spans = []
        while day <= end and len(spans) < MAX_PER_DATE:
            if day.weekday() not in closed and day not in skipped:
                spans.append(_span(day, event_date.start_time, event_date.end_time))
            day += timedelta(days=1)
        return spans

    rule_text = event_date.rrule or event_date.build_rrule()
    if not rule_text:
        return []
    # An aware local start: dateutil keeps the wall-clock time and the zone gives the offset.
    dtstart = datetime.combine(event_date.start_date, event_date.start_time or time.min)
    rule = rrulestr(f"RRULE:{rule_text}", dtstart=dtstart.replace(tzinfo=BERLIN))
    window_end = datetime.combine(last_day, time.max).replace(tzinfo=BERLIN)
    spans = []
    for moment in rule.xafter(dtstart.replace(tzinfo=BERLIN), inc=True):
        if moment > window_end or len(spans) >= MAX_PER_DATE:
            break
        day = moment.date()
        if day < first_day or day in skipped:
            continue
        spans.append(_span(day, event_date.start_time, event_date.end_time))
    return spans


def _localised_id(page, locale_id, cache):
    """The id of ``page``'s live translation in ``locale_id``, else of ``page`` itself."""
    if page is None:
        return None
    if page.locale_id == locale_id:
        return page.pk
    key = (type(page), page.translation_key, locale_id)
    if key not in cache:
        translation = (
            type(page)
            .objects.live()
            .filter(translation_key=page.translation_key, locale_id=locale_id)
            .values_list("pk", flat=True)
            .first()
        )
        cache[key] = translation or page.pk
    return cache[key]


def _localised_snippet_id(model, pk, locale_id, cache):
    """The id of a vocabulary entry's translation in ``locale_id``, else ``pk`` itself."""
    if pk is None:
        return None
    key = (model, pk, locale_id)
    if key not in cache:
        translation = (
            model.objects.filter(
                translation_key__in=model.objects.filter(pk=pk).values("translation_key"),
                locale_id=locale_id,
            )
            .values_list("pk", flat=True)
            .first()
        )
        cache[key] = translation or pk
    return cache[key]


class CalendarLanguages:
    """Which calendars list an event: its own language's, and, for an event in the default
    language, every other language's calendar where it has no live public translation (the
    English calendar shows German events rather than leave them out)."""

    def __init__(self, translation_keys=None):
        from wagtail.models import Locale

        from kulturnetz.models import EventPage

        locales = dict(Locale.objects.values_list("pk", "language_code"))
        self.default_id = next(
            (pk for pk, code in locales.items() if code == settings.LANGUAGE_CODE), None
        )
        self.others = [pk for pk in locales if pk != self.default_id]
        translated = EventPage.objects.live().public().exclude(locale_id=self.default_id)
        if translation_keys is not None:
            translated = translated.filter(translation_key__in=translation_keys)
        self.translated = set(translated.values_list("translation_key", "locale_id"))

    def of(self, event):
        if event.locale_id != self.default_id:
            return [event.locale_id]
        return [event.locale_id] + [
            pk for pk in self.others if (event.translation_key, pk) not in self.translated
        ]


def occurrences_for(event, now=None, horizon=None, cache=None, languages=None):
    """Unsaved Occurrence rows for one event page (with its dates), one set per calendar
    language that lists it, with venue, organiser, category and district in that language."""
    from kulturnetz.models import District, EventCategory, Occurrence

    cache = {} if cache is None else cache
    venue = event.venue
    district_id = venue.district_id if venue is not None else event.district_id
    spans = [
        (event_date, span)
        for event_date in event.dates.all()
        for span in expand(event_date, now=now, horizon=horizon)
    ]
    locale_ids = languages.of(event) if languages is not None else [event.locale_id]
    rows = []
    for locale_id in locale_ids:
        venue_id = _localised_id(venue, locale_id, cache)
        organiser_id = _localised_id(event.organiser, locale_id, cache)
        category_id = _localised_snippet_id(EventCategory, event.category_id, locale_id, cache)
        local_district_id = _localised_snippet_id(District, district_id, locale_id, cache)
        for event_date, span in spans:
            rows.append(
                Occurrence(
                    event=event,
                    event_date=event_date,
                    locale_id=locale_id,
                    start=span.start,
                    end=span.end,
                    visible_until=span.visible_until,
                    all_day=span.all_day,
                    kind=event_date.kind,
                    status=event_date.status or event.status,
                    title=event.title[:255],
                    category_id=category_id,
                    venue_id=venue_id,
                    organiser_id=organiser_id,
                    district_id=local_district_id,
                    is_free=event.is_free,
                )
            )
    return rows


def rebuild_for(events, now=None, horizon=None):
    """Replace the occurrences of these event pages and of their translations (a translation
    going live or away changes which calendars list the original); unlisted pages just lose
    theirs."""
    from kulturnetz.models import EventPage, Occurrence

    keys = {event.translation_key for event in events}
    if not keys:
        return 0
    family = EventPage.objects.filter(translation_key__in=keys)
    ids = list(family.values_list("pk", flat=True))
    pages = family.select_related("venue", "organiser").prefetch_related("dates")
    listed = list(pages.live().public())
    languages = CalendarLanguages(translation_keys=keys)
    cache = {}
    rows = [row for page in listed for row in occurrences_for(page, now, horizon, cache, languages)]
    with transaction.atomic():
        Occurrence.objects.filter(event_id__in=ids).delete()
        Occurrence.objects.bulk_create(rows, batch_size=1000)
        # Once for the whole rebuild: bulk writes send no signals.
        bump()
    return len(rows)


def rebuild_all(now=None, horizon=None, batch=500):
    """Rebuild the whole table (the daily roll of the horizon); returns the number of rows."""
    from kulturnetz.models import EventPage, Occurrence

    with transaction.atomic():
        Occurrence.objects.all().delete()
        total = 0
        events = (
            EventPage.objects.live()
            .public()
            .select_related("venue", "organiser")
            .prefetch_related("dates")
            .defer_streamfields()
            .order_by("pk")
        )
        languages = CalendarLanguages()
        cache = {}
        rows = []
        for event in events.iterator(chunk_size=batch):
            rows.extend(occurrences_for(event, now, horizon, cache, languages))
            if len(rows) >= 5000:
                Occurrence.objects.bulk_create(rows, batch_size=1000)
                total += len(rows)
                rows = []
        Occurrence.objects.bulk_create(rows, batch_size=1000)
        bump()
        return total + len(rows)
