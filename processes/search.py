"""The site search's source for the requirements catalogue: requirements by identifier or words.

The page search finds the process pages (by their summary and body) and the catalogue page;
this source adds single requirements ("RB-03", "Barzahlung"), each linking to its row in the
catalogue and labelled with its process, priority and status. A fixed number of queries.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext as _

from home.localisation import active_locale
from home.public_cache import public
from home.ranking import RankedMatches
from portal.hooks import SearchHits, SearchResult
from processes.models import Requirement, RequirementCataloguePage


class RequirementHits(SearchHits):
    """The requirement named by the identifier typed first, then the others by relevance."""

    def __init__(self, query, request, catalogue, locale):
        self.base = catalogue.get_url(request)
        requirements = Requirement.objects.filter(locale=locale).select_related("process")
        # An identifier is found as typed ("rb-03"); the backend splits it into two words.
        self.exact = list(requirements.filter(identifier__iexact=query.strip())[:1])
        self.by_words = RankedMatches(
            requirements, query, excluding=[requirement.pk for requirement in self.exact]
        )

    def count(self):
        return len(self.exact) + self.by_words.count()

    def results(self, start, stop):
        found = self.exact[start:stop]
        offset = len(self.exact)
        found += self.by_words.objects(max(start - offset, 0), stop - offset)
        return [self.result(requirement) for requirement in found]

    def result(self, requirement):
        summary = " · ".join(
            part
            for part in (
                requirement.process.title if requirement.process else "",
                requirement.get_priority_display(),
                requirement.get_status_display(),
            )
            if part
        )
        return SearchResult(
            title=f"{requirement.identifier}: {requirement.statement}",
            # The catalogue filtered to it: on phones too, where the table gives way to a list.
            url=f"{self.base}?{urlencode({'q': requirement.identifier})}#{requirement.anchor}",
            summary=summary,
            kind=_("Anforderung"),
        )


def search_requirements(query, request):
    locale = active_locale()
    catalogue = (
        public(RequirementCataloguePage.objects.live()).filter(locale=locale).only("pk").first()
    )
    if catalogue is None:
        return []
    return RequirementHits(query, request, catalogue, locale)
