"""Reference data that every public page of the Kulturnetz reads, kept per language in the cache.

The vocabularies (categories, disciplines, districts, kinds, accessibility features), the venues
that filters and forms offer, and the sections behind a view restriction change rarely and
only through an editor, yet a calendar page asked for them in five queries. They live in the
shared cache under the content generation (``home.cache_generation``), which every such change
bumps (vocabularies are snippets, venues are pages; view restrictions bump it too),
so each process and server builds them once per language and change.
"""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

from home import public_cache
from home.public_cache import public


def cached(name, build):
    """``build()``'s result for the current content generation, named in the Kulturnetz."""
    return public_cache.cached(f"kulturnetz:{name}", build)


def _locale_id(locale):
    return getattr(locale, "pk", locale)


def _entries(model):
    """Every entry of a vocabulary in every language, in the vocabulary's own order."""
    return cached(model._meta.label_lower, lambda: list(model.objects.all()))


def vocabulary(model, locale):
    """Every entry of a vocabulary in ``locale``, in the vocabulary's own order."""
    locale_id = _locale_id(locale)
    return [entry for entry in _entries(model) if entry.locale_id == locale_id]


def term(model, pk, locale):
    """The entry ``pk`` of a vocabulary in ``locale`` (itself where it has no translation
    there), or None for no entry: a page's category or district without a query."""
    if pk is None:
        return None
    entries = _entries(model)
    entry = next((entry for entry in entries if entry.pk == pk), None)
    if entry is None:
        return model.objects.filter(pk=pk).first()
    return localised_terms([entry], locale)[0]


def choices(model, locale):
    """(slug, name) of a vocabulary's entries in ``locale``, for a filter's choices."""
    return [(entry.slug, entry.name) for entry in vocabulary(model, locale)]


def translation_keys(model, slugs, locale):
    """Translation keys of the entries with these slugs in ``locale``."""
    slugs = set(slugs)
    return [entry.translation_key for entry in vocabulary(model, locale) if entry.slug in slugs]


def localised_terms(objects, locale):
    """Vocabulary entries in ``locale``, keeping their order (as ``localised_snippets``, from
    the cache); an entry without a translation in ``locale`` stays as it is."""
    objects = list(objects)
    if not objects:
        return []
    found = {entry.translation_key: entry for entry in vocabulary(type(objects[0]), locale)}
    return [found.get(item.translation_key, item) for item in objects]


def venue_choices(locale):
    """(slug, title) of the live public venues in ``locale`` by title, or where the venues
    are not translated, the German ones."""
    from kulturnetz.models import VenuePage

    locale_id = _locale_id(locale)

    def build():
        venues = public(VenuePage.objects.live()).order_by("title")
        found = list(venues.filter(locale_id=locale_id).values_list("slug", "title"))
        if not found:
            found = list(
                venues.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
                    "slug", "title"
                )
            )
        return found

    return cached(f"venue-choices:{locale_id}", build)


def calendar_url(locale):
    """The address of the live calendar in ``locale`` (a Locale or its id), or ""."""
    from kulturnetz.models import EventIndexPage

    locale_id = _locale_id(locale)

    def build():
        calendar = EventIndexPage.for_locale(locale_id)
        return calendar.url if calendar is not None else ""

    return cached(f"calendar-url:{locale_id}", build)


def privacy_url(request):
    """The privacy policy (the site's, as the comment form links it) in the visitor's language."""
    from comments.models import DiscussionSettings

    def find():
        privacy_id = DiscussionSettings.for_request(request).privacy_page_id
        if privacy_id is None:
            return ""
        key = Page.objects.filter(pk=privacy_id).values("translation_key")
        pages = Page.objects.live().filter(translation_key__in=key).select_related("locale")
        found = {page.locale.language_code: page for page in pages}
        page = found.get(get_language()) or next(
            (p for p in found.values() if p.pk == privacy_id), None
        )
        return page.get_url(request) if page is not None else ""

    # The same for every visitor of a site and language: the setting and the pages change
    # only through an editor, which starts a new content generation.
    return cached(f"privacy-url:{request.get_host()}:{get_language()}", find)
