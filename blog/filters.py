"""What a visitor narrows the blog to: a category, a tag, an author or a month.

One filter serves the HTML list, its feeds and the language switcher, so they always agree.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from blog.models import BlogCategory, Person
from blog.queries import tag_for_slug


@dataclass(frozen=True)
class PostFilter:
    """One filter of the blog; an empty ``route`` means all posts."""

    route: tuple = ()  # the route's name and arguments, e.g. ("category", "feste")
    title: str = ""
    condition: Q = field(default_factory=Q)
    # The filter's slug in each language (categories, authors and tags are translated).
    slugs: dict | None = None
    context: dict = field(default_factory=dict)

    def apply(self, posts):
        return posts.filter(self.condition).distinct() if self.route else posts


def _snippet_with_slugs(model, slug, locale):
    """The snippet with ``slug`` in ``locale``, and its slug in each language: one query."""
    translations = list(
        model.objects.filter(
            translation_key__in=model.objects.filter(slug=slug, locale=locale).values(
                "translation_key"
            )
        ).select_related("locale")
    )
    found = next((t for t in translations if t.locale_id == locale.pk and t.slug == slug), None)
    if found is None:
        raise Http404
    return found, {t.locale.language_code: t.slug for t in translations}


def post_filter(locale, *, category=None, tag=None, author=None, year=None, month=None):
    """The filter a blog address names, in the blog's ``locale``; 404 for what does not exist."""
    if category:
        found, slugs = _snippet_with_slugs(BlogCategory, category, locale)
        return PostFilter(
            route=("category", found.slug),
            title=_("Kategorie: %(name)s") % {"name": found.name},
            condition=Q(categories__translation_key=found.translation_key),
            slugs=slugs,
            context={"category": found},
        )
    if tag:
        found, name = tag_for_slug(tag, locale)
        slugs = {code: found.slug for code, _name in settings.LANGUAGES}
        slugs.update(found.translations.values_list("locale__language_code", "slug"))
        return PostFilter(
            route=("tag", tag),
            title=_("Schlagwort: %(name)s") % {"name": name},
            condition=Q(tagged_items__tag=found),
            slugs=slugs,
        )
    if author:
        found, slugs = _snippet_with_slugs(Person, author, locale)
        return PostFilter(
            route=("author", found.slug),
            title=_("Beiträge von %(name)s") % {"name": found.name},
            condition=Q(post_authors__person__translation_key=found.translation_key),
            slugs=slugs,
            context={"person": found},
        )
    if year:
        if not 1 <= month <= 12:
            raise Http404
        return PostFilter(
            route=("month", year, f"{month:02d}"),
            title=_("Archiv: %(month)s %(year)s") % {"month": MONTHS[month], "year": year},
            condition=Q(date__year=year, date__month=month),
        )
    return PostFilter()
