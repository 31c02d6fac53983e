"""Small pieces of public output the apps keep in the shared cache under the content generation.

Reference data that every visitor of a language sees the same (vocabularies, choices of a
filter, the sections behind a view restriction) is read once per content generation
(``home/cache_generation.py``) and shared by every process and server; an editor's change
starts a new generation, so the next request reads it afresh.
"""

from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction

from home.cache_generation import generation

# Entries expire on their own after a day even when nothing bumps the generation.
TIMEOUT = 24 * 60 * 60


def cached(name, build):
    """``build()``'s result under ``name`` for the current content generation."""
    key = f"portal:public:{name}:{generation()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value


def restricted_paths():
    """Tree paths of the pages with a view restriction (their descendants are private too);
    a new, changed or removed restriction starts a new generation (home/cache_generation.py)."""
    return cached(
        "restricted-paths",
        lambda: sorted(PageViewRestriction.objects.values_list("page__path", flat=True).distinct()),
    )


def alias_paths():
    """Tree paths of the alias pages (they take the view restrictions of their originals)."""
    from wagtail.models import Page

    return cached(
        "alias-paths",
        lambda: sorted(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
    )


def may_have_view_restrictions(page):
    """Whether Wagtail's ``page.get_view_restrictions()`` can find any.

    Never where the site has no restriction at all; otherwise wherever the page or one above it
    is restricted, and, to be safe, for aliases and pages below one (their originals decide).
    """
    restricted = restricted_paths()
    if not restricted:
        return False
    if page.alias_of_id is not None:
        return True
    return page.path.startswith(tuple(restricted)) or page.path.startswith(tuple(alias_paths()))


def public(pages):
    """``pages.public()`` with the restrictions read from the cache: Wagtail's own asks the
    database on every call, several times on a listing page."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages


def shown_pages(model, ids, keys, *related):
    """{translation key: page}: the live, public pages of a family (``keys``: translation keys,
    or a query of them) in the visitor's language, else the original (``ids``) where it is
    live and public. One query, where ``localised_pages`` took up to four."""
    ids = set(ids) - {None}
    if not ids:
        return {}
    pages = public(model.objects.live()).filter(translation_key__in=keys)
    language = get_language()
    found = {}
    for page in pages.select_related("locale", *related):
        if page.locale.language_code == language:
            found[page.translation_key] = page
        elif page.pk in ids:
            found.setdefault(page.translation_key, page)
    return found
