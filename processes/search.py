"""The site search's source for the requirements catalogue: requirements by identifier or words.

The page search finds the process pages (by their summary and body) and the catalogue page;
this source adds single requirements ("RB-03", "Barzahlung"), each linking to its row in the
catalogue and labelled with its process, priority and status. A fixed number of queries.
"""

from urllib.parse import urlencode

from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from home.public_cache import public
from portal.hooks import SearchResult
from processes.models import Requirement, RequirementCataloguePage

MAX_RESULTS = 50


def search_requirements(query, request):
    locale = Locale.get_active()
    catalogue = (
        public(RequirementCataloguePage.objects.live()).filter(locale=locale).only("pk").first()
    )
    if catalogue is None:
        return []
    requirements = Requirement.objects.filter(locale=locale).select_related("process")
    # An identifier is found as typed ("rb-03"); the backend splits it into two words.
    exact = list(requirements.filter(identifier__iexact=query.strip())[:1])
    found = list(get_search_backend().search(query, requirements)[:MAX_RESULTS])
    base = catalogue.get_url(request)
    results = []
    seen = set()
    for requirement in [*exact, *found]:
        if requirement.pk in seen:
            continue
        seen.add(requirement.pk)
        summary = " · ".join(
            part
            for part in (
                requirement.process.title if requirement.process else "",
                requirement.get_priority_display(),
                requirement.get_status_display(),
            )
            if part
        )
        results.append(
            SearchResult(
                title=f"{requirement.identifier}: {requirement.statement}",
                # The catalogue filtered to it: on phones too, where the table gives way to a list.
                url=f"{base}?{urlencode({'q': requirement.identifier})}#{requirement.anchor}",
                summary=summary,
                kind=_("Anforderung"),
            )
        )
    return results
