"""The page search: every live, public page in the visitor's language."""

from django.utils.html import strip_tags
from wagtail.models import Locale, Page

from portal.hooks import SearchResult

MAX_PAGE_RESULTS = 100


def search_pages(query, request):
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .specific()
        .search(query)[:MAX_PAGE_RESULTS]
    )
    results = []
    for page in pages:
        summary = page.search_description or getattr(page, "intro", "") or ""
        results.append(
            SearchResult(
                title=page.title,
                url=page.get_url(request),
                summary=strip_tags(summary),
                kind=str(page._meta.verbose_name),
            )
        )
    return results
