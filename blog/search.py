"""The blog's part of the site search: posts by their words, their categories and their tags.

A post is found by its title, teaser and text (the search backend), and also by the name of a
category or tag it carries, in the visitor's language, as the blog shows those names. Names are
compared in Python, case-folded: SQLite's LIKE folds only ASCII letters ("Öffentlichkeit"), and
there are few categories and tags. Each hit shows the post's teaser and date.
"""

from django.db.models import Q
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail.models import Locale

from blog.models import BlogCategory, BlogPostPage, TagTranslation
from home.search import search_terms
from portal.hooks import SearchResult

MAX_POST_RESULTS = 100


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
    return BlogPostPage.objects.live().public().filter(locale=locale).defer_streamfields()


def search_posts(query, request):
    """Posts of the visitor's language: text hits by relevance, then posts named by a category or tag."""
    locale = Locale.get_active()
    terms = [term.casefold() for term in search_terms(query)]
    if not terms:
        return []
    phrase = " ".join(terms)
    found = list(_visible_posts(locale).search(query)[:MAX_POST_RESULTS])

    category_keys = _matching_category_keys(locale, terms, phrase)
    tag_ids = _matching_tag_ids(locale, terms, phrase)
    if category_keys or tag_ids:
        seen = {post.pk for post in found}
        by_name = (
            _visible_posts(locale)
            .filter(
                Q(categories__translation_key__in=category_keys)
                | Q(tagged_items__tag_id__in=tag_ids)
            )
            .exclude(pk__in=seen)
            .distinct()
            .order_by("-date", "-pk")
        )
        found.extend(by_name[: MAX_POST_RESULTS - len(found)])

    kind = gettext("Blog-Beitrag")
    return [
        SearchResult(
            title=post.title,
            url=post.get_url(request),
            summary=post.teaser,
            kind=kind,
            date=post.date,
        )
        for post in found
    ]
