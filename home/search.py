"""The page search: every live, public page in the visitor's language."""

from django.db.models import OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, get_page_models

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


def _intro_models(exclude):
    """Concrete page models with their own ``intro`` text (the summary under a result)."""
    models = []
    for model in get_page_models():
        if model in exclude or model._meta.abstract:
            continue
        field = next((f for f in model._meta.local_fields if f.name == "intro"), None)
        if field is not None:
            models.append(model)
    return models


def _intros(pages, exclude):
    """{page id: intro} for pages of any type, in one query (not one per page type)."""
    models = _intro_models(exclude)
    if not pages or not models:
        return {}
    found = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values("intro")[:1]) for model in models
    ]
    rows = (
        Page.objects.filter(pk__in=[page.pk for page in pages])
        .annotate(summary=Coalesce(*found, Value(""), output_field=TextField()))
        .values_list("pk", "summary")
    )
    return dict(rows)


def search_pages(query, request):
    """Pages found by their words, in a fixed number of queries whatever their types."""
    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    claimed = pages_presented_elsewhere()
    if claimed:
        pages = pages.not_type(*claimed)
    found = list(pages.search(query)[:MAX_PAGE_RESULTS])
    intros = _intros(found, claimed)
    results = []
    for page in found:
        summary = page.search_description or intros.get(page.pk) or ""
        results.append(
            SearchResult(
                title=page.title,
                url=page.get_url(request),
                summary=strip_tags(summary),
                kind=str(page.specific_class._meta.verbose_name),
            )
        )
    return results
