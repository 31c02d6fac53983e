"""The shop-window display: the calendar's next dates, full screen, refreshing itself.

``anzeige/?anzahl=8&kategorie=konzert&spielstaette=haus-am-westbahnhof`` (English:
``display/``) takes the calendar's own filters (kulturnetz/filters.py); ``anzahl`` is clamped
to 1–20, a value that is no number gives the default, a filter value that names nothing is
ignored, as on the calendar page. Without script the page reloads itself (a refresh inside
``<noscript>``); with script it fetches itself in the background and swaps the list, keeping
the last list while the server cannot be reached (static/js/kulturnetz-display.js).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kulturnetz.filters import EventFilterSet
from kulturnetz.recurrence import BERLIN
from kulturnetz.views import patch_page_cache

COUNT_PARAM = "anzahl"
DEFAULT_COUNT, MAX_COUNT, WIDE_FROM = 8, 20, 10
DEFAULT_REFRESH_SECONDS = 300
# Shared caches may keep the display this long; many screens then cost one query.
MAX_CACHE_SECONDS = 60


def refresh_seconds():
    return max(int(getattr(settings, "KULTURNETZ_DISPLAY_REFRESH_SECONDS", 0) or 0), 0) or (
        DEFAULT_REFRESH_SECONDS
    )


def display_count(value):
    """How many dates to show: a whole number clamped to 1–20, else the default."""
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit():
        return DEFAULT_COUNT
    return min(max(int(value[:4]), 1), MAX_COUNT)


def _when(occurrence, today):
    """(day, time) as a screen says them: "Heute", "Morgen", "Sa 14.12."; "20:00"."""
    start = timezone.localtime(occurrence.start, BERLIN)
    day = max(start.date(), today)
    if day == today:
        day_text = _("Heute")
    elif day == today + timedelta(days=1):
        day_text = _("Morgen")
    else:
        day_text = date_format(day, "D j.n.")
    if occurrence.all_day:
        time_text = _("ganztägig")
    elif occurrence.kind == "run" and occurrence.end:
        # Opening hours, short enough for the time column: "10–18 Uhr", "10:30–18:00".
        end = timezone.localtime(occurrence.end, BERLIN)
        if start.minute == end.minute == 0:
            time_text = _("%(start)s–%(end)s Uhr") % {"start": start.hour, "end": end.hour}
        else:
            time_text = f"{start:%H:%M}–{end:%H:%M}"
    else:
        time_text = f"{start:%H:%M}"
    return day_text, time_text


def _chosen(filters, name):
    """The label of a filter's valid value (category name, venue title), else ""."""
    value = getattr(filters.form, "cleaned_data", {}).get(name)
    if not value:
        return ""
    return dict(filters.form.fields[name].choices).get(value, "")


def display(index, request, now=None):
    now = now or timezone.now()
    data = request.GET.copy()
    count = display_count(data.pop(COUNT_PARAM, [""])[-1])
    # The screens show no pictures: the cards' renditions are not fetched.
    dates = index.occurrences().prefetch_related(None)
    filters = EventFilterSet(data or None, queryset=dates, locale=index.locale, now=now)
    filters.form.is_valid()
    occurrences = list(filters.qs.once_per_run(since=now)[:count])
    today = timezone.localtime(now, BERLIN).date()
    for occurrence in occurrences:
        occurrence.display_day, occurrence.display_time = _when(occurrence, today)
    refresh = refresh_seconds()
    response = index.render(
        request,
        template="kulturnetz/event_index_page_display.html",
        context_overrides={
            "network_name": index.get_parent().title,
            "occurrences": occurrences,
            "count": count,
            # Landscape screens show more than WIDE_FROM rows in two columns.
            "wide_rows": -(-count // 2) if count > WIDE_FROM else count,
            "category_name": _chosen(filters, "kategorie"),
            "venue_name": _chosen(filters, "spielstaette"),
            "updated_at": timezone.localtime(now, BERLIN),
            "refresh_seconds": refresh,
            "calendar_address": request.build_absolute_uri(index.url).split("://", 1)[-1],
        },
    )
    return patch_page_cache(response, index, min(MAX_CACHE_SECONDS, refresh))
