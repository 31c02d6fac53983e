"""What the calendar hands to the home page and the site search."""

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home.public_cache import public
from kulturnetz.models import EventCategory, EventIndexPage, EventPage, Occurrence
from kulturnetz.recurrence import BERLIN
from portal.hooks import SearchResult

MAX_SEARCH_RESULTS = 50


def whats_on_context(request, page, value):
    """The next dates in the visitor's language, for "Was ist los in Landau"."""
    count = value.get("count") or 3
    locale = Locale.get_active()
    calendar = public(EventIndexPage.objects.live()).filter(locale=locale).first()
    occurrences = Occurrence.objects.for_locale(locale).upcoming().once_per_run().for_cards()
    occurrences = occurrences[:count]
    return {"occurrences": list(occurrences), "calendar": calendar}


def search_events(query, request):
    """Upcoming events whose title, description or category name has every word; each once,
    with its next date."""
    # Descriptions and categories are searched on their own and matched by id, not joined to
    # every upcoming date (see EventFilterSet.filter_search).
    condition = Q()
    for word in query.split():
        condition &= (
            Q(title__icontains=word)
            | Q(event__in=EventPage.objects.filter(intro__icontains=word).values("pk"))
            | Q(category__in=EventCategory.objects.filter(name__icontains=word).values("pk"))
        )
    occurrences = (
        Occurrence.objects.for_locale(Locale.get_active())
        .upcoming()
        .filter(condition)
        .select_related("event", "category")
        .defer("event__body")
    )
    results, seen = [], set()
    for occurrence in occurrences[: MAX_SEARCH_RESULTS * 5]:
        if occurrence.event_id in seen:
            continue
        seen.add(occurrence.event_id)
        when = date_format(timezone.localtime(occurrence.start, BERLIN), "l, j. F Y")
        if not occurrence.all_day:
            when += ", " + date_format(timezone.localtime(occurrence.start, BERLIN), "H:i")
        category = f"{occurrence.category.name} · " if occurrence.category else ""
        results.append(
            SearchResult(
                title=occurrence.title,
                url=occurrence.event.get_url(request),
                summary=f"{category}{when} – {occurrence.event.intro}",
                kind=_("Termin, abgesagt") if occurrence.is_cancelled else _("Termin"),
            )
        )
        if len(results) >= MAX_SEARCH_RESULTS:
            break
    return results
