"""What a visitor narrows the directory to: discipline, kind, district, a search, a letter, an order.

One FilterSet per directory serves the HTML page and the API, so both always agree. Choices
are the vocabulary of the directory's language; entries match by translation key, because an
English page points to the German entries. Values that name nothing are left out of the
filtering and reported at their field.
"""

import string
from functools import partial, reduce
from operator import or_

import django_filters
from django import forms
from django.db.models import Q, Value
from django.db.models.functions import Lower, Replace, Substr
from django.utils.translation import gettext_lazy as _

from home.search import clean_query
from kulturnetz import reference
from kulturnetz.models import (
    AccessibilityFeature,
    ActorKind,
    ActorPage,
    Discipline,
    District,
    VenuePage,
)

# The bucket of names that do not start with a letter A–Z ("#" in the letter bar).
OTHER_LETTER = "0-9"
LETTERS = [*string.ascii_uppercase, OTHER_LETTER]
A_TO_Z = frozenset(string.ascii_uppercase)
MAX_CAPACITY = 1_000_000

# German collation: Ä sorts with A, Ö with O, Ü with U, ß as ss. Written out because SQLite's
# LOWER/UPPER change ASCII letters only; kept short because each letter nests one REPLACE
# deeper and SQLite's parser has a limited stack.
FOLDED_LETTERS = {
    "Ä": "a",
    "ä": "a",
    "Ö": "o",
    "ö": "o",
    "Ü": "u",
    "ü": "u",
    "ß": "ss",
    "É": "e",
    "é": "e",
}


def sort_name(field="title"):
    """The name as German readers sort it: lower case, umlauts folded to their base letter."""
    expression = field
    for letter, base in FOLDED_LETTERS.items():
        expression = Replace(expression, Value(letter), Value(base))
    return Lower(expression)


def with_sort_keys(pages):
    """Annotate ``sort_name`` for ordering."""
    return pages.annotate(sort_name=sort_name())


def letter_of(character):
    """The letter of the A–Z bar that a name starting with ``character`` is filed under."""
    base = FOLDED_LETTERS.get(character, character)[:1]
    letter = base.upper() if base.isascii() else ""
    return letter if letter in A_TO_Z else OTHER_LETTER


def filed_under(letter, field="title"):
    """The names filed under ``letter``, by their first character only.

    Folding every name first (``sort_name()``) made the database fold ten thousand names to
    count one letter; these few prefixes, umlauts included, say the same.
    """
    if letter == OTHER_LETTER:
        return ~reduce(or_, (filed_under(each, field) for each in sorted(A_TO_Z)))
    base = letter.lower()
    starts = {letter, base, *(c for c, folded in FOLDED_LETTERS.items() if folded[0] == base)}
    return reduce(or_, (Q(**{f"{field}__startswith": start}) for start in sorted(starts)))


class Sorting:
    NAME = "name"
    NAME_DESCENDING = "name-absteigend"
    NEWEST = "neueste"

    choices = [
        (NAME, _("Name A–Z")),
        (NAME_DESCENDING, _("Name Z–A")),
        (NEWEST, _("Neueste zuerst")),
    ]
    orderings = {
        NAME: ("sort_name", "pk"),
        NAME_DESCENDING: ("-sort_name", "-pk"),
        NEWEST: ("-first_published_at", "-pk"),
    }


class VocabularyChoiceFilter(django_filters.ChoiceFilter):
    """A vocabulary entry named by its slug; matches pages by the entry's translation key.

    Choices and keys come from the cached vocabulary of the directory's language
    (kulturnetz/reference.py), so neither the form nor the filtering asks the database.
    """

    def __init__(self, *args, lookup, **kwargs):
        self.lookup = lookup
        kwargs.setdefault("empty_label", _("Alle"))
        super().__init__(*args, **kwargs)

    def filter(self, pages, value):
        if not value:
            return pages
        model = self.parent.vocabularies[self.field_name]
        keys = reference.translation_keys(model, [value], self.parent.locale)
        return pages.filter(**{f"{self.lookup}__translation_key__in": keys})


