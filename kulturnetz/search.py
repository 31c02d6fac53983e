"""The site search's source for the directory: actors and venues found by district or discipline.

The page search already finds actors and venues by their own words (name, descriptions);
this source adds those whose district, discipline or kind the visitor names ("Nußdorf",
"Musik"), each labelled with what it is and where. The site search shows each address once.
"""

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Locale

from kulturnetz.directory import live_actors, live_venues
from portal.hooks import SearchResult

MAX_RESULTS = 50


def _taxonomy_condition(query, lookups):
    condition = Q()
    for lookup in lookups:
        condition |= Q(**{f"{lookup}__name__icontains": query})
    return condition


def search_directory(query, request):
    locale = Locale.get_active()
    actors = (
        live_actors(locale=locale)
        .filter(_taxonomy_condition(query, ("district", "kind", "disciplines")))
        .distinct()
        .order_by("title")[:MAX_RESULTS]
    )
    venues = (
        live_venues(locale=locale)
        .filter(_taxonomy_condition(query, ("district",)) | Q(town__icontains=query))
        .order_by("title")[:MAX_RESULTS]
    )
    results = [
        SearchResult(
            title=actor.title,
            url=actor.get_url(request),
            summary=actor.intro,
            kind=" · ".join(
                part
                for part in (_("Kulturaktive"), actor.district.name if actor.district else "")
                if part
            ),
        )
        for actor in actors
    ]
    results += [
        SearchResult(
            title=venue.title,
            url=venue.get_url(request),
            summary=venue.intro,
            kind=" · ".join(
                part
                for part in (_("Spielstätte"), venue.district.name if venue.district else "")
                if part
            ),
        )
        for venue in venues
    ]
    return results
