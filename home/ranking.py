"""Full-text matches of a queryset, counted and ranked in the database, fetched a slice at a time.

Every search source of the portal goes through this, so a results page costs the same whether
ten or thirty thousand things match. The ranking is the search backend's own (Wagtail's
database backend: BM25 on SQLite's FTS5, ``ts_rank`` with the configured language on
PostgreSQL), so titles weigh more than body text as before. Two things differ from calling
``queryset.search(query)`` and slicing:

- On SQLite the backend attaches the score to each candidate row through a correlated
  subquery that repeats the full-text match, so ranking N hits costs N matches (about 38 s
  for "Haus" on 30,000 pages). Here the score comes from one pass over the full-text index,
  joined to the candidates.
- Only the keys of the slice shown are ranked and fetched; the caller builds objects for
  those alone.
"""

from django.db import connection
from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.base import EmptySearchResults
from wagtail.search.backends import get_search_backend


def _sqlite_fts_backend():
    """The SQLite FTS5 backend's results class, or None on other databases (where its module
    cannot even be imported: its FTS model exists only on SQLite)."""
    if connection.vendor != "sqlite":
        return None
    try:
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchResults
    except (ImportError, LookupError):  # pragma: no cover - SQLite without FTS5
        return None
    return SQLiteSearchResults


class RankedMatches:
    """The objects of ``queryset`` that match ``query``, best first (ties: newest first)."""

    def __init__(self, queryset, query, excluding=()):
        self.queryset = queryset
        # Primary keys to leave out (the search backend refuses filters on fields it does not
        # index, so they are left out here, after its checks).
        self.excluding = list(excluding)
        self.found = get_search_backend().search(query, queryset)
        self._count = None
        sqlite_results = _sqlite_fts_backend()
        self._fts_entries = None
        if sqlite_results is not None and isinstance(self.found, sqlite_results):
            self._fts_entries = self._sqlite_entries()

    def _sqlite_entries(self):
        """FTS5 rows that match, restricted to the queryset's objects, with their BM25 score;
        None where the backend's own query is needed (a query that only excludes)."""
        from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
        from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
        from modelsearch.query import MatchAll, Not
        from modelsearch.utils import get_descendants_content_types_pks

        compiler = self.found.query_compiler
        query = normalize(compiler.query)
        if isinstance(query, MatchAll | Not):
            return None
        match = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS, compiler.build_search_query(query)
        )
        candidates = self.queryset.order_by().annotate(key=Cast("pk", CharField())).values("key")
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                index_entry__object_id__in=candidates,
            )
            .exclude(index_entry__object_id__in=[str(pk) for pk in self.excluding])
        )

    def _ranked(self):
        """The backend's own ranked queryset (PostgreSQL: ts_rank over the indexed vectors)."""
        if isinstance(self.found, EmptySearchResults):
            return self.queryset.none()
        return self.found.get_queryset().exclude(pk__in=self.excluding)

    def count(self):
        if self._count is None:
            if self._fts_entries is not None:
                self._count = self._fts_entries.count()
            else:
                self._count = self._ranked().count()
        return self._count

    def keys(self, start, stop):
        """Primary keys from ``start`` to ``stop`` in rank order (one query)."""
        if stop <= start or self.count() == 0:
            return []
        if self._fts_entries is not None:
            compiler = self.found.query_compiler
            rank = compiler._build_rank_expression(compiler.get_search_vectors(), None)
            rows = (
                self._fts_entries.annotate(
                    score=rank,
                    key=Cast("index_entry__object_id", IntegerField()),
                )
                .order_by("score", "-key")
                .values_list("key", flat=True)
            )
            return list(rows[start:stop])
        return list(self._ranked().values_list("pk", flat=True)[start:stop])

    def objects(self, start, stop, queryset=None):
        """The objects from ``start`` to ``stop`` in rank order, from ``queryset`` (default: the
        searched one, which may add select_related and the like): two queries, or none."""
        keys = self.keys(start, stop)
        if not keys:
            return []
        by_key = (queryset if queryset is not None else self.queryset).in_bulk(keys)
        return [by_key[key] for key in keys if key in by_key]

    def matching_keys(self):
        """A subquery of the primary keys that match, for excluding them elsewhere."""
        if self._fts_entries is not None:
            return self._fts_entries.annotate(
                key=Cast("index_entry__object_id", IntegerField())
            ).values("key")
        return self._ranked().order_by().values("pk")