class DirectoryFilter(django_filters.FilterSet):
    """What both directories share: search, letter and sorting; choices in ``locale``."""

    q = django_filters.CharFilter(
        label=_("Suche"),
        method="filter_search",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    buchstabe = django_filters.ChoiceFilter(
        label=_("Anfangsbuchstabe"),
        choices=[(letter, "#" if letter == OTHER_LETTER else letter) for letter in LETTERS],
        method="filter_letter",
    )
    sortierung = django_filters.ChoiceFilter(
        label=_("Sortierung"),
        choices=Sorting.choices,
        method="filter_sorting",
        empty_label=None,
    )

    # Fields whose choices are vocabulary entries of the directory's language.
    vocabularies = {}
    # What the free-text search looks at besides the name and the short description.
    search_lookups = ()

    def __init__(self, data=None, queryset=None, *, locale, **kwargs):
        self.locale = locale
        super().__init__(data, queryset=with_sort_keys(queryset), **kwargs)
        for name, model in self.vocabularies.items():
            self.filters[name].extra["choices"] = partial(reference.choices, model, locale)

    @property
    def qs(self):
        pages = super().qs
        sorting = self.form.cleaned_data.get("sortierung") if self.is_bound else None
        if not sorting:
            pages = pages.order_by(*Sorting.orderings[Sorting.NAME])
        return pages

    def filter_search(self, pages, name, value):
        query = clean_query(value)
        if not query:
            return pages
        condition = Q()
        for word in query.split():
            word_condition = Q(title__icontains=word) | Q(intro__icontains=word)
            for lookup in self.search_lookups:
                word_condition |= Q(**{f"{lookup}__icontains": word})
            condition &= word_condition
        return pages.filter(condition)

    def filter_letter(self, pages, name, value):
        return pages.filter(filed_under(value)) if value else pages

    def filter_sorting(self, pages, name, value):
        return pages.order_by(*Sorting.orderings.get(value, Sorting.orderings[Sorting.NAME]))

    def letters_in_use(self):
        """The letters that have entries under every other filter (one query)."""
        without_letter = self.queryset.all()
        if self.is_bound:
            self.form.is_valid()
            for name, value in self.form.cleaned_data.items():
                if name not in ("buchstabe", "sortierung"):
                    without_letter = self.filters[name].filter(without_letter, value)
        starts = without_letter.order_by().values_list(Substr("title", 1, 1), flat=True)
        return {letter_of(character) for character in starts.distinct()}

    def active_filters(self):
        """Whether any filter (other than the order) narrows the list."""
        if not self.is_bound:
            return False
        self.form.is_valid()
        return any(
            value not in (None, "", [])
            for name, value in self.form.cleaned_data.items()
            if name != "sortierung"
        ) or bool(self.form.errors)


class ActorFilter(DirectoryFilter):
    sparte = VocabularyChoiceFilter(label=_("Sparte"), lookup="disciplines")
    art = VocabularyChoiceFilter(label=_("Art"), lookup="kind")
    ortsteil = VocabularyChoiceFilter(label=_("Ortsteil"), lookup="district")

    vocabularies = {"sparte": Discipline, "art": ActorKind, "ortsteil": District}

    class Meta:
        model = ActorPage
        fields = ["q", "sparte", "art", "ortsteil", "buchstabe", "sortierung"]


class VenueFilter(DirectoryFilter):
    ortsteil = VocabularyChoiceFilter(label=_("Ortsteil"), lookup="district")
    barrierefrei = django_filters.MultipleChoiceFilter(
        label=_("Barrierefreiheit"),
        method="filter_accessibility",
        widget=forms.CheckboxSelectMultiple,
    )
    plaetze = django_filters.NumberFilter(
        label=_("Mindestens so viele Plätze"),
        field_name="capacity",
        lookup_expr="gte",
        min_value=1,
        max_value=MAX_CAPACITY,
        widget=forms.NumberInput(attrs={"min": 1, "step": 1}),
    )

    vocabularies = {"ortsteil": District, "barrierefrei": AccessibilityFeature}
    search_lookups = ("street", "town")

    class Meta:
        model = VenuePage
        fields = ["q", "ortsteil", "barrierefrei", "plaetze", "buchstabe", "sortierung"]

    def filter_accessibility(self, pages, name, slugs):
        # Every chosen feature must be there (one join each; a venue has each feature once).
        for key in reference.translation_keys(AccessibilityFeature, slugs or (), self.locale):
            pages = pages.filter(accessibility__translation_key=key)
        return pages
