"""The calendar's page: the filtered dates, a page at a time, grouped by day."""

from itertools import groupby

from django.utils import timezone
from django.utils.cache import patch_cache_control

from home.pagination import filter_query, paginate
from home.public_cache import restricted_paths
from kulturnetz.filters import EventFilterSet
from kulturnetz.recurrence import BERLIN

OCCURRENCES_PER_PAGE = 30


def group_by_day(occurrences, now=None):
    """``[(day, [occurrence, ...]), ...]``; what began before today is listed under today."""
    today = timezone.localtime(now or timezone.now(), BERLIN).date()

    def day(occurrence):
        return max(timezone.localtime(occurrence.start, BERLIN).date(), today)

    return [(key, list(items)) for key, items in groupby(occurrences, key=day)]


def calendar(index, request, now=None):
    now = now or timezone.now()
    filters = EventFilterSet(
        request.GET or None, queryset=index.occurrences(), locale=index.locale, now=now
    )
    occurrences = paginate(request, filters.qs, OCCURRENCES_PER_PAGE, past_the_end_is_404=False)
    query = filter_query(request)
    return index.render(
        request,
        context_overrides={
            "filters": filters,
            "occurrences": occurrences,
            "days": group_by_day(occurrences, now),
            "result_count": occurrences.paginator.count,
            "filter_query": query,
            "ical_url": index.route_url("ical") + (f"?{query}" if query else ""),
        },
    )


def patch_page_cache(response, page, max_age):
    """Let caches keep a route's answer for ``max_age`` seconds: shared caches too, unless the
    page has a view restriction (then only the visitor's browser)."""
    restricted = any(page.path.startswith(path) for path in restricted_paths())
    patch_cache_control(response, max_age=max_age, **{"private" if restricted else "public": True})
    return response
