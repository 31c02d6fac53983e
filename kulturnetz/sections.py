"""What the calendar hands to the home page and the site search."""

from django.db.models import Min, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from home.localisation import active_locale
from home.public_cache import public
from kulturnetz.models import EventCategory, EventIndexPage, EventPage, Occurrence
from kulturnetz.recurrence import BERLIN
from portal.hooks import SearchHits, SearchResult


def whats_on_context(request, page, value):
    """The next dates in the visitor's language, for "Was ist los in Landau"."""
    count = value.get("count") or 3
    locale = active_locale()
    calendar = public(EventIndexPage.objects.live()).filter(locale=locale).first()
    occurrences = Occurrence.objects.for_locale(locale).upcoming().once_per_run().for_cards()
    occurrences = occurrences[:count]
    return {"occurrences": list(occurrences), "calendar": calendar}


class EventHits(SearchHits):
    """Upcoming events whose title, description or category name has every word; each once,
    with its next date, soonest first. Counted and paged by event in the database."""

    def __init__(self, query, request):
        self.request = request
        # Descriptions and categories are searched on their own and matched by id, not joined
        # to every upcoming date (see EventFilterSet.filter_search).
        condition = Q()
        for word in query.split():
            condition &= (
                Q(title__icontains=word)
                | Q(event__in=EventPage.objects.filter(intro__icontains=word).values("pk"))
                | Q(category__in=EventCategory.objects.filter(name__icontains=word).values("pk"))
            )
        self.occurrences = (
            Occurrence.objects.for_locale(active_locale()).upcoming().filter(condition)
        )
        self._count = None

    def count(self):
        if self._count is None:
            self._count = self.occurrences.values("event_id").distinct().count()
        return self._count

    def results(self, start, stop):
        # The events of this slice with the start of their next matching date, then those dates.
        firsts = list(
            self.occurrences.order_by()
            .values("event_id")
            .annotate(first=Min("start"))
            .order_by("first", "event_id")
            .values_list("event_id", "first")[start:stop]
        )
        if not firsts:
            return []
        which = Q()
        for event_id, first in firsts:
            which |= Q(event_id=event_id, start=first)
        next_dates = {}
        for occurrence in (
            self.occurrences.filter(which).select_related("event", "category").defer("event__body")
        ):
            next_dates.setdefault(occurrence.event_id, occurrence)
        results = []
        for event_id, _first in firsts:
            occurrence = next_dates[event_id]
            when = date_format(timezone.localtime(occurrence.start, BERLIN), "l, j. F Y")
            if not occurrence.all_day:
                when += ", " + date_format(timezone.localtime(occurrence.start, BERLIN), "H:i")
            category = f"{occurrence.category.name} · " if occurrence.category else ""
            results.append(
                SearchResult(
                    title=occurrence.title,
                    url=occurrence.event.get_url(self.request),
                    summary=f"{category}{when} – {occurrence.event.intro}",
                    kind=_("Termin, abgesagt") if occurrence.is_cancelled else _("Termin"),
                )
            )
        return results


def search_events(query, request):
    return EventHits(query, request)
