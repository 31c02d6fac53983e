"""Pages and snippets in a language, looked up for many at once."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Page

from home.public_cache import public as cached_public


def localised_pages(pages, specific=False, fallback=True, public=False):
    """Map each page's translation key to its live page in the active language.

    One query for all pages (plus one per page type when ``specific``), where calling
    ``page.localized`` for each would cost two or three queries per page. With ``fallback``,
    a page without a live translation maps to itself. With ``public``, only live pages
    without a view restriction are returned (for lists that show a page's title and text),
    and a page without such a translation is left out.
    """
    pages = [page for page in pages if page is not None]
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    queryset = Page.objects.live().filter(
        translation_key__in=keys, locale__language_code=get_language()
    )
    if public:
        queryset = cached_public(queryset)
    if specific:
        queryset = queryset.specific()
    found = {page.translation_key: page for page in queryset}
    if fallback:
        missing = [page for page in pages if page.translation_key not in found]
        if public and missing:
            visible = set(
                cached_public(Page.objects.live())
                .filter(pk__in=[p.pk for p in missing])
                .values_list("pk", flat=True)
            )
            missing = [page for page in missing if page.pk in visible]
        for page in missing:
            found.setdefault(page.translation_key, page.specific if specific else page)
    return found


def localised_snippets(objects, locale):
    """Translatable snippets (authors, categories, …) in ``locale``, keeping their order.

    One query for all; an object without a translation in ``locale`` stays as it is.
    """
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    found = {
        item.translation_key: item
        for item in model.objects.filter(
            translation_key__in=[o.translation_key for o in objects], locale=locale
        )
    }
    return [found.get(item.translation_key, item) for item in objects]


# A page type with ``listed_untranslated = True`` is listed in every language's lists until it
# is translated (through in_language_with_fallback): a translation is welcome, not required.
LISTED_UNTRANSLATED = "listed_untranslated"


def in_language_with_fallback(pages, locale):
    """``pages`` in ``locale``, plus those in the default language with no live translation there.

    For listings whose entries are often written in German only (the Kulturnetz): an English
    visitor sees every entry, translated where a translation is live, else in German. For the
    default language itself, just the pages in it.
    """
    locale_id = getattr(locale, "pk", locale)
    in_language = Q(locale_id=locale_id)
    translated = pages.model.objects.live().filter(locale_id=locale_id).values("translation_key")
    untranslated = Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(
        translation_key__in=translated
    )
    return pages.filter(in_language | untranslated)


_active_locales = {}


def active_locale():
    """``Locale.get_active()`` without a query per call.

    Wagtail's method queries the locale table each time; a home page or a search asks it once
    per section or source. The locale of each language is kept per process; saving or deleting
    a locale empties that memo (``forget_locales``, connected in ``home/apps.py``). A locale's
    row never changes otherwise: its id and language code are fixed once it exists.
    """
    from wagtail.models import Locale

    language = get_language()
    if language not in _active_locales:
        try:
            _active_locales[language] = Locale.objects.get_for_language(language)
        except (Locale.DoesNotExist, LookupError):
            return Locale.get_default()  # not kept: the locale may be created later
    return _active_locales[language]


_locales_by_id = {}


def locale_by_id(locale_id):
    """A locale by its id, from a per-process memo (emptied with ``forget_locales``)."""
    from wagtail.models import Locale

    if locale_id not in _locales_by_id:
        _locales_by_id.update(Locale.objects.in_bulk())
    return _locales_by_id.get(locale_id) or Locale.objects.get(pk=locale_id)


def forget_locales(**kwargs):
    _active_locales.clear()
    _locales_by_id.clear()
