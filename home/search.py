"""The page search: every live, public page in the visitor's language."""

from django.utils.html import strip_tags
from wagtail.models import Locale, Page

from portal.hooks import SEARCH_SOURCES, SearchResult, collect

MAX_PAGE_RESULTS = 100
SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_QUERY_MAX_TERMS = 20

# The search backends put each word into the database's full-text syntax: modelsearch's SQLite
# backend wraps a word in FTS5 double quotes without doubling a quote inside it, so `abc"` is a
# syntax error. Such characters separate words for every backend's tokenizer anyway.
FULL_TEXT_SYNTAX = str.maketrans({'"': " "})


def search_terms(raw):
    """The words of a query as every search backend can take them: no control characters, no quotes."""
    printable = "".join(char if char.isprintable() else " " for char in raw)
    return printable.translate(FULL_TEXT_SYNTAX).split()


def clean_query(raw):
    """A visitor's query cut to a size the backends handle (each word nests one level deeper)."""
    words = search_terms(raw[: SEARCH_QUERY_MAX_LENGTH * 4])[:SEARCH_QUERY_MAX_TERMS]
    return " ".join(words)[:SEARCH_QUERY_MAX_LENGTH].strip()


def pages_presented_elsewhere():
    """Page models that another search source finds and presents itself."""
    return [model for source in collect(SEARCH_SOURCES) for model in source.page_types]


def search_pages(query, request):
    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    claimed = pages_presented_elsewhere()
    if claimed:
        pages = pages.not_type(*claimed)
    pages = pages.specific().search(query)[:MAX_PAGE_RESULTS]
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
