"""Pages in the visitor's language, looked up for many pages at once."""

from django.utils.translation import get_language
from wagtail.models import Page


def localised_pages(pages, specific=False, fallback=True):
    """Map each page's translation key to its live page in the active language.

    One query for all pages (plus one per page type when ``specific``), where calling
    ``page.localized`` for each would cost two or three queries per page. With ``fallback``,
    a page without a live translation maps to itself.
    """
    pages = [page for page in pages if page is not None]
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    queryset = Page.objects.live().filter(
        translation_key__in=keys, locale__language_code=get_language()
    )
    if specific:
        queryset = queryset.specific()
    found = {page.translation_key: page for page in queryset}
    if fallback:
        for page in pages:
            found.setdefault(page.translation_key, page.specific if specific else page)
    return found
