"""The site search's source for the directory: actors and venues found by district or discipline.

The page search already finds actors and venues by their own words (name, descriptions);
this source adds those whose district, discipline or kind the visitor names ("Nußdorf",
"Musik") and that the page search does not find, each labelled with what it is and where, so
each address appears once and the counts add up.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from home.localisation import active_locale
from home.search import page_matches
from kulturnetz.directory import live_actors, live_venues
from portal.hooks import SearchHits, SearchResult


def _taxonomy_condition(query, lookups):
    condition = Q()
    for lookup in lookups:
        condition |= Q(**{f"{lookup}__name__icontains": query})
    return condition


def _kind(label, place):
    return " · ".join(part for part in (label, place.name if place else "") if part)


class DirectoryHits(SearchHits):
    """Actors, then venues, by title; those the page search finds by their words are left out
    (it lists them already)."""

    def __init__(self, query, request):
        self.request = request
        locale = active_locale()
        by_words = page_matches(query)
        self.actors = (
            live_actors(locale=locale)
            .filter(_taxonomy_condition(query, ("district", "kind", "disciplines")))
            .exclude(pk__in=by_words)
            .distinct()
            .order_by("title", "pk")
        )
        self.venues = (
            live_venues(locale=locale)
            .filter(_taxonomy_condition(query, ("district",)) | Q(town__icontains=query))
            .exclude(pk__in=by_words)
            .order_by("title", "pk")
        )
        self._counts = None

    def counts(self):
        if self._counts is None:
            self._counts = (self.actors.count(), self.venues.count())
        return self._counts

    def count(self):
        return sum(self.counts())

    def results(self, start, stop):
        actor_count, _venue_count = self.counts()
        results = [
            SearchResult(
                title=actor.title,
                url=actor.get_url(self.request),
                summary=actor.intro,
                kind=_kind(_("Kulturaktive"), actor.district),
            )
            for actor in self.actors[start : min(stop, actor_count)]
        ]
        if stop > actor_count:
            venues = self.venues[max(start - actor_count, 0) : stop - actor_count]
            results += [
                SearchResult(
                    title=venue.title,
                    url=venue.get_url(self.request),
                    summary=venue.intro,
                    kind=_kind(_("Spielstätte"), venue.district),
                )
                for venue in venues
            ]
        return results


def search_directory(query, request):
    return DirectoryHits(query, request)
