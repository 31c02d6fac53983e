"""The site search: every source's hits, and the page search (every live, public page in the
visitor's language that no other source presents)."""

from django.db.models import OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags
from wagtail.models import Page, get_page_models

from home.localisation import active_locale
from home.public_cache import public
from home.ranking import RankedMatches
from portal.hooks import SEARCH_SOURCES, ListHits, SearchHits, SearchResult, collect

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


def searchable_pages(exclude=()):
    """Live, public pages of the visitor's language, without the page types in ``exclude``."""
    pages = public(Page.objects.live()).filter(locale=active_locale())
    if exclude:
        pages = pages.not_type(*exclude)
    return pages


def page_matches(query):
    """Pages that the page search finds by their words, as a subquery of their ids: a source
    that adds pages by other means (a district, a category) leaves these out."""
    return RankedMatches(searchable_pages(pages_presented_elsewhere()), query).matching_keys()


class PageHits(SearchHits):
    """The page search's hits: counted and ranked in the database, built ten at a time."""

    def __init__(self, query, request):
        self.request = request
        self.claimed = pages_presented_elsewhere()
        self.matches = RankedMatches(searchable_pages(self.claimed), query)

    def count(self):
        return self.matches.count()

    def results(self, start, stop):
        found = self.matches.objects(start, stop)
        intros = _intros(found, self.claimed)
        results = []
        for page in found:
            summary = page.search_description or intros.get(page.pk) or ""
            results.append(
                SearchResult(
                    title=page.title,
                    url=page.get_url(self.request),
                    summary=strip_tags(summary),
                    kind=str(page.specific_class._meta.verbose_name),
                )
            )
        return results


def search_pages(query, request):
    """Pages found by their words, in a fixed number of queries whatever their number and types."""
    return PageHits(query, request)


class CombinedHits:
    """The hits of every source one after the other, as the paginator pages through them.

    Sources are disjoint (see SearchSource), so the total is the sum of their counts, and a
    page of results asks each source only for its own part of that page.
    """

    def __init__(self, hits):
        self.hits = [h if isinstance(h, SearchHits) else ListHits(h) for h in hits]
        self._counts = None

    def counts(self):
        if self._counts is None:
            self._counts = [hits.count() for hits in self.hits]
        return self._counts

    def count(self):
        return sum(self.counts())

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop, _step = key.indices(self.count())
        results, offset, seen = [], 0, set()
        for hits, count in zip(self.hits, self.counts(), strict=True):
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                for result in hits.results(low, high):
                    # A safety net for sources that overlap after all: each address once.
                    if result.url not in seen:
                        seen.add(result.url)
                        results.append(result)
            offset += count
        return results


def search_everything(query, request):
    """Every source's hits for ``query``, in the sources' order (``SearchSource.order``)."""
    sources = sorted(collect(SEARCH_SOURCES), key=lambda s: (s.order, s.key))
    return CombinedHits(source.search(query, request) for source in sources)
