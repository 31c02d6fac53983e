"""The blog's part of the site search: posts by their words, their categories and their tags.

A post is found by its title, teaser and text (the search backend), and also by the name of a
category or tag it carries, in the visitor's language, as the blog shows those names. Names are
compared in Python, case-folded: SQLite's LIKE folds only ASCII letters ("Öffentlichkeit"), and
there are few categories and tags. Each hit shows the post's teaser and date.
"""

from django.db.models import Q
from django.utils.translation import gettext
from taggit.models import Tag

from blog.models import BlogCategory, BlogPostPage, TagTranslation
from home.localisation import active_locale
from home.public_cache import public
from home.ranking import RankedMatches
from home.search import search_terms
from portal.hooks import SearchHits, SearchResult


def name_matches(name, terms, phrase):
    """Whether a category or tag name is what the visitor asks for.

    Every word of the query is part of the name ("Feste" finds "Feste & Feiern"), or the whole
    name stands in the query ("Digitalisierung im Haus" finds "Digitalisierung").
    """
    name = name.casefold()
    return all(term in name for term in terms) or name in phrase


def _matching_category_keys(locale, terms, phrase):
    categories = BlogCategory.objects.filter(locale=locale).values_list("name", "translation_key")
    return [key for name, key in categories if name_matches(name, terms, phrase)]


def _matching_tag_ids(locale, terms, phrase):
    """Tags whose name in ``locale`` matches: an editor's translation where there is one."""
    names = dict(Tag.objects.values_list("pk", "name"))
    names.update(TagTranslation.objects.filter(locale=locale).values_list("tag_id", "name"))
    return [pk for pk, name in names.items() if name_matches(name, terms, phrase)]


def _visible_posts(locale):
    return public(BlogPostPage.objects.live()).filter(locale=locale).defer_streamfields()


class PostHits(SearchHits):
    """Text hits by relevance, then the posts named by a category or tag, newest first."""

    def __init__(self, query, request):
        self.request = request
        locale = active_locale()
        terms = [term.casefold() for term in search_terms(query)]
        phrase = " ".join(terms)
        self.by_text = RankedMatches(_visible_posts(locale), query)
        category_keys = _matching_category_keys(locale, terms, phrase)
        tag_ids = _matching_tag_ids(locale, terms, phrase)
        self.by_name = None
        if category_keys or tag_ids:
            self.by_name = (
                _visible_posts(locale)
                .filter(
                    Q(categories__translation_key__in=category_keys)
                    | Q(tagged_items__tag_id__in=tag_ids)
                )
                .exclude(pk__in=self.by_text.matching_keys())
                .distinct()
                .order_by("-date", "-pk")
            )
        self._by_name_count = None

    def _name_count(self):
        if self._by_name_count is None:
            self._by_name_count = self.by_name.count() if self.by_name is not None else 0
        return self._by_name_count

    def count(self):
        return self.by_text.count() + self._name_count()

    def results(self, start, stop):
        text_count = self.by_text.count()
        found = self.by_text.objects(start, min(stop, text_count))
        if stop > text_count and self._name_count():
            found += list(self.by_name[max(start - text_count, 0) : stop - text_count])
        kind = gettext("Blog-Beitrag")
        return [
            SearchResult(
                title=post.title,
                url=post.get_url(self.request),
                summary=post.teaser,
                kind=kind,
                date=post.date,
            )
            for post in found
        ]


def search_posts(query, request):
    """Posts of the visitor's language: text hits by relevance, then posts named by a category or tag."""
    if not search_terms(query):
        return []
    return PostHits(query, request)
