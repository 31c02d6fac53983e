"""The queries behind the directories of actors and venues: pages, API and search share them."""

from django.conf import settings
from django.db.models import Prefetch, Q
from wagtail.images import get_image_model
from wagtail.models import Page

from home.localisation import in_language_with_fallback
from home.pagination import PAGE_PARAM, paginate
from home.public_cache import public
from kulturnetz.filters_directory import OTHER_LETTER, ActorFilter, VenueFilter
from kulturnetz.models import ActorPage, Discipline, VenuePage
from kulturnetz.reference import cached, localised_terms

ENTRIES_PER_PAGE = 24


def _renditions():
    return get_image_model().get_rendition_model().objects.all()


def actor_cards(actors):
    """Actors with everything a card shows (kind, disciplines, district, logo) in fixed queries."""
    return (
        actors.select_related("kind", "district", "logo", "locale")
        .prefetch_related(
            Prefetch("disciplines", queryset=Discipline.objects.order_by("sort_order", "name")),
            Prefetch("logo__renditions", queryset=_renditions()),
        )
        .defer_streamfields()
    )


def venue_cards(venues):
    """Venues with everything a card shows (district, image) in fixed queries."""
    return (
        venues.select_related("district", "header_image", "locale")
        .prefetch_related(Prefetch("header_image__renditions", queryset=_renditions()))
        .defer_streamfields()
    )


def _listed(pages, locale=None, index_page=None):
    """Live public pages in ``locale`` (or under ``index_page``), with the untranslated German ones.

    Entries are often written in German only: the English directory lists them in German
    (home.localisation.in_language_with_fallback), from the German directory's children.
    """
    pages = public(pages.live())
    if index_page is not None:
        parents = Page.objects.filter(
            Q(pk=index_page.pk)
            | Q(
                translation_key=index_page.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
        )
        places = cached(
            f"directory-parents:{index_page.pk}",
            lambda: list(parents.values_list("path", "depth")),
        )
        below = Q()
        for path, depth in places:
            below |= Q(path__startswith=path, depth=depth + 1)
        pages = pages.filter(below)
        locale = index_page.locale_id
    if locale is not None:
        pages = in_language_with_fallback(pages, locale)
    return pages


def live_actors(locale=None, index_page=None):
    return actor_cards(_listed(ActorPage.objects.all(), locale, index_page))


def live_venues(locale=None, index_page=None):
    return venue_cards(_listed(VenuePage.objects.all(), locale, index_page))


def localise_cards(pages, locale, vocabularies):
    """Give each page its kind, district and disciplines in ``locale`` (one query per vocabulary).

    An English page points to German vocabulary entries; the card shows the English ones.
    """
    pages = list(pages)
    locale_id = getattr(locale, "pk", locale)
    for page in pages:
        # An untranslated German entry in another language's list: its text is German.
        page.card_language = settings.LANGUAGE_CODE if page.locale_id != locale_id else ""
    for attribute in vocabularies:
        if attribute == "disciplines":
            used = {d.pk: d for page in pages for d in page.disciplines.all()}
        else:
            used = {
                getattr(page, f"{attribute}_id"): getattr(page, attribute)
                for page in pages
                if getattr(page, f"{attribute}_id")
            }
        localised = dict(zip(used, localised_terms(used.values(), locale), strict=True))
        for page in pages:
            if attribute == "disciplines":
                page.card_disciplines = [localised[d.pk] for d in page.disciplines.all()]
            else:
                entry_id = getattr(page, f"{attribute}_id")
                setattr(page, f"card_{attribute}", localised.get(entry_id))
    return pages


ACTOR_VOCABULARIES = ("kind", "district", "disciplines")
VENUE_VOCABULARIES = ("district",)


def directory_context(request, index_page, filter_class, pages, vocabularies):
    """Filter form, letter bar, count and one page of cards for a directory page."""
    filterset = filter_class(request.GET or None, queryset=pages, locale=index_page.locale)
    entries = paginate(request, filterset.qs, ENTRIES_PER_PAGE)
    entries.object_list = localise_cards(entries.object_list, index_page.locale, vocabularies)
    in_use = filterset.letters_in_use()
    chosen = filterset.form.cleaned_data.get("buchstabe") if filterset.is_bound else ""
    kept = request.GET.copy()
    for name in (PAGE_PARAM, "buchstabe"):
        kept.pop(name, None)
    letter_query = kept.urlencode()
    pagination = request.GET.copy()
    pagination.pop(PAGE_PARAM, None)
    letters = []
    for value, label in filterset.filters["buchstabe"].extra["choices"]:
        query = f"{letter_query}&buchstabe={value}" if letter_query else f"buchstabe={value}"
        letters.append(
            {
                "value": value,
                "label": label,
                "query": query,
                "in_use": value in in_use,
                "chosen": value == chosen,
                "is_other": value == OTHER_LETTER,
            }
        )
    return {
        "filter": filterset,
        "form": filterset.form,
        "entries": entries,
        "entry_count": entries.paginator.count,
        "letters": letters,
        "letter_chosen": chosen,
        "all_letters_query": letter_query,
        "pagination_query": pagination.urlencode(),
        "is_filtered": filterset.active_filters(),
    }


def actor_directory_context(request, index_page):
    pages = live_actors(index_page=index_page)
    return directory_context(request, index_page, ActorFilter, pages, ACTOR_VOCABULARIES)


def venue_directory_context(request, index_page):
    pages = live_venues(index_page=index_page)
    return directory_context(request, index_page, VenueFilter, pages, VENUE_VOCABULARIES)
